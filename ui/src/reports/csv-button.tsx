import { useState } from 'preact/hooks';
import { ErrorBox } from '../app/ui';
import { t } from './messages';
import { downloadCsv } from './report-api';
import type { ReportFilter } from './report-filter';

/** Downloads the server's CSV of exactly the filters shown. */
export function CsvButton({ filter }: { filter: ReportFilter }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadCsv(filter);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button
        type="button"
        class="primary"
        data-testid="csv-download"
        disabled={busy}
        aria-busy={busy}
        onClick={download}
      >
        {busy ? t('downloading') : t('downloadCsv')}
      </button>
      <ErrorBox error={error} />
    </>
  );
}
