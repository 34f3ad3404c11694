import type { VerdictStatus } from '../../../common/agreements/verdict.ts';
import { Badge, type BadgeTone } from '../../components/Badge.tsx';

const tone: Record<VerdictStatus, BadgeTone> = {
  eligible: 'success',
  warnings: 'warning',
  blocked: 'danger',
};
export const verdictLabels: Record<VerdictStatus, string> = {
  eligible: 'Eligible',
  warnings: 'Warnings',
  blocked: 'Blocked',
};

export function VerdictBadge({ status }: { status: VerdictStatus }) {
  return <Badge tone={tone[status]}>{verdictLabels[status]}</Badge>;
}
