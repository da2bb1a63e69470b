/**
 * Dossier codes: `{agency e-ID}-{yymmdd}-{seq}`, the sequence counted per agency per local day and
 * written with at least 4 digits (the provincial-level width), e.g. `H26.00001-181119-0007`.
 */
export function dossierCode(agencyId: string, localDate: string, seq: number): string {
  return `${agencyId}-${dayKey(localDate)}-${String(seq).padStart(4, '0')}`;
}

/** `2018-11-19` → `181119`. */
export function dayKey(localDate: string): string {
  return localDate.slice(2, 4) + localDate.slice(5, 7) + localDate.slice(8, 10);
}
