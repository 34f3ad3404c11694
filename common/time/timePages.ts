import type { TimeEntryView, TimeListInput } from './model.ts';
import { TIME_LIST_MAX_PAGE } from './model.ts';

/**
 * Every entry `time.list` has for a filter, a page at a time: each full page is followed by the one after its last
 * entry, so memory holds one page however many entries there are.
 */
export async function* timeEntryPages(
  list: (input: TimeListInput) => Promise<TimeEntryView[]>,
  filter: Omit<TimeListInput, 'after' | 'limit'>,
): AsyncGenerator<TimeEntryView[]> {
  let after: TimeListInput['after'];
  for (;;) {
    const page = await list({ ...filter, ...(after ? { after } : {}), limit: TIME_LIST_MAX_PAGE });
    if (page.length > 0) yield page;
    if (page.length < TIME_LIST_MAX_PAGE) return;
    const last = page[page.length - 1]!;
    after = { startedAt: last.startedAt, id: last.id };
  }
}
