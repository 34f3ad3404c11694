/** Details of sessions (SSH, RDP, local terminals, VPN, tools, recordings), in English (see ./index.ts). */
export const sessions = {
  noSuchSession: 'No such session.',
} as const;
