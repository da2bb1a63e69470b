import { formatDateTime, formatWorkingMinutes } from '../app/format';
import { currentLang } from '../i18n';
import { t } from './messages';
import { timeLeft } from './urgency';
import type { WorkingCalendar } from './working-time';

const BADGE = { overdue: 'bad', soon: 'warn', normal: '', none: '' } as const;

/** A due time with the working time left (or past it), coloured red when overdue and amber within one working day. */
export function DueTime({ dueAt, calendar }: { dueAt: string | null; calendar: WorkingCalendar | null }) {
  if (!dueAt) return <span class="muted">—</span>;
  const left = calendar ? timeLeft(calendar, dueAt) : null;
  const span = left?.minutes != null ? formatWorkingMinutes(Math.abs(left.minutes), currentLang()) : '';
  return (
    <span class="due-time">
      <span class="nowrap">{formatDateTime(dueAt)}</span>{' '}
      {left && left.urgency !== 'none' && (
        <span class={`badge ${BADGE[left.urgency]}`} data-urgency={left.urgency}>
          {left.urgency === 'overdue' ? t('overdueBy', { time: span }) : t('timeLeft', { time: span })}
        </span>
      )}
    </span>
  );
}
