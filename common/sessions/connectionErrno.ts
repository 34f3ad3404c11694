/**
 * The errno codes a failed connection is told by (a session's server, an RDP server): the console words each as its
 * cause (renderer/store/errorMessage.ts, the value `errno`). Any other code is not passed on as a cause: the
 * detail then says only that the connection failed.
 */
export const connectionErrnos = [
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
] as const;
export type ConnectionErrno = (typeof connectionErrnos)[number];

export function connectionErrno(code: unknown): ConnectionErrno | null {
  return connectionErrnos.find((known) => known === code) ?? null;
}
