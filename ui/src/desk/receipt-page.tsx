import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from '../casework/messages';
import { OnlineSubmissions } from './online-submissions';
import { ReceiptDone } from './receipt-done';
import { ReceiptForm } from './receipt-form';
import type { Receivable } from './receivable';
import { useDesk } from './use-desk';
import type { Dossier, ProcedureSummary } from '../casework/types';
import '../casework/casework.css';

/** The desk (/tiep-nhan): receipt at the counter, and the dossiers submitted online waiting for the desk. */
export default function ReceiptPage({ user }: PageProps) {
  const procedures = useLoad(() => api<ProcedureSummary[]>('/procedures'), []);
  const desk = useDesk(user);
  const code = user?.unitCode;
  const receivable = useLoad(
    () => (code ? api<Receivable[]>(`/units/${encodeURIComponent(code)}/receivable`) : Promise.resolve([])),
    [code],
  );
  const namesCompetentUnit = new Set(
    (receivable.data ?? []).filter((r) => r.namesCompetentUnit).map((r) => r.procedureCode),
  );
  const [received, setReceived] = useState<Dossier | null>(null);
  // A new key gives the next applicant an empty form.
  const [round, setRound] = useState(0);
  const codes = new Set((receivable.data ?? []).map((r) => r.procedureCode));
  const mine = (procedures.data ?? []).filter((p) => codes.has(p.code));
  const loaded = !!procedures.data && !!receivable.data && desk.data !== undefined;
  return (
    <section class="receipt-page">
      <h1>{t('receiptTitle')}</h1>
      <div class="receipt-columns">
        <div>
          <ErrorBox error={procedures.error ?? desk.error ?? receivable.error} />
          {(procedures.loading || desk.loading || receivable.loading) && !loaded && <Spinner label={t('loading')} />}
          {loaded && mine.length === 0 && <p class="panel muted">{t('noProcedures')}</p>}
          {received ? (
            <ReceiptDone
              dossier={received}
              onNext={() => {
                setReceived(null);
                setRound(round + 1);
              }}
            />
          ) : (
            desk.data &&
            mine.length > 0 && (
              <ReceiptForm
                key={round}
                desk={desk.data}
                procedures={mine}
                namesCompetentUnit={namesCompetentUnit}
                onDone={setReceived}
              />
            )
          )}
        </div>
        <aside>
          <OnlineSubmissions />
        </aside>
      </div>
    </section>
  );
}
