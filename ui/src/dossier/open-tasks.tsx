import type { User } from '../app/session';
import { AssignForm } from './assign-form';
import { ClaimButton } from '../casework/claim-button';
import { ClaimState } from '../casework/claim-state';
import { DueTime } from '../casework/due-time';
import { t } from '../casework/messages';
import { TaskCompletion } from '../casework/task-completion';
import type { Dossier } from '../casework/types';
import type { WorkingCalendar } from '../casework/working-time';

export interface OpenTasksProps {
  dossier: Dossier;
  user: User | null;
  calendar: WorkingCalendar | null;
  unitNames: Map<string, string>;
  onChanged: () => void;
}

/** The steps the dossier waits at; the user completes those of their unit and role (the server checks again). */
export function OpenTasks({ dossier, user, calendar, unitNames, onChanged }: OpenTasksProps) {
  if (dossier.tasks.length === 0) return null;
  return (
    <section class="panel open-tasks" data-testid="open-tasks">
      <h2>{t('tasksTitle')}</h2>
      {dossier.tasks.map((task) => {
        const mine =
          !!user && user.unitCode === task.unitCode && user.roles.includes(task.role as User['roles'][number]);
        const takenByOther = task.status === 'claimed' && task.claimedBy !== user?.id;
        const leads = !!user && user.unitCode === task.unitCode && user.roles.includes('leader');
        const role = task.role === 'officer' || task.role === 'leader' ? t(`role_${task.role}`) : task.role;
        return (
          <div key={task.id} class="open-task" data-task={task.id} data-activity={task.activityId}>
            <h3>
              {task.name} <ClaimState task={task} user={user} />
            </h3>
            <p class="small">
              <DueTime dueAt={task.dueAt} calendar={calendar} />
            </p>
            {!mine && (
              <p class="small muted">
                {t('notYourTask', { role, unit: unitNames.get(task.unitCode) ?? task.unitCode })}
              </p>
            )}
            {mine && task.status === 'open' && <ClaimButton task={task} onClaimed={onChanged} />}
            {mine && !takenByOther && <TaskCompletion task={task} onDone={onChanged} />}
            {(leads || (mine && !takenByOther)) && (
              // Keyed by the holder: once the task changes hands the form starts afresh, closed.
              <details class="assign" key={task.claimedBy ?? 0}>
                <summary>{t('assign')}</summary>
                <AssignForm task={task} onAssigned={onChanged} />
              </details>
            )}
          </div>
        );
      })}
    </section>
  );
}
