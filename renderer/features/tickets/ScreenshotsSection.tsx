import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../common/tickets/model.ts';
import {
  SCREENSHOT_MAX_BYTES,
  screenshotMediaTypes,
  type ScreenshotMediaType,
  type ScreenshotView,
} from '../../../common/tickets/ticketPage.ts';
import { formatDayTime } from '../../i18n/format.ts';
import { errorMessage } from '../../store/errorMessage.ts';
import { useTicketsStore } from '../../store/StoreProvider.tsx';

/** The file's bytes as base64, without the data URL's prefix. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}

/** Screenshots attached to the ticket (a good ticket has one), shown; PNG or JPEG, kept encrypted with the ticket. */
export function ScreenshotsSection({
  ticket,
  screenshots,
  mayAttach,
}: {
  ticket: TicketView;
  screenshots: ScreenshotView[];
  mayAttach: boolean;
}) {
  const { t } = useTranslation('tickets');
  const attach = useTicketsStore((s) => s.attachScreenshot);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (file: File) => {
    setError(null);
    // The store checks the bytes again; these say so before a large file is sent.
    if (!(screenshotMediaTypes as readonly string[]).includes(file.type))
      return setError(t('screenshots.wrongType'));
    if (file.size > SCREENSHOT_MAX_BYTES) return setError(t('screenshots.tooLarge'));
    setBusy(true);
    try {
      await attach(ticket.id, file.type as ScreenshotMediaType, await readBase64(file));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card ticket-page__screenshots" aria-labelledby="ticket-screenshots">
      <div className="ticket-page__section-head">
        <h2 id="ticket-screenshots">{t('screenshots.title')}</h2>
        {mayAttach && (
          <label className="button button--small ticket-page__attach">
            {busy ? t('screenshots.attaching') : t('screenshots.attach')}
            <input
              type="file"
              accept={screenshotMediaTypes.join(',')}
              className="visually-hidden"
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void onFile(file);
              }}
            />
          </label>
        )}
      </div>
      <p className="muted">{t('screenshots.hint')}</p>
      {error && (
        <p className="form-errors" role="alert">
          {error}
        </p>
      )}
      {screenshots.length === 0 ? (
        <p className="muted">{t('screenshots.none')}</p>
      ) : (
        <ul className="ticket-page__shots">
          {screenshots.map((shot) => (
            <li key={shot.id}>
              <Screenshot shot={shot} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Screenshot({ shot }: { shot: ScreenshotView }) {
  const { t } = useTranslation('tickets');
  const load = useTicketsStore((s) => s.screenshot);
  const [src, setSrc] = useState<string | null>(null);
  const [purged, setPurged] = useState(false);
  useEffect(() => {
    let current = true;
    load(shot.id)
      .then((content) => {
        if (!current) return;
        if (content.data === null) setPurged(true);
        else setSrc(`data:${content.mediaType};base64,${content.data}`);
      })
      .catch(() => current && setPurged(true));
    return () => {
      current = false;
    };
  }, [shot.id, load]);
  const alt = t('screenshots.alt', { at: formatDayTime(shot.at), by: shot.by });
  return (
    <figure className="ticket-page__shot">
      {src ? (
        <a href={src} target="_blank" rel="noreferrer">
          <img src={src} alt={alt} />
        </a>
      ) : (
        <span className="muted">{purged ? t('screenshots.purged') : '…'}</span>
      )}
      <figcaption className="muted">{alt}</figcaption>
    </figure>
  );
}
