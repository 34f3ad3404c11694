import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import type { RecordingView } from '../../../common/sessions/model.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { RecordingPlayer } from './RecordingPlayer.tsx';
import './sessions.css';
import { FormError } from '../../components/form/FormError.tsx';
import { selectListedRecordings } from '../../store/sessions/selectors.ts';

/** Every recorded session, newest first, and a player. Exports to a .cast file go through `lotsen recordings export`. */
export function RecordingsPage() {
  const recordings = useSessionsStore(selectListedRecordings);
  const status = useSessionsStore((s) => s.recordingsStatus);
  const error = useSessionsStore((s) => s.recordingsError);
  const load = useSessionsStore((s) => s.loadRecordings);
  const [playing, setPlaying] = useState<RecordingView | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page recordings">
      <div className="page__header">
        <h1>Recordings</h1>
        <Link href="/sessions">Back to sessions</Link>
      </div>
      <FormError message={error} />
      {status === 'ready' && recordings.length === 0 ? (
        <EmptyState title="No recordings yet">
          <p>Every session’s output is recorded, encrypted, from the moment it opens.</p>
        </EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Session</th>
              <th scope="col">Ticket</th>
              <th scope="col">Customer</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {recordings.map((recording) => (
              <tr key={recording.id}>
                <td>{formatDateTime(recording.startedAt)}</td>
                <td className="mono">{recording.title}</td>
                <td>{recording.ticketRef ?? '—'}</td>
                <td>{recording.customerName ?? '—'}</td>
                <td>{formatBytes(recording.bytes)}</td>
                <td className="table__actions">
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={`Play recording of ${recording.title}`}
                    onClick={() => setPlaying(recording)}
                  >
                    Play
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {playing && <RecordingPlayer key={playing.id} recording={playing} onClose={() => setPlaying(null)} />}
    </div>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
