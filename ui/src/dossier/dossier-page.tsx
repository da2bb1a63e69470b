import { api } from '../app/api';
import { IncidentList } from '../incidents/incident-list';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { AttachmentsList } from '../casework/attachments-list';
import { Declaration } from '../casework/declaration';
import { DigitisationPanel } from './digitisation-panel';
import { DossierActions } from './dossier-actions';
import { DossierClock } from './dossier-clock';
import { DossierDiagram } from './dossier-diagram';
import { DossierHeader } from './dossier-header';
import { FormsList } from './forms-list';
import { mayAttach } from '../casework/may-handle';
import { t } from '../casework/messages';
import { OpenTasks } from './open-tasks';
import { TimelineList } from './timeline-list';
import { TransfersTable } from './transfers-table';
import type { ControlSlip, Dossier, TimelineEntry } from '../casework/types';
import { useWorkingCalendar } from '../casework/urgency';
import '../casework/casework.css';

/** A dossier (/ho-so/:code): status, clock, diagram with its position, history, forms, transfers, and what to do now. */
export default function DossierPage({ user, params }: PageProps) {
  const base = `/dossiers/${encodeURIComponent(params.code!)}`;
  const dossier = useLoad(() => api<Dossier>(base), [base]);
  // The dossier's version counts its events: history and handovers are read again whenever it changes.
  const version = dossier.data?.version;
  const history = useLoad(
    () => (version ? api<TimelineEntry[]>(`${base}/history`) : Promise.resolve([])),
    [base, version],
  );
  const slip = useLoad(
    () => (version ? api<ControlSlip>(`${base}/control-slip`) : Promise.resolve(null)),
    [base, version],
  );
  const calendar = useWorkingCalendar();
  if (dossier.error && !dossier.data) return <ErrorBox error={dossier.error} />;
  if (!dossier.data) return <Spinner label={t('loadingDossier')} />;
  const d = dossier.data;
  const unitNames = new Map(
    (slip.data?.handovers ?? []).flatMap(
      (h) =>
        [
          [h.from.unitCode, h.from.unitName],
          [h.to.unitCode ?? '', h.to.unitName],
        ] as const,
    ),
  );
  return (
    <section class="dossier-page" data-status={d.statusCode}>
      <DossierHeader dossier={d} />
      <ErrorBox error={dossier.error} />
      <div class="dossier-columns">
        <div class="dossier-main">
          <Declaration dossier={d} />
          <DigitisationPanel dossier={d} canHandle={mayAttach(user, d)} onChanged={dossier.reload} />
          <DossierDiagram dossier={d} />
          <TimelineList history={history} />
          <TransfersTable slip={slip} />
        </div>
        <aside>
          <IncidentList dossierCode={d.code} />
          <DossierClock dossier={d} calendar={calendar} />
          <OpenTasks dossier={d} user={user} calendar={calendar} unitNames={unitNames} onChanged={dossier.reload} />
          <DossierActions dossier={d} user={user} onChanged={dossier.reload} />
          <FormsList code={d.code} version={d.version} />
          <AttachmentsList code={d.code} canAttach={mayAttach(user, d)} onAttached={dossier.reload} />
        </aside>
      </div>
    </section>
  );
}
