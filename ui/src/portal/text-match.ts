/** Vietnamese text compared without accents or case: "khai sinh" finds "Đăng ký khai sinh". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether every word of the query appears in one of the texts (accents and case ignored). */
export function matchesQuery(query: string, ...texts: string[]): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldVietnamese(texts.join(' '));
  return words.every((word) => haystack.includes(word));
}

/** Whether the query, as typed (accents and case ignored), appears in the text: "phuc xa" finds "Phường Phúc Xá". */
export function containsPhrase(text: string, query: string): boolean {
  return foldVietnamese(text).includes(foldVietnamese(query));
}
