/**
 * Swedish name order, with its collator made at the first comparison rather than when the module loads: ICU takes
 * several ms to start collation, which a command that loads a module and never sorts with it would pay at its start
 * (issue 17; `lotsen customers list` on an empty store sorts nothing).
 */
export function swedishCompare(options: Intl.CollatorOptions): (a: string, b: string) => number {
  let collator: Intl.Collator | undefined;
  return (a, b) => (collator ??= new Intl.Collator('sv', options)).compare(a, b);
}
