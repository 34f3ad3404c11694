import { randomUUID } from 'node:crypto';
import { LotsenError } from '../../common/api/errors.ts';
import { readDataConfig, writeDataConfig } from './dataConfig.node.ts';

/**
 * The id that says "this machine" to approvals of pre-connect commands: a random UUID made once and kept in the data
 * folder's lotsen.json. The data folder is per machine (the OS app-data folder, or LOTSEN_HOME) while the database
 * may later be shared by a team, so the id cannot live in the database; nor is it the host name, which is neither
 * unique nor stable and which anyone can set to match another machine's. A copied data folder keeps the id; a
 * restored backup gets a new one (lotsen.json is written afresh), so its approvals are given again.
 *
 * Made at first use, so data folders set up before it get one too. Two processes making it at the same moment can
 * each write their own; the later wins, and an approval given under the other one just has to be given again.
 */
export async function machineIdOf(dataDir: string): Promise<string> {
  const config = await readDataConfig(dataDir);
  if (config === null) {
    throw new LotsenError(
      'NOT_INITIALIZED',
      'Lotsen is not set up here yet: run `lotsen init` or open the app.',
    );
  }
  if (config.machineId !== undefined) return config.machineId;
  const machineId = randomUUID();
  await writeDataConfig(dataDir, { ...config, machineId });
  return machineId;
}
