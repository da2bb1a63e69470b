import { formatDate, formatDateTime } from '../app/format';
import { ChangeRow } from './change-row';
import { t } from './messages';
import type { Announcement, SubmittedVersion } from './types';

interface Props {
  announcement: Announcement;
  procedureNames: Map<string, string>;
  submitted: SubmittedVersion[];
  onChanged: () => void;
}

/** One announcement (Quyết định công bố): its dates, its deadline and each change with its countdown. */
export function AnnouncementCard({ announcement, procedureNames, submitted, onChanged }: Props) {
  const a = announcement;
  return (
    <article class="panel announcement" data-testid={`announcement-${a.number}`}>
      <h3>
        {a.number} — {a.title}
      </h3>
      <p class="meta muted">
        <span>
          {t('signedOn')}: {formatDate(a.signedOn)}
        </span>
        <span>
          {t('announcedOn')}: {formatDate(a.announcedOn)}
        </span>
        <span title={t('deadlineHint')}>
          {t('deadline')}: <strong>{formatDateTime(a.deadlineAt)}</strong>
        </span>
      </p>
      <table class="changes">
        <thead>
          <tr>
            <th>{t('procedure')}</th>
            <th>{t('change')}</th>
            <th>{t('state')}</th>
            <th>{t('timeLeft')}</th>
            <th>{t('result')}</th>
          </tr>
        </thead>
        <tbody>
          {a.changes.map((change) => (
            <ChangeRow
              key={change.id}
              announcement={a}
              change={change}
              procedureName={procedureNames.get(change.procedureCode)}
              submitted={submitted.find((v) => v.procedureCode === change.procedureCode)}
              onChanged={onChanged}
            />
          ))}
        </tbody>
      </table>
    </article>
  );
}
