import { useState } from 'preact/hooks';
import { apiFile, saveFile } from '../app/api';
import { ErrorBox } from '../app/ui';
import { t } from './messages';

/** Downloads the dossier's audit bundle (events, BPMN, verification) as a JSON file; the API needs the bearer token. */
export function BundleButton({ code }: { code: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      // The server's own bytes, so that an outside tool re-verifies exactly what was sent.
      saveFile(
        await apiFile(`/dossiers/${encodeURIComponent(code)}/audit/bundle`),
        `${code.replace(/[^\w.-]/g, '_')}-audit.json`,
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" onClick={download} disabled={busy} data-testid="bundle-download">
        {busy ? t('downloading') : `⤓ ${t('download')}`}
      </button>
      <ErrorBox error={error} />
    </>
  );
}
