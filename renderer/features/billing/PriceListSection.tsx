import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('billing');
  const priceList = useBillingStore((s) => s.priceList);
  const error = useBillingStore((s) => s.priceListError);
  const loadPriceList = useBillingStore((s) => s.loadPriceList);
  const [editing, setEditing] = useState(false);
  useEffect(() => void loadPriceList(), [loadPriceList]);
  return (
    <Section title={t('prices.title')} intro={t('prices.intro')}>
      <FormError message={error} />
      {priceList && (
        <div className="card billing__prices">
          <span>{t('prices.acute')}</span>
          <strong data-testid="acute-list-price">{formatSek(priceList.acuteEscalationOre)}</strong>
          <button type="button" className="button button--small" onClick={() => setEditing(true)}>
            {t('prices.edit')}
          </button>
        </div>
      )}
      {editing && priceList && <PriceListDialog priceList={priceList} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function PriceListDialog({ priceList, onClose }: { priceList: VersionedPriceList; onClose(): void }) {
  const { t } = useTranslation('billing');
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
    <FormDialog title={t('prices.dialogTitle')} submitLabel={t('prices.save')} form={form} onClose={onClose}>
      <TextField
        binding={form.field('acuteEscalationKr')}
        label={t('prices.acuteKr')}
        hint={t('prices.acuteHint')}
        autoFocus
      />
    </FormDialog>
  );
}
