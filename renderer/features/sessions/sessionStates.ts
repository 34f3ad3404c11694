import type { BadgeTone } from '../../components/Badge.tsx';
import type { SessionState } from '../../../common/sessions/model.ts';

// The states' words are in the `sessions` catalogue (`states.*`).

export const sessionStateTones: Record<SessionState, BadgeTone> = {
  connecting: 'info',
  preconnect: 'info',
  open: 'success',
  closed: 'neutral',
  disconnected: 'warning',
  failed: 'danger',
};
