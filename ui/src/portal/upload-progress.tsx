import { t } from './messages';

/** How much of the dossier has been sent; after the last byte, the wait for the server's answer. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const percent = Math.round(fraction * 100);
  const label = percent < 100 ? t('uploading', { percent }) : t('waitingServer');
  return (
    <div class="upload-progress" role="status" aria-live="polite">
      <progress max={100} value={percent} aria-label={label} />
      <span>
        {percent >= 100 && <span class="spinner-dot" />} {label}
      </span>
    </div>
  );
}
