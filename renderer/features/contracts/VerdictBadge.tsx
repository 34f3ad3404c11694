import { useTranslation } from 'react-i18next';
import type { VerdictStatus } from '../../../common/agreements/verdict.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

const tone: Record<VerdictStatus, BadgeTone> = {
  eligible: 'success',
  warnings: 'warning',
  blocked: 'danger',
};

export function VerdictBadge({ status }: { status: VerdictStatus }) {
  const { t } = useTranslation('contracts');
  return <Badge tone={tone[status]}>{t(`verdict.${status}`)}</Badge>;
}
