import { t } from './messages';
import type { OnlineLevel } from './types';

export function onlineLevelLabel(level: OnlineLevel): string {
  if (level === 'toan_trinh') return t('onlineFull');
  if (level === 'mot_phan') return t('onlinePartial');
  return t('onlineNone');
}

/** "Toàn trình" / "Một phần" / "Không trực tuyến" as a coloured badge. */
export function OnlineLevelBadge({ level }: { level: OnlineLevel }) {
  const tone = level === 'toan_trinh' ? 'ok' : level === 'mot_phan' ? 'warn' : '';
  return <span class={`badge ${tone}`}>{onlineLevelLabel(level)}</span>;
}
