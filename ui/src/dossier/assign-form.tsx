import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox, useLoad } from '../app/ui';
import { t } from '../casework/messages';
import type { Task } from '../casework/types';
import { useAction } from '../casework/use-action';

interface Assignee {
  id: number;
  username: string;
  fullName: string;
}

const POOL = '';

/** Hands a task to a colleague of its unit and role (chuyển xử lý), or back to the unit's pool. */
export function AssignForm({ task, onAssigned }: { task: Task; onAssigned: () => void }) {
  const colleagues = useLoad(() => api<Assignee[]>(`/tasks/${task.id}/assignees`), [task.id]);
  const [to, setTo] = useState(POOL);
  const [comment, setComment] = useState('');
  const action = useAction();
  const choices = (colleagues.data ?? []).filter((c) => c.id !== task.claimedBy);
  const submit = async (event: Event) => {
    event.preventDefault();
    const body = { to: to === POOL ? null : to, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    if (await action.run(() => api<Task>(`/tasks/${task.id}/assign`, { method: 'POST', body: { json: body } })))
      onAssigned();
  };
  return (
    <form class="assign-form" onSubmit={submit} data-testid="assign-form">
      <label>
        {t('assignTo')}
        <select value={to} onChange={(e) => setTo(e.currentTarget.value)} disabled={!colleagues.data}>
          {task.status === 'claimed' && <option value={POOL}>{t('assignToPool')}</option>}
          {task.status !== 'claimed' && (
            <option value={POOL} disabled>
              {t('assignChoose')}
            </option>
          )}
          {choices.map((c) => (
            <option key={c.id} value={c.username}>
              {c.fullName}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('comment')}
        <textarea rows={2} maxLength={4000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={action.busy || (to === POOL && task.status !== 'claimed')}>
        {action.busy ? t('assigning') : t('assign')}
      </button>
      <ErrorBox error={colleagues.error ?? action.error} />
    </form>
  );
}
