import { staleRecordKinds, type StaleSaveDetails } from '../../common/api/staleSave.ts';
import { formatDate, formatTime } from '../i18n/format.ts';
import { t } from '../i18n/i18n.ts';

/** The record a stale save names, in the chosen language; a kind this console does not know, as main named it. */
export function staleRecordInWords(record: string): string {
  return (staleRecordKinds as readonly string[]).includes(record)
    ? t(`forms:conflict.records.${record as (typeof staleRecordKinds)[number]}`)
    : record;
}

/**
 * Who changed the record and when, and that nothing was saved, from a stale save's details (main's English message
 * is the CLI's): "Ada Admin changed this customer at 14:02 while you had it open…". Read while rendering.
 */
export function conflictSentence(details: StaleSaveDetails, now = Date.now()): string {
  const at = details.changedAt;
  const when =
    at === null
      ? t('forms:conflict.whenUnknown')
      : formatDate(at) === formatDate(now)
        ? t('forms:conflict.whenToday', { time: formatTime(at) })
        : t('forms:conflict.whenDay', { date: formatDate(at), time: formatTime(at) });
  const record = staleRecordInWords(details.record);
  if (details.byYou) return t('forms:conflict.changedByYou', { record, when });
  if (details.changedBy === null) return t('forms:conflict.changedBySomeone', { record, when });
  return t('forms:conflict.changedBy', { who: details.changedBy, record, when });
}
