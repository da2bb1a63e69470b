import { useMemo, useState } from 'preact/hooks';
import { api } from '../app/api';
import { IncidentList } from '../incidents/incident-list';
import { useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { AnnouncementForm } from './announcement-form';
import { AnnouncementList } from './announcement-list';
import { takeFlash } from './flash';
import { t } from './messages';
import { SubmittedVersions } from './submitted-versions';
import type { Announcement, ProcedureSummary, SubmittedVersion } from './types';
import { useEveryMinute } from './use-every-minute';
import './publishing.css';

/** VPUBND's desk (/cong-bo): announcements and their 2-working-day countdowns, versions awaiting review, a new announcement. */
export default function DeskPage(_props: PageProps) {
  const [flash] = useState(takeFlash);
  const announcements = useLoad(() => api<Announcement[]>('/announcements'), []);
  const submitted = useLoad(() => api<SubmittedVersion[]>('/versions?status=submitted'), []);
  const procedures = useLoad(() => api<ProcedureSummary[]>('/procedures'), []);
  const procedureNames = useMemo(
    () => new Map((procedures.data ?? []).map((p) => [p.code, p.name])),
    [procedures.data],
  );
  // The server counts working time (holidays, office hours): ask it again every minute.
  useEveryMinute(announcements.reload);
  const changed = () => {
    announcements.reload();
    submitted.reload();
  };
  return (
    <section class="publishing-desk">
      <h1>{t('deskTitle')}</h1>
      {flash && (
        <p class="flash" role="status">
          {flash}
        </p>
      )}
      <IncidentList />
      <div class="desk-columns">
        <div>
          <h2>{t('announcements')}</h2>
          <AnnouncementList
            loaded={announcements}
            procedureNames={procedureNames}
            submitted={submitted.data ?? []}
            onChanged={changed}
          />
        </div>
        <aside>
          <SubmittedVersions loaded={submitted} />
          <AnnouncementForm procedures={procedures.data ?? []} onRecorded={changed} />
        </aside>
      </div>
    </section>
  );
}
