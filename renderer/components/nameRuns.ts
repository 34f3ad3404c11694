/**
 * A name shown on one line where room is short (a session tab, a palette row): the part that may give way (a long
 * customer name, ellipsized) and the words around it that stay whole (` · WAP (2)`, `: WAP`). Together they read as
 * `whole`, which a tooltip or a label holds.
 */
export interface NameRuns {
  whole: string;
  before: string;
  yielding: string;
  after: string;
}

/** Marks where the yielding part goes in a worded name, to find the words around it whatever their order. */
const MARK = '\u0000';

/**
 * The runs of `worded(yielding)`: `worded` places its argument in the words (a catalogue's `{{customer}} · {{target}}`),
 * and is asked once with a mark in its place to find what comes before and after.
 */
export function nameRuns(yielding: string, worded: (part: string) => string): NameRuns {
  const runs = worded(MARK).split(MARK);
  if (runs.length !== 2) {
    // A wording without the part in one place: the whole name gives way rather than a wrong split.
    const whole = worded(yielding);
    return { whole, before: '', yielding: whole, after: '' };
  }
  const [before, after] = runs as [string, string];
  return { whole: `${before}${yielding}${after}`, before, yielding, after };
}

/** A name with nothing to keep whole: all of it gives way. */
export const allYielding = (name: string): NameRuns => ({
  whole: name,
  before: '',
  yielding: name,
  after: '',
});
