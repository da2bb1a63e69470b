import { useState } from 'preact/hooks';
import { apiFile, saveFile } from '../app/api';
import { ErrorBox } from '../app/ui';
import { printBlob } from '../casework/pdf';
import { useAction } from '../casework/use-action';
import { t } from './messages';
import { apiQuery, type RegisterFilter } from './register-filter';

/** The address of the register as a file, for exactly the filters shown (without the page: the file holds them all). */
export function registerFileUrl(filter: RegisterFilter, format: 'xlsx' | 'pdf'): string {
  return `/units/${encodeURIComponent(filter.unitCode)}/register.${format}?${apiQuery(filter)}`;
}

/** The server's own name of the file (its content-disposition), which a blob downloaded by script does not keep. */
export function registerFileName(filter: RegisterFilter, format: 'xlsx' | 'pdf'): string {
  return `so-theo-doi-${filter.unitCode.replace(/[^\w.-]/g, '_')}-${filter.from}-${filter.to}.${format}`;
}

/**
 * The register as .xlsx (downloaded) and as PDF (opened in a new tab to print; downloaded if pop-ups are blocked),
 * fetched with the session's token — a plain link would not carry it. The server's refusal (422 for a register too long
 * for one file) is shown under the buttons.
 */
export function RegisterFiles({ filter, disabled }: { filter: RegisterFilter; disabled: boolean }) {
  const xlsx = useAction();
  const pdf = useAction();
  const [downloaded, setDownloaded] = useState(false);
  const downloadXlsx = () =>
    xlsx.run(async () => {
      pdf.clear();
      saveFile(await apiFile(registerFileUrl(filter, 'xlsx')), registerFileName(filter, 'xlsx'));
    });
  const printPdf = () =>
    pdf.run(async () => {
      xlsx.clear();
      const blob = await apiFile(registerFileUrl(filter, 'pdf'));
      setDownloaded(printBlob(blob, registerFileName(filter, 'pdf')) === 'downloaded');
    });
  return (
    <div class="register-files">
      <div class="toolbar">
        <button
          type="button"
          class="primary"
          data-testid="register-xlsx"
          disabled={disabled || xlsx.busy}
          aria-busy={xlsx.busy}
          onClick={downloadXlsx}
        >
          {xlsx.busy ? t('downloadingXlsx') : t('downloadXlsx')}
        </button>
        <button
          type="button"
          data-testid="register-pdf"
          disabled={disabled || pdf.busy}
          aria-busy={pdf.busy}
          onClick={printPdf}
        >
          {pdf.busy ? t('openingPdf') : t('printPdf')}
        </button>
        {downloaded && <span class="small muted">{t('popupBlocked')}</span>}
      </div>
      <ErrorBox error={xlsx.error ?? pdf.error} />
    </div>
  );
}
