import { useEffect, useState } from 'react';

/** Rows shown at first, and added each time the end of the list comes into view. */
export const FIRST_ROWS = 100;
export const MORE_ROWS = 200;

/**
 * How many rows of a long list to render: the first hundred, more as the person scrolls towards the end, and always
 * enough to include `mustShow` (the row the keyboard has reached). Starts over when `resetKey` changes (a new search),
 * so a keystroke renders a hundred rows, not ten thousand. Returns the count and a ref for an element after the last
 * rendered row (a callback ref); when it scrolls into view, more rows follow.
 */
export function useGrowingWindow(total: number, resetKey: unknown, mustShow = 0) {
  const [grown, setGrown] = useState(FIRST_ROWS);
  const [grownFor, setGrownFor] = useState(resetKey);
  if (grownFor !== resetKey) {
    // Adjusting state while rendering (React's documented pattern for "reset on prop change"), not in an effect:
    // the new search renders once, with a hundred rows.
    setGrownFor(resetKey);
    setGrown(FIRST_ROWS);
  }
  const shown = Math.min(total, Math.max(grown, mustShow + 1));
  const [sentinel, setSentinel] = useState<Element | null>(null);

  useEffect(() => {
    if (!sentinel || shown >= total) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setGrown((current) => current + MORE_ROWS);
      },
      { rootMargin: '400px' },
    );
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [sentinel, shown, total]);

  return { shown, sentinel: setSentinel };
}
