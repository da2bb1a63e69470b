import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox } from '../app/ui';
import { t } from './messages';
import type { Announcement, AnnouncementChange } from './types';

/** Carries out an abolition, after a second click to confirm (the procedure then takes no new dossier). */
export function AbolishButton({
  announcement,
  change,
  onDone,
}: {
  announcement: Announcement;
  change: AnnouncementChange;
  onDone: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const abolish = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/announcements/${announcement.id}/changes/${change.id}/abolish`, { method: 'POST' });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <div class="abolish">
      {confirming ? (
        <>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={abolish}
            title={t('abolishHint', { code: change.procedureCode })}
          >
            {t('abolishConfirm')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </>
      ) : (
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          {t('abolishNow')}
        </button>
      )}
      <ErrorBox error={error} />
    </div>
  );
}
