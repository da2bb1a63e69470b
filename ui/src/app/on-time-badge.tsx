import { t } from './messages';

/** On time (green), late (red), or not finished yet (grey). */
export function OnTimeBadge({ onTime, testId }: { onTime: boolean | null; testId?: string }) {
  if (onTime === null)
    return (
      <span class="badge" data-testid={testId}>
        {t('unfinished')}
      </span>
    );
  return (
    <span class={`badge ${onTime ? 'ok' : 'bad'}`} data-testid={testId}>
      {onTime ? t('onTime') : t('late')}
    </span>
  );
}
