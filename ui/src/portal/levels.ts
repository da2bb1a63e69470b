import { t } from './messages';

/** Administrative levels as data (tinh, huyen, xa today; a future reform may add or drop one). */
export function levelLabel(level: string): string {
  if (level === 'tinh') return t('levelTinh');
  if (level === 'huyen') return t('levelHuyen');
  if (level === 'xa') return t('levelXa');
  return level;
}
