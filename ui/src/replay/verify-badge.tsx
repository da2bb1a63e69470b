import { useLoad } from '../app/ui';
import { auditApi } from './audit-api';
import { t } from './messages';

/** Whether the dossier's hash chain is intact, verified by the server when the page opens (and again on request). */
export function VerifyBadge({ code }: { code: string }) {
  const result = useLoad(() => auditApi.verify(code), [code]);
  if (result.error) return <span class="badge bad">{(result.error as Error).message}</span>;
  if (!result.data || result.loading) return <span class="badge">{t('verifying')}</span>;
  const { ok, events, firstBadSeq, reason } = result.data;
  return (
    <span class="verify">
      <span class={`badge ${ok ? 'ok' : 'bad'} verify-badge`} data-testid="verify-badge" title={reason}>
        {ok ? `✔ ${t('chainIntact', { n: events })}` : `✖ ${t('chainBroken', { n: firstBadSeq ?? '?' })}`}
      </span>
      {!ok && reason && (
        <span class="verify-reason" data-testid="verify-reason">
          {reason}
        </span>
      )}
      <button type="button" class="link" onClick={result.reload}>
        {t('verifyAgain')}
      </button>
    </span>
  );
}
