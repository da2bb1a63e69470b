import { EndDates } from '../app/end-dates';
import { formatDateTime, formatWorkingMinutes } from '../app/format';
import { OnTimeBadge } from '../app/on-time-badge';
import { currentLang } from '../i18n';
import { DueTime } from '../casework/due-time';
import { t } from '../casework/messages';
import type { Dossier } from '../casework/types';
import type { WorkingCalendar } from '../casework/working-time';

/** The dossier's clock: receipt, start, legal due time and time left, appointment, pauses, and the end. */
export function DossierClock({ dossier, calendar }: { dossier: Dossier; calendar: WorkingCalendar | null }) {
  const finished = dossier.finishedAt !== null;
  const paused = dossier.pausedAt !== null;
  const onTime = dossier.onTime !== null && <OnTimeBadge onTime={dossier.onTime} testId="on-time" />;
  return (
    <section class="panel dossier-clock" data-testid="clock">
      <h2>{t('clockTitle')}</h2>
      <dl>
        <dt>{t('receivedAt')}</dt>
        <dd>{formatDateTime(dossier.receivedAt)}</dd>
        {dossier.clockStartedAt && (
          <>
            <dt>{t('clockStarted')}</dt>
            <dd>{formatDateTime(dossier.clockStartedAt)}</dd>
          </>
        )}
        <dt>{t('dueAt')}</dt>
        <dd>
          {finished || paused ? formatDateTime(dossier.dueAt) : <DueTime dueAt={dossier.dueAt} calendar={calendar} />}
        </dd>
        <dt>{t('appointment')}</dt>
        <dd>{formatDateTime(dossier.appointmentAt)}</dd>
        {paused && (
          <>
            <dt>{t('pausedSince')}</dt>
            <dd>
              {formatDateTime(dossier.pausedAt)} <span class="badge warn">{t('clockStopped')}</span>
            </dd>
          </>
        )}
        {dossier.pausedWorkingMinutes > 0 && (
          <>
            <dt>{t('pausedTotal')}</dt>
            <dd>{formatWorkingMinutes(dossier.pausedWorkingMinutes, currentLang())}</dd>
          </>
        )}
        {dossier.statusReason && (
          <>
            <dt>{t('reason')}</dt>
            <dd>{dossier.statusReason}</dd>
          </>
        )}
        {dossier.missingItems && dossier.missingItems.length > 0 && (
          <>
            <dt>{t('missingList')}</dt>
            <dd>
              <ul>
                {dossier.missingItems.map((item, i) => (
                  <li key={i}>{item}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <EndDates finishedAt={dossier.finishedAt} returnedAt={dossier.returnedAt} badge={onTime} />
      </dl>
    </section>
  );
}
