import type { BadgeTone } from '../../components/Badge.tsx';
import type { SessionState } from '../../../common/sessions/model.ts';

export const sessionStateLabels: Record<SessionState, string> = {
  connecting: 'Connecting',
  preconnect: 'VPN',
  open: 'Open',
  closed: 'Closed',
  disconnected: 'Disconnected',
  failed: 'Failed',
};

export const sessionStateTones: Record<SessionState, BadgeTone> = {
  connecting: 'info',
  preconnect: 'info',
  open: 'success',
  closed: 'neutral',
  disconnected: 'warning',
  failed: 'danger',
};
