import { api } from '../app/api';
import { ErrorBox } from '../app/ui';
import { t } from './messages';
import type { Task } from './types';
import { useAction } from './use-action';

/** Takes an open task so colleagues see who handles it. */
export function ClaimButton({ task, onClaimed }: { task: Task; onClaimed: (task: Task) => void }) {
  const action = useAction();
  const claim = async () => {
    const claimed = await action.run(() =>
      api<Task>(`/tasks/${task.id}/claim`, { method: 'POST', body: { json: {} } }),
    );
    if (claimed) onClaimed(claimed);
  };
  return (
    <>
      <button type="button" disabled={action.busy} onClick={claim}>
        {action.busy ? t('claiming') : t('claim')}
      </button>
      <ErrorBox error={action.error} />
    </>
  );
}
