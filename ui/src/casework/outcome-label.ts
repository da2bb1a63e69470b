import { t } from './messages';

const KNOWN = new Set([
  'approve',
  'return',
  'amend',
  'eligible',
  'ineligible',
  'valid',
  'invalid',
  'issued',
  'returned',
  'found',
  'not_found',
  'refuse',
  'refused',
  'consult',
  'verify',
  'accept',
]);

/** The label of a task's outcome value: the common ones in words, any other as the value itself. */
export function outcomeLabel(outcome: string): string {
  return KNOWN.has(outcome) ? t(`outcome_${outcome}` as Parameters<typeof t>[0]) : outcome;
}

/** Outcomes that send the dossier back or refuse it are drawn as warnings. */
export function isNegativeOutcome(outcome: string): boolean {
  return /^(return|returned|amend|ineligible|invalid|refuse|refused|not_found)$/.test(outcome);
}
