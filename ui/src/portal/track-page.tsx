import { useState } from 'preact/hooks';
import { ApiError } from '../app/api';
import { ErrorBox, Spinner } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { trackDossier } from './portal-api';
import { TrackForm } from './track-form';
import { TrackResult } from './track-result';
import type { TrackedDossier } from './types';
import './portal.css';

/** /tra-cuu and /tra-cuu/:code (the address printed on receipts): a dossier's status by its code and ID number. */
export default function TrackPage({ params, user }: PageProps) {
  const [dossier, setDossier] = useState<TrackedDossier | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const track = async (code: string, idNumber: string) => {
    setBusy(true);
    setFailure(null);
    setDossier(null);
    // The address follows the code, never the ID number (it stays out of history and logs).
    history.replaceState(null, '', `/tra-cuu/${encodeURIComponent(code)}`);
    try {
      setDossier(await trackDossier(code, idNumber));
    } catch (err) {
      setFailure(err instanceof ApiError && err.status === 404 ? new Error(t('trackNotFound')) : err);
    } finally {
      setBusy(false);
    }
  };
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
