import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { navigate } from '../app/router';
import { ErrorBox } from '../app/ui';
import { setFlash } from './flash';
import { t } from './messages';

/** Sends the version back to its modelers as a draft, with the reason they will read; then back to the desk. */
export function RejectForm({ code, n }: { code: string; n: number }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reject = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/procedures/${encodeURIComponent(code)}/versions/${n}/reject`, {
        body: { json: { reason: reason.trim() } },
      });
      setFlash(t('rejected', { n, code }));
      navigate('/cong-bo');
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <form class="panel" onSubmit={reject} data-testid="reject-form">
      <h2>{t('rejectTitle')}</h2>
      <label>
        {t('reason')}
        <textarea rows={3} maxLength={2000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} required />
      </label>
      <ErrorBox error={error} />
      <button type="submit" class="danger" disabled={busy || !reason.trim()}>
        {busy ? t('rejecting') : t('reject')}
      </button>
    </form>
  );
}
