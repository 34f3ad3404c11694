import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { RecordingView } from '../../../common/sessions/model.ts';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { errorMessage } from '../../store/errorMessage.ts';
import { useSessionsStore } from '../../store/StoreProvider.tsx';
import { parseCastEvents, type CastOutput } from './asciicast.ts';
import { FormError } from '../../components/form/FormError.tsx';

const speeds = [1, 2, 8] as const;
/** Pauses longer than this are cut short, as `asciinema play -i` does: nobody wants to watch a technician think. */
const MAX_IDLE_SECONDS = 2;

/**
 * Plays a recording back in a terminal of its recorded size, reading it from main page by page. "Show all" writes
 * everything at once, for reading rather than watching.
 */
export function RecordingPlayer({ recording, onClose }: { recording: RecordingView; onClose(): void }) {
  const readRecording = useSessionsStore((s) => s.readRecording);
  const host = useRef<HTMLDivElement>(null);
  const [speed, setSpeed] = useState<(typeof speeds)[number]>(1);
  const [instant, setInstant] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Read by the running playback loop, which must not restart when the speed changes.
  const speedRef = useRef(speed);
  useEffect(() => {
    speedRef.current = speed;
  }, [speed]);

  useEffect(() => {
    const term = new Terminal({
      cols: recording.width,
      rows: recording.height,
      disableStdin: true,
      scrollback: 10_000,
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
      fontSize: 12,
    });
    term.open(host.current!);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wait = (ms: number) =>
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      });

    async function play() {
      let fromSeq: number | null = 0;
      let clock = 0;
      while (fromSeq !== null && !stopped) {
        const page = await readRecording(recording.id, fromSeq);
        const events: CastOutput[] = parseCastEvents(page.events);
        if (instant) {
          term.write(events.map((e) => e.text).join(''));
        } else {
          for (const event of events) {
            if (stopped) return;
            const gap = Math.min(Math.max(event.at - clock, 0), MAX_IDLE_SECONDS);
            clock = event.at;
            if (gap > 0.005) await wait((gap * 1000) / speedRef.current);
            term.write(event.text);
          }
        }
        fromSeq = page.nextSeq;
      }
      if (!stopped) setDone(true);
    }
    play().catch((failure: unknown) => setError(errorMessage(failure)));
    return () => {
      stopped = true;
      clearTimeout(timer);
      term.dispose();
    };
  }, [instant, readRecording, recording]);

  return (
    <Dialog title={`Recording: ${recording.title}`} onClose={onClose} size="wide">
      <div className="player">
        <div className="player__controls">
          <label>
            Speed{' '}
            <select
              className="input input--select"
              value={speed}
              onChange={(event) => setSpeed(Number(event.target.value) as (typeof speeds)[number])}
            >
              {speeds.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button--small"
            disabled={instant}
            onClick={() => {
              setDone(false);
              setInstant(true);
            }}
          >
            Show all
          </button>
          {done && <span className="muted">End of recording</span>}
        </div>
        <div className="player__screen" ref={host} aria-label="Recording playback" role="region" />
        <FormError message={error} />
      </div>
      <DialogActions>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </DialogActions>
    </Dialog>
  );
}
