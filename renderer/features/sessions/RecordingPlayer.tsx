import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingView } from '../../../common/sessions/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { downloadBlob } from '../../components/download.ts';
import { FormError } from '../../components/form/FormError.tsx';
import { formatElapsed } from '../../i18n/format.ts';
import { errorCode, errorMessage } from '../../store/errorMessage.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import {
  eventsUpTo,
  playbackStep,
  parseCastEvents,
  recordingDuration,
  type CastOutput,
} from './asciicast.ts';

const speeds = [0.5, 1, 2, 4, 8] as const;
/** How far ← and → move, in seconds of the recording. */
const STEP_SECONDS = 5;
/** How often the clock moves while playing. */
const TICK_MS = 50;

/**
 * Plays a recording back in a terminal of its recorded size. The whole recording is read from main first (page by
 * page), so it can be paused, sought (the slider, ← and → by 5 s) and its duration shown. Times are the recording's
 * own; pauses longer than 2 s are skipped while playing, as `asciinema play -i 2` does. Export saves it as a .cast
 * file, which main audits before handing it over.
 */
export function RecordingPlayer({
  recording,
  title,
  onClose,
}: {
  recording: RecordingView;
  /** What the session is called (its tab's name). */
  title: string;
  onClose(): void;
}) {
  const { t } = useTranslation(['recordings', 'common']);
  const readRecording = useSessionsStore((s) => s.readRecording);
  const exportRecording = useSessionsStore((s) => s.exportRecording);
  const host = useRef<HTMLDivElement>(null);
  const term = useRef<Terminal | null>(null);
  /** How many events the terminal shows now: it is only ever written forward, or reset and written again. */
  const written = useRef(0);
  const [events, setEvents] = useState<CastOutput[] | null>(null);
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof speeds)[number]>(1);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const duration = events === null ? 0 : recordingDuration(events, recording);

  useEffect(() => {
    const terminal = new Terminal({
      cols: recording.width,
      rows: recording.height,
      disableStdin: true,
      scrollback: 10_000,
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
      fontSize: 12,
    });
    terminal.open(host.current!);
    term.current = terminal;
    written.current = 0;
    let stopped = false;
    async function load() {
      const all: CastOutput[] = [];
      let fromSeq: number | null = 0;
      while (fromSeq !== null) {
        const page = await readRecording(recording.id, fromSeq);
        if (stopped) return;
        all.push(...parseCastEvents(page.events));
        fromSeq = page.nextSeq;
      }
      setEvents(all);
      setPlaying(true);
      host.current?.focus();
    }
    load().catch((failure: unknown) => !stopped && setError(errorMessage(failure)));
    return () => {
      stopped = true;
      term.current = null;
      terminal.dispose();
    };
  }, [readRecording, recording]);

  // The screen follows the position: forward by writing what came since, backward by starting again from nothing.
  useEffect(() => {
    const terminal = term.current;
    if (!terminal || events === null) return;
    const upTo = eventsUpTo(events, position);
    if (upTo < written.current) {
      // A full reset (RIS), queued behind what is being written, so nothing drawn before it survives.
      terminal.write('\x1bc');
      written.current = 0;
    }
    if (upTo > written.current) {
      terminal.write(
        events
          .slice(written.current, upTo)
          .map((e) => e.text)
          .join(''),
      );
      written.current = upTo;
    }
  }, [events, position]);

  // Where playback is, for the clock's timer to read without restarting on every tick.
  const at = useRef(0);
  const moveTo = useCallback((to: number) => {
    at.current = to;
    setPosition(to);
  }, []);

  useEffect(() => {
    if (!playing || events === null) return;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      const next = playbackStep(events, duration, at.current, ((now - last) / 1000) * speed);
      last = now;
      moveTo(next);
      if (next >= duration) setPlaying(false);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [playing, events, speed, duration, moveTo]);

  const seek = (to: number) => {
    const target = Math.min(Math.max(to, 0), duration);
    moveTo(target);
    if (target >= duration) setPlaying(false);
  };
  const atEnd = events !== null && position >= duration;
  const toggle = () => {
    if (events === null) return;
    if (!playing && atEnd) moveTo(0);
    setPlaying(!playing);
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    // Buttons, links and lists keep their own keys (Space presses a focused button; arrows move in a list).
    const ownKeys =
      ['BUTTON', 'SELECT', 'A', 'TEXTAREA'].includes(target.tagName) ||
      (target instanceof HTMLInputElement && target.type !== 'range');
    if (ownKeys || events === null) return;
    if (event.key === ' ') {
      event.preventDefault();
      toggle();
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      seek(position + (event.key === 'ArrowLeft' ? -STEP_SECONDS : STEP_SECONDS));
    }
  }

  async function download() {
    setExporting(true);
    setError(null);
    setExported(null);
    try {
      const file = await exportRecording(recording.id);
      downloadBlob(file.fileName, new Blob([file.content], { type: file.mediaType }));
      setExported(file.fileName);
    } catch (failure) {
      // Past what one answer carries: the CLI streams it to disk instead.
      setError(
        errorCode(failure) === 'TOO_LARGE'
          ? t('player.tooLarge', { id: recording.id })
          : errorMessage(failure),
      );
    } finally {
      setExporting(false);
    }
  }

  const time = t('player.time', { at: formatElapsed(position), duration: formatElapsed(duration) });
  return (
    <Dialog title={t('player.title', { title })} onClose={onClose} size="wide">
      <div className="player" onKeyDown={onKeyDown}>
        <div className="player__controls">
          <button
            type="button"
            className="button button--small player__play"
            disabled={events === null}
            onClick={toggle}
          >
            {playing ? t('player.pause') : atEnd ? t('player.playAgain') : t('player.play')}
          </button>
          <input
            type="range"
            className="player__slider"
            min={0}
            max={duration}
            step="any"
            value={Math.min(position, duration)}
            disabled={events === null}
            aria-label={t('player.position')}
            aria-valuetext={time}
            onChange={(event) => seek(Number(event.target.value))}
          />
          <span className="player__time mono" data-testid="player-time">
            {time}
          </span>
          <label className="player__speed">
            {t('player.speed')}{' '}
            <select
              className="input input--select"
              value={speed}
              onChange={(event) => setSpeed(Number(event.target.value) as (typeof speeds)[number])}
            >
              {speeds.map((s) => (
                <option key={s} value={s}>
                  {t('player.speedValue', { value: s })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            title={t('player.showAllTitle')}
            disabled={events === null || atEnd}
            onClick={() => {
              setPlaying(false);
              seek(duration);
            }}
          >
            {t('player.showAll')}
          </button>
        </div>
        <div
          className="player__screen"
          ref={host}
          aria-label={t('player.screen')}
          aria-describedby="player-keys"
          role="region"
          tabIndex={0}
        />
        <p className="player__status muted" id="player-keys">
          {events === null && !error
            ? t('player.loading')
            : atEnd
              ? `${t('player.end')} · ${t('player.keys')}`
              : t('player.keys')}
        </p>
        <FormError message={error} />
        {exported && (
          <p className="muted" role="status">
            {t('player.exported', { file: exported })}
          </p>
        )}
      </div>
      <DialogActions>
        <button
          type="button"
          className="button"
          title={t('player.exportTitle')}
          disabled={exporting}
          onClick={() => void download()}
        >
          {exporting ? t('player.exporting') : t('player.export')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('common:actions.close')}
        </button>
      </DialogActions>
    </Dialog>
  );
}
