import { useState } from 'preact/hooks';
import type { User } from '../app/session';
import { Link } from '../app/ui';
import { ClaimButton } from '../casework/claim-button';
import { ClaimState } from '../casework/claim-state';
import { DossierDeclaration } from '../casework/declaration';
import { DueTime } from '../casework/due-time';
import { t } from '../casework/messages';
import { StatusBadge } from '../casework/status-badge';
import { TaskCompletion } from '../casework/task-completion';
import type { Dossier, InboxItem, Task } from '../casework/types';
import { timeLeft } from '../casework/urgency';
import type { WorkingCalendar } from '../casework/working-time';

export interface TaskRowProps {
  item: InboxItem;
  user: User | null;
  calendar: WorkingCalendar | null;
  onClaimed: (task: Task) => void;
  onCompleted: (item: InboxItem, dossier: Dossier) => void;
}

/** One task of the inbox, coloured by how urgent it is; "Xử lý" unfolds the completion under it. */
export function TaskRow({ item, user, calendar, onClaimed, onCompleted }: TaskRowProps) {
  const [open, setOpen] = useState(false);
  const urgency = calendar ? timeLeft(calendar, item.dueAt).urgency : 'none';
  const takenByOther = item.status === 'claimed' && item.claimedBy !== user?.id;
  return (
    <>
      <tr
        class={`task-row urgency-${urgency}`}
        data-task={item.id}
        data-activity={item.activityId}
        data-dossier={item.dossierCode}
      >
        <td>
          <DueTime dueAt={item.dueAt} calendar={calendar} />
        </td>
        <td>
          <Link href={`/ho-so/${encodeURIComponent(item.dossierCode)}`}>{item.dossierCode}</Link>
          <div class="small muted clamp" title={item.dossier.procedureName}>
            {item.dossier.procedureCode} · {item.dossier.procedureName}
          </div>
          {item.dossier.unitCode !== item.unitCode && (
            <div class="small muted" data-testid="received-at">
              {t('receivingUnit')}: {item.dossier.unitName}
            </div>
          )}
          <StatusBadge code={item.dossier.statusCode} />
        </td>
        <td>{item.dossier.applicantName}</td>
        <td>
          {item.name} <ClaimState task={item} user={user} />
        </td>
        <td class="task-actions">
          {item.status === 'open' && <ClaimButton task={item} onClaimed={onClaimed} />}
          {!takenByOther && (
            <button type="button" class={open ? '' : 'primary'} onClick={() => setOpen(!open)} aria-expanded={open}>
              {open ? t('close') : t('handle')}
            </button>
          )}
        </td>
      </tr>
      {open && (
        <tr class="task-completion-row">
          <td colSpan={5}>
            <div class="completion-beside">
              <DossierDeclaration code={item.dossierCode} />
              <TaskCompletion task={item} onDone={(dossier) => onCompleted(item, dossier)} />
            </div>
          </td>
        </tr>
      )}
    </>
  );
}
