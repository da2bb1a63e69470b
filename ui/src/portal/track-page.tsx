import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import { ErrorBox, Spinner } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { trackDossier, trackMine } from './portal-api';
import { TrackForm } from './track-form';
import { TrackResult } from './track-result';
import type { TrackedDossier } from './types';
import './portal.css';

/** /tra-cuu and /tra-cuu/:code (the address printed on receipts): a dossier's status by its code and ID number. */
export default function TrackPage({ params, user }: PageProps) {
  const [dossier, setDossier] = useState<TrackedDossier | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = async (find: () => Promise<TrackedDossier>) => {
    setBusy(true);
    setFailure(null);
    setDossier(null);
    try {
      setDossier(await find());
    } catch (err) {
      setFailure(err instanceof ApiError && err.status === 404 ? new Error(t('trackNotFound')) : err);
    } finally {
      setBusy(false);
    }
  };
  const track = (code: string, idNumber: string) => {
    // The address follows the code, never the ID number (it stays out of history and logs).
    history.replaceState(null, '', `/tra-cuu/${encodeURIComponent(code)}`);
    return load(() => trackDossier(code, idNumber));
  };
  // A signed-in citizen opening one of their own dossiers is not asked for their ID number; for another, the form.
  const own = user?.roles.includes('citizen') && params.code ? params.code : null;
  useEffect(() => {
    if (!own) return;
    setBusy(true);
    trackMine(own)
      .then(setDossier, () => undefined)
      .finally(() => setBusy(false));
  }, [own]);
  return (
    <section class="portal track">
      <h1>{t('trackTitle')}</h1>
      <div class="track-columns">
        <div>
          <TrackForm initialCode={params.code ?? ''} busy={busy} onTrack={track} />
          <p class="muted small">{t('trackHelp')}</p>
        </div>
        <div>
          {busy && <Spinner label={t('searching')} />}
          <ErrorBox error={failure} />
          {dossier && <TrackResult dossier={dossier} user={user} />}
        </div>
      </div>
    </section>
  );
}
