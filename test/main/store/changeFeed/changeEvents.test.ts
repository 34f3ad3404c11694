import { describe, expect, test } from 'vitest';
import type { ChangeNotice } from '../../../../main/store/changeFeed/changeChannel.ts';
import { eventsOfNotices, MOST_NAMED_PER_TICK } from '../../../../main/store/changeFeed/changeEvents.ts';

/*
 * Another member's registry writes, as the team database's notices bring them, say which of the customer list's
 * follow-up parts (servers, contacts) they touched, as the member's own handlers do: the list asks again only for those.
 */
const vaxjo = '00000000-0000-4000-8000-000000000070';
const lund = '00000000-0000-4000-8000-000000000071';
const notice = (table: ChangeNotice['table'], customerId?: string): ChangeNotice => ({
  table,
  op: 'update',
  id: '00000000-0000-4000-8000-00000000000a',
  ...(customerId === undefined ? {} : { customerId }),
});

describe('registry.changed from the change feed', () => {
  test('names per customer the parts its rows touched: contacts, servers (an environment’s name is on them), neither', () => {
    expect(
      eventsOfNotices([
        notice('contacts', vaxjo),
        notice('environments', vaxjo),
        notice('customers', lund),
        notice('support_accounts', lund),
        notice('agreements', lund),
      ]),
    ).toEqual([
      { event: 'registry.changed', payload: { customerId: vaxjo, touched: ['servers', 'contacts'] } },
      { event: 'registry.changed', payload: { customerId: lund, touched: [] } },
    ]);
  });

  test('the whole list’s change (a row of no customer, or too many to name) says nothing of what it touched', () => {
    expect(eventsOfNotices([notice('servers', vaxjo), notice('customers')])).toEqual([
      { event: 'registry.changed', payload: { customerId: null } },
    ]);
    const many = Array.from({ length: MOST_NAMED_PER_TICK + 1 }, (_, i) =>
      notice('contacts', `00000000-0000-4000-8000-${String(100 + i).padStart(12, '0')}`),
    );
    expect(eventsOfNotices(many)).toEqual([{ event: 'registry.changed', payload: { customerId: null } }]);
  });
});
