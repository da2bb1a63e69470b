import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { formatDateTime } from '../app/format';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import { t } from '../casework/messages';
import { OnlineDecision } from '../casework/online-decision';
import { ReceiptDone } from './receipt-done';
import type { Dossier, DossierSummary } from '../casework/types';

/** Dossiers submitted online to the user's unit (status 1), oldest first, each with the desk's decision. */
export function OnlineSubmissions() {
  const list = useLoad(() => api<{ total: number; items: DossierSummary[] }>('/dossiers?status=1&limit=100'), []);
  const [deciding, setDeciding] = useState<string | null>(null);
  const [done, setDone] = useState<Dossier | null>(null);
  const items = [...(list.data?.items ?? [])].reverse();
  const decided = (dossier: Dossier) => {
    setDone(dossier);
    setDeciding(null);
    list.reload();
  };
  return (
    <section class="online-submissions" data-testid="online-submissions">
      <h2>
        {t('onlineTitle')} {list.data && <span class="badge">{list.data.total}</span>}
      </h2>
      {done && <ReceiptDone dossier={done} />}
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Spinner label={t('loading')} />}
      {list.data && items.length === 0 && <p class="muted">{t('noOnline')}</p>}
      <ul class="submissions">
        {items.map((d) => (
          <li key={d.code} class="panel" data-dossier={d.code}>
            <div>
              <Link href={`/ho-so/${encodeURIComponent(d.code)}`}>{d.code}</Link> · {d.applicantName}
            </div>
            <div class="small muted clamp" title={d.procedureName}>
              {d.procedureName}
            </div>
            <div class="small muted">
              {t('submittedAt')} {formatDateTime(d.receivedAt)}
            </div>
            {deciding === d.code ? (
              <OnlineDecision code={d.code} onDone={decided} />
            ) : (
              <button type="button" onClick={() => setDeciding(d.code)}>
                {t('decide')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
