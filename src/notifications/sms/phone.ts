/**
 * A Vietnamese phone number in the international form SMSCs route on (ton 1, npi 1): 0912345678, +84 912 345 678,
 * 0084912345678 and 84912345678 all give 84912345678. Throws when the text is not a Vietnamese number.
 */
export function internationalVietnamese(phone: string): string {
  const compact = phone.replace(/[\s.\-()]/g, '');
  // The national number without its leading 0: 9 digits for a mobile (since 2018), 10 for a landline.
  const national = /^(?:\+84|0084|84)0?([1-9]\d{8,9})$/.exec(compact)?.[1] ?? /^0([1-9]\d{8,9})$/.exec(compact)?.[1];
  if (!national) throw new Error(`not a Vietnamese phone number: "${phone}"`);
  return `84${national}`;
}
