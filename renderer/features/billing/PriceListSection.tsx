import { useCallback, useEffect, useState } from 'react';
import type { PriceList, VersionedPriceList } from '../../../common/settings/priceList.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/form/fields.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import { useForm } from '../../components/form/useForm.ts';
import { formatSek } from '../../i18n/format.ts';
import { Section } from '../../components/Section.tsx';
import { useBillingStore } from '../../store/StoreProvider.tsx';
import { kronorFromOre } from '../contracts/agreementForm.ts';
import { priceListFormSpec } from './priceListForm.ts';

/** The vendor's price list: what an acute escalation made by exception (outside the agreement's option) bills. */
export function PriceListSection() {
  const priceList = useBillingStore((s) => s.priceList);
  const error = useBillingStore((s) => s.priceListError);
  const loadPriceList = useBillingStore((s) => s.loadPriceList);
  const [editing, setEditing] = useState(false);
  useEffect(() => void loadPriceList(), [loadPriceList]);
  return (
    <Section
      title="Price list"
      intro="What work outside an agreement bills. Escalations already made keep the fee they were recorded with."
    >
      <FormError message={error} />
      {priceList && (
        <div className="card billing__prices">
          <span>Acute escalation by exception</span>
          <strong data-testid="acute-list-price">{formatSek(priceList.acuteEscalationOre)}</strong>
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            Edit…
          </button>
        </div>
      )}
      {editing && priceList && <PriceListDialog priceList={priceList} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function PriceListDialog({ priceList, onClose }: { priceList: VersionedPriceList; onClose(): void }) {
  const savePriceList = useBillingStore((s) => s.savePriceList);
  // The version the dialog opened at, kept while the list reloads underneath: a save made meanwhile is refused.
  const [openedVersion] = useState(priceList.rowVersion);
  const onSubmit = useCallback(
    async (input: unknown) => {
      await savePriceList({ ...(input as PriceList), rowVersion: openedVersion });
      onClose();
    },
    [onClose, openedVersion, savePriceList],
  );
  const form = useForm(
    priceListFormSpec,
    { acuteEscalationKr: kronorFromOre(priceList.acuteEscalationOre) },
    onSubmit,
  );
  return (
    <FormDialog title="Edit the price list" submitLabel="Save prices" form={form} onClose={onClose}>
      <TextField
        binding={form.field('acuteEscalationKr')}
        label="Acute escalation by exception (kr)"
        hint="Billed for each escalation made outside an agreement's acute option. The change is audited."
        autoFocus
      />
    </FormDialog>
  );
}
