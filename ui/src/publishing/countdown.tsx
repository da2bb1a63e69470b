import { formatDateTime, formatWorkingMinutes } from '../app/format';
import { currentLang } from '../i18n';
import { t } from './messages';
import type { AnnouncementChange } from './types';

/** Working time left to the announcement's deadline; once done, when it was done. Red when late, green on time. */
export function Countdown({ change }: { change: AnnouncementChange }) {
  if (change.doneAt) {
    return (
      <span class={`countdown ${change.state}`} data-testid="countdown">
        {t('doneAt', { at: formatDateTime(change.doneAt) })}
      </span>
    );
  }
  const minutes = change.timeLeftMinutes ?? 0;
  const late = change.state === 'late' || minutes < 0;
  return (
    <span class={`countdown ${late ? 'late' : 'pending'}`} data-testid="countdown">
      {late
        ? t('overdueBy', { time: formatWorkingMinutes(Math.abs(minutes), currentLang()) })
        : t('left', { time: formatWorkingMinutes(minutes, currentLang()) })}
    </span>
  );
}

const BADGES = { pending: 'badge warn', 'on-time': 'badge ok', late: 'badge bad' } as const;

/** chờ thực hiện / đúng hạn / quá hạn */
export function ChangeStateBadge({ change }: { change: AnnouncementChange }) {
  return <span class={BADGES[change.state]}>{t(`state_${change.state}`)}</span>;
}
