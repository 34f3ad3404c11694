import type { TicketView } from '../../../common/tickets/model.ts';
import type { SlaState } from '../../../common/tickets/slaState.ts';
import type { BadgeTone } from '../../components/Badge.tsx';

export const slaTone: Record<SlaState, BadgeTone> = {
  on_track: 'info',
  due_soon: 'warning',
  breached: 'danger',
  met: 'success',
  no_promise: 'neutral',
};

export const priorityTone: Record<TicketView['priority'], BadgeTone> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};
