import motcua from '../../../src/engine/motcua.moddle.json';

const MINUTES_PER_DAY = 8 * 60;
const DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/;

/** Working minutes of a time budget (`P2D`, `PT4H`, `P1DT4H`; a working day is 8 hours), or null. */
export function budgetMinutes(text: string | null | undefined): number | null {
  const found = text ? DURATION.exec(text.trim().toUpperCase()) : null;
  if (!found || !(found[1] || found[2] || found[3])) return null;
  return Number(found[1] ?? 0) * MINUTES_PER_DAY + Number(found[2] ?? 0) * 60 + Number(found[3] ?? 0);
}

/** The time budget (`mc:budget`) of every task of a diagram, in working minutes, by element id. */
export function budgetsOf(xml: string): Map<string, number> {
  const budgets = new Map<string, number>();
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  for (const element of Array.from(doc.getElementsByTagName('*'))) {
    const minutes = budgetMinutes(element.getAttributeNS(motcua.uri, 'budget'));
    const id = element.getAttribute('id');
    if (id && minutes !== null) budgets.set(id, minutes);
  }
  return budgets;
}
