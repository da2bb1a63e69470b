import { EndDates } from '../app/end-dates';
import { formatDateTime } from '../app/format';
import type { User } from '../app/session';
import { t } from './messages';
import { RatingSection } from './rating-section';
import { StatusBadge } from './status-badge';
import { TimelineList } from './timeline-list';
import type { TrackedDossier } from './types';

/** Where a dossier stands: status, unit, dates (the appointment first), and what happened so far. */
export function TrackResult({ dossier, user }: { dossier: TrackedDossier; user: User | null }) {
  const finished = dossier.statusCode === 9 || dossier.statusCode === 10;
  return (
    <div class="track-result panel" data-testid="track-result">
      <h2>
        {t('dossierCode')} {dossier.code} <StatusBadge code={dossier.statusCode} label={dossier.statusLabel} />
      </h2>
      <dl class="facts">
        {dossier.procedureName && (
          <>
            <dt>{t('procedure')}</dt>
            <dd>{dossier.procedureName}</dd>
          </>
        )}
        <dt>{t('unit')}</dt>
        <dd>{dossier.receivingUnitName}</dd>
        {dossier.unitName !== dossier.receivingUnitName && (
          <>
            <dt>{t('handlingUnit')}</dt>
            <dd>{dossier.unitName}</dd>
          </>
        )}
        <dt>{t('resultPlace')}</dt>
        <dd data-testid="result-place">
          {dossier.resultReturn === 'post'
            ? t('resultByPost', { unit: dossier.resultUnitName })
            : dossier.resultUnitName}
        </dd>
        <dt>{t('receivedAt')}</dt>
        <dd>{formatDateTime(dossier.receivedAt)}</dd>
        <dt>{t('appointment')}</dt>
        <dd class="appointment">{formatDateTime(dossier.appointmentAt)}</dd>
        <dt>{t('dueAt')}</dt>
        <dd>{formatDateTime(dossier.dueAt)}</dd>
        <EndDates finishedAt={dossier.finishedAt} returnedAt={dossier.returnedAt} />
      </dl>
      <h3>{t('timeline')}</h3>
      <TimelineList entries={dossier.timeline ?? []} />
      {finished && <RatingSection dossier={dossier} user={user} />}
    </div>
  );
}
