import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'wouter';
import type { RecordingView } from '../../../common/sessions/model.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { FormError } from '../../components/form/FormError.tsx';
import { formatCount, formatDateTime, formatOneDecimal } from '../../i18n/format.ts';
import { selectListedRecordings } from '../../store/sessions/selectors.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { RecordingPlayer } from './RecordingPlayer.tsx';
import { catalogueWords, sessionName, sessionTarget } from './tabNames.ts';
import './sessions.css';

/**
 * Every recorded session, newest first, and a player. `#/recordings/:id` opens that recording's player (the ticket
 * timeline links there); the player's Export saves it as a .cast file, audited, as `lotsen recordings export` does.
 */
export function RecordingsPage() {
  const { t } = useTranslation('recordings');
  // Sessions are named as their tabs were, in the sessions catalogue's words.
  const { t: tabWords } = useTranslation('sessions');
  const recordings = useSessionsStore(selectListedRecordings);
  const status = useSessionsStore((s) => s.recordingsStatus);
  const error = useSessionsStore((s) => s.recordingsError);
  const load = useSessionsStore((s) => s.loadRecordings);
  const { id } = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const playing = id === undefined ? null : (recordings.find((r) => r.id === id) ?? null);
  const words = catalogueWords(tabWords);
  const nameOf = (recording: RecordingView) =>
    sessionName({ ...recording, kind: recording.sessionKind }, words);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page recordings">
      <div className="page__header">
        <h1>{t('title')}</h1>
        <Link href="/sessions">{t('backToSessions')}</Link>
      </div>
      <FormError message={error} />
      {id !== undefined && playing === null && status === 'ready' && <FormError message={t('notFound')} />}
      {status === 'ready' && recordings.length === 0 ? (
        <EmptyState title={t('empty')}>
          <p>{t('emptyHint')}</p>
        </EmptyState>
      ) : (
        <table className="table" aria-label={t('table')}>
          <thead>
            <tr>
              <th scope="col">{t('columns.started')}</th>
              <th scope="col">{t('columns.session')}</th>
              <th scope="col">{t('columns.ticket')}</th>
              <th scope="col">{t('columns.customer')}</th>
              <th scope="col">{t('columns.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recordings.map((recording) => (
              <tr key={recording.id}>
                <td>{formatDateTime(recording.startedAt)}</td>
                <td>
                  {nameOf(recording)}
                  <span className="muted mono recordings__target">
                    {sessionTarget({ kind: recording.sessionKind, title: recording.title }, words)}
                  </span>
                </td>
                <td className="recordings__nowrap">{recording.ticketRef ?? t('none')}</td>
                <td>{recording.customerName ?? t('none')}</td>
                <td className="recordings__nowrap">{size(recording.bytes, t)}</td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('playOf', { title: nameOf(recording) })}
                    onClick={() => navigate(`/recordings/${recording.id}`)}
                  >
                    {t('play')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {playing && (
        <RecordingPlayer
          key={playing.id}
          recording={playing}
          title={nameOf(playing)}
          onClose={() => navigate('/recordings')}
        />
      )}
    </div>
  );
}

function size(bytes: number, t: ReturnType<typeof useTranslation<'recordings'>>['t']): string {
  if (bytes < 1024) return t('size.bytes', { value: formatCount(bytes) });
  if (bytes < 1024 * 1024) return t('size.kib', { value: formatOneDecimal(bytes / 1024) });
  return t('size.mib', { value: formatOneDecimal(bytes / 1024 / 1024) });
}
