import { useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox } from '../app/ui';
import { t } from './messages';
import { isNegativeOutcome, outcomeLabel } from './outcome-label';
import type { Dossier, Task } from './types';
import { useAction } from './use-action';

/**
 * Completes a task: a comment, then one button per allowed outcome (or one "complete" button when the flow does not
 * branch after it). The server moves the dossier on and answers with it.
 */
export function TaskCompletion({ task, onDone }: { task: Task; onDone: (dossier: Dossier) => void }) {
  const [comment, setComment] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const action = useAction();
  const complete = async (outcome?: string) => {
    setChosen(outcome ?? '');
    const body = { ...(outcome ? { outcome } : {}), ...(comment.trim() ? { comment: comment.trim() } : {}) };
    const answer = await action.run(() =>
      api<{ dossier: Dossier }>(`/tasks/${task.id}/complete`, { body: { json: body } }),
    );
    if (answer) onDone(answer.dossier);
  };
  const label = (outcome?: string) =>
    action.busy && chosen === (outcome ?? '') ? t('completing') : outcome ? outcomeLabel(outcome) : t('completeStep');
  return (
    <div class="task-completion" data-testid={`complete-${task.id}`}>
      <label>
        {t('comment')}
        <textarea rows={2} maxLength={4000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
      </label>
      <div class="toolbar">
        {task.outcomes.length > 0 && <span class="muted">{t('chooseOutcome')}</span>}
        {task.outcomes.length === 0 ? (
          <button type="button" class="primary" disabled={action.busy} onClick={() => complete()}>
            {label()}
          </button>
        ) : (
          task.outcomes.map((outcome) => (
            <button
              key={outcome}
              type="button"
              class={isNegativeOutcome(outcome) ? 'danger' : 'primary'}
              disabled={action.busy}
              onClick={() => complete(outcome)}
              data-outcome={outcome}
            >
              {label(outcome)}
            </button>
          ))
        )}
      </div>
      <ErrorBox error={action.error} />
    </div>
  );
}
