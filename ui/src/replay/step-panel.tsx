import { formatDateTime, formatWorkingMinutes } from '../app/format';
import { currentLang } from '../i18n';
import { statusLabel, t } from './messages';
import { OnTimeBadge } from '../app/on-time-badge';
import type { ReplayStep, TimelineEntry } from './types';

/** The step shown: what was done, by whom, when, how long it took against its deadline, and where the dossier waits. */
export function StepPanel({
  step,
  entry,
  names,
}: {
  step: ReplayStep;
  entry: TimelineEntry | undefined;
  names: Map<string, string>;
}) {
  const lang = currentLang();
  return (
    <div class="panel step-panel" data-testid="step-panel">
      <div class="muted">{t(`kind_${step.kind}`)}</div>
      <h3 data-testid="step-activity">{step.activityName ?? t(`kind_${step.kind}`)}</h3>
      <dl>
        <dt>{t('what')}</dt>
        <dd>{entry?.label ?? '—'}</dd>
        <dt>{t('actor')}</dt>
        <dd data-testid="step-actor">{actorOf(step, entry)}</dd>
        <dt>{t('at')}</dt>
        <dd data-testid="step-at">{formatDateTime(step.at)}</dd>
        {step.taskOpenedAt && (
          <>
            <dt>{t('taskOpenedAt')}</dt>
            <dd>{formatDateTime(step.taskOpenedAt)}</dd>
          </>
        )}
        {step.dueAt && (
          <>
            <dt>{t('taskDueAt')}</dt>
            <dd>{formatDateTime(step.dueAt)}</dd>
          </>
        )}
        <dt>{t('timeSpent')}</dt>
        <dd data-testid="step-time-spent">{formatWorkingMinutes(step.timeSpentMinutes, lang)}</dd>
        <dt>{t('deadline')}</dt>
        <dd data-testid="step-on-time">{step.onTime === null ? t('none') : <OnTimeBadge onTime={step.onTime} />}</dd>
        <dt>{t('statusAfter')}</dt>
        <dd>{statusLabel(step.statusCode)}</dd>
        <dt>{t('waiting')}</dt>
        <dd data-testid="step-waiting">
          {step.tokens.length ? step.tokens.map((id) => names.get(id) ?? id).join('; ') : t('finished')}
        </dd>
      </dl>
    </div>
  );
}

/** "Name — unit" from the history (which knows names); the bare ids when the history lacks the event. */
function actorOf(step: ReplayStep, entry: TimelineEntry | undefined): string {
  const actor = entry?.actor;
  if (actor?.name) return actor.unitName ? `${actor.name} — ${actor.unitName}` : actor.name;
  if (step.actor.id === null) return t('system');
  return `#${step.actor.id}${step.actor.unitCode ? ` — ${step.actor.unitCode}` : ''}`;
}
