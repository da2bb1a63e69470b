import type { User } from '../app/session';
import { t } from './messages';
import type { Task } from './types';

/** Who holds the task: nobody yet, the user, or a colleague. */
export function ClaimState({ task, user }: { task: Task; user: User | null }) {
  if (task.status !== 'claimed') return null;
  const mine = task.claimedBy === user?.id;
  const other = task.claimedByName ? t('claimedByName', { name: task.claimedByName }) : t('claimedByOther');
  return <span class={`badge ${mine ? 'ok' : ''}`}>{mine ? t('claimedByYou') : other}</span>;
}
