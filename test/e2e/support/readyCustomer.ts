import { writeReadyCustomerFile, type ReadyCustomerOptions } from '../../support/readyCustomerFile.ts';
import { importRegistry, type LotsenServer } from './lotsenServer.ts';

/**
 * A customer ready for work (readyCustomerFile's options) imported into the running Lotsen's data folder, as
 * `lotsen registry import` would: the set-up most browser tests start from.
 */
export async function importReadyCustomer(lotsen: Pick<LotsenServer, 'home'>, options: ReadyCustomerOptions) {
  await importRegistry(lotsen.home, await writeReadyCustomerFile(lotsen.home, options));
}
