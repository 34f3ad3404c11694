/**
 * The OS keychain entry holding a keychain store's database key (./databaseKey.node.ts): one per data folder, so two
 * `LOTSEN_HOME`s on one machine never share a key. A module of its own, so the CLI can ask for the key before it
 * loads the store's driver (main/cli/earlyKeychain.node.ts).
 */
export const keychainAccount = (dataDir: string) => `database-key:${dataDir}`;
