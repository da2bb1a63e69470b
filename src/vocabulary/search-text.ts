/**
 * A text as searches compare it: without accents (đ as d), lower case, single spaces. SQLite's `lower()` knows only
 * ASCII letters, so names are stored folded as well and compared folded on every database alike.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
