import { currentLang } from '../i18n';

const locale = () => (currentLang() === 'vi' ? 'vi-VN' : 'en-GB');

/** A count with the language's thousands separator: 69.427 / 69,427. */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(locale()).format(n);
}

/** A rate of 0..1 as a percentage with one decimal: "92,3 %" in Vietnamese, "92.3%" in English; "—" when none. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const number = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(rate * 100);
  return currentLang() === 'vi' ? `${number} %` : `${number}%`;
}

/** A rate as a percentage number for a chart's axis (0..100, one decimal), or null to leave a gap. */
export function percentValue(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
