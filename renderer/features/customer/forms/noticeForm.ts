import {
  maintenanceNoticeInputSchema,
  type MaintenanceNoticeView,
} from '../../../../common/environments/maintenanceNotices.ts';
import type { FormSpec } from '../../../components/form/formSpec.ts';
import { t } from '../../../i18n/i18n.ts';
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
  stored: {
    // A stored notice has every time it needs; `now` only fills a new one's "told us at".
    values: (current) => noticeFormValues(0, current as MaintenanceNoticeView),
    // A getter: the panel reads the labels when it shows, in the language chosen then.
    get labels() {
      return {
        summary: t('customer:noticeForm.summary'),
        startsAt: t('customer:noticeForm.startsAt'),
        endsAt: t('customer:noticeForm.endsAt'),
        receivedAt: t('customer:noticeForm.receivedAt'),
      };
    },
  },
};

export function noticeFormValues(now: number, notice?: MaintenanceNoticeView): NoticeFormValues {
  return {
    summary: notice?.summary ?? '',
    startsAt: notice ? localFromInstant(notice.startsAt) : '',
    endsAt: notice?.endsAt != null ? localFromInstant(notice.endsAt) : '',
    receivedAt: localFromInstant(notice?.receivedAt ?? now),
  };
}
