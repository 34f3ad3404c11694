import type { Handlers } from '../api/dispatcher.ts';
import type { Backend } from '../app/backend.node.ts';
import { readPriceList, writePriceList } from './priceList.ts';

type SettingsHandlers = Pick<Handlers, Extract<keyof Handlers, `settings.${string}`>>;

export function settingsHandlers(backend: Backend): SettingsHandlers {
  const ctx = () => backend.registryContext();
  return {
    'settings.priceList': async () => readPriceList(ctx().db),
    // A price change decides what later exceptions bill: audited with both prices.
    'settings.savePriceList': async (prices) => {
      const c = ctx();
      const before = await readPriceList(c.db);
      return backend.audit().appendWith(
        (trx) => writePriceList(trx, c, prices),
        (after) => ({
          event: 'settings.price_list_changed',
          subject: null,
          details: {
            acuteEscalationOreBefore: before.acuteEscalationOre,
            acuteEscalationOre: after.acuteEscalationOre,
          },
        }),
      );
    },
  };
}
