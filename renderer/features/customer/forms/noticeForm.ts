import {
  maintenanceNoticeInputSchema,
  type MaintenanceNoticeView,
} from '../../../../common/environments/maintenanceNotices.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { instantFromLocal, localFromInstant } from '../../tickets/ticketForm.ts';

export type NoticeFormValues = { summary: string; startsAt: string; endsAt: string; receivedAt: string };

/** Times are typed in Swedish time (YYYY-MM-DDTHH:MM), as on tickets; an empty end means until further notice. */
export const noticeFormSpec: FormSpec<NoticeFormValues> = {
  fields: ['summary', 'startsAt', 'endsAt', 'receivedAt'],
  schema: maintenanceNoticeInputSchema,
  toInput: (v) => ({
    summary: v.summary,
    startsAt: instantFromLocal(v.startsAt),
    endsAt: v.endsAt.trim() === '' ? null : instantFromLocal(v.endsAt),
    receivedAt: instantFromLocal(v.receivedAt),
  }),
};

export function noticeFormValues(now: number, notice?: MaintenanceNoticeView): NoticeFormValues {
  return {
    summary: notice?.summary ?? '',
    startsAt: notice ? localFromInstant(notice.startsAt) : '',
    endsAt: notice?.endsAt != null ? localFromInstant(notice.endsAt) : '',
    receivedAt: localFromInstant(notice?.receivedAt ?? now),
  };
}
