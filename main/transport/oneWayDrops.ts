/**
 * Counts one connection's dropped one-way messages (terminal acknowledgements that were malformed, or refused for
 * the input, a locked store or the role) and logs the 1st, 10th, 100th... with the last refusal's code, so a page
 * that sends nothing but bad frames cannot fill the log. A line holds the count and a code, never the message.
 */
export function oneWayDrops(log: (line: string) => void, where: string): (code: string) => void {
  let dropped = 0;
  let nextLogged = 1;
  return (code) => {
    dropped += 1;
    if (dropped < nextLogged) return;
    nextLogged *= 10;
    log(`${where}: dropped ${dropped} terminal acknowledgement(s) on one connection so far (last: ${code})`);
  };
}
