const TYPED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date typed as Vietnamese forms write it, `dd/mm/yyyy`, as JSON Schema's `YYYY-MM-DD`; anything else unchanged, for ajv to refuse. */
export function isoDate(typed: string): string {
  const found = TYPED.exec(typed.trim());
  return found ? `${found[3]}-${found[2]!.padStart(2, '0')}-${found[1]!.padStart(2, '0')}` : typed.trim();
}
