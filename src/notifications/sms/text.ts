/** How one SMS text travels in submit_sm: its data_coding, esm_class, and the short_message of each part. */
export interface SmsParts {
  /** 0: the SMSC's default alphabet (the text is the same in GSM 03.38 and ASCII); 8: UCS-2, UTF-16BE. */
  dataCoding: 0 | 8;
  /** 0x40 (UDH indicator) when the text is split into concatenated parts. */
  esmClass: 0 | 0x40;
  parts: Buffer[];
}

/** The most parts a concatenated SMS may have (the UDH counts them in one octet). */
export const MAX_PARTS = 255;

// Characters whose GSM 03.38 default-alphabet code is their ASCII code: such a text reads the same however the SMSC
// takes data_coding 0 (GSM, ASCII or Latin-1). Anything else (every Vietnamese letter with a diacritic) goes as UCS-2.
const SAME_IN_GSM_AND_ASCII = /^[A-Za-z0-9 \n\r!"#%&'()*+,\-./:;<=>?]*$/;

// Code units of one SMS (140 octets) and of one part after the 6-octet UDH: 7-bit septets sent one per octet by SMPP
// count as the handset's 160/153, UCS-2 units as 70/67.
const LIMITS = { 0: { single: 160, part: 153 }, 8: { single: 70, part: 67 } } as const;

/**
 * The parts of an SMS: one part when it fits, else concatenated parts, each led by a UDH (IEI 0x00, concatenation
 * with an 8-bit `reference`, the number of parts, this part's number). The text is normalised to NFC first, so a
 * Vietnamese letter is one character, never a letter and combining marks.
 */
export function smsParts(text: string, reference: number): SmsParts {
  const nfc = text.normalize('NFC');
  const dataCoding = SAME_IN_GSM_AND_ASCII.test(nfc) ? 0 : 8;
  const encode = (s: string) => (dataCoding === 0 ? Buffer.from(s, 'ascii') : Buffer.from(s, 'utf16le').swap16());
  const { single, part } = LIMITS[dataCoding];
  if (nfc.length <= single) return { dataCoding, esmClass: 0, parts: [encode(nfc)] };
  const pieces = splitText(nfc, part);
  if (pieces.length > MAX_PARTS) throw new Error(`an SMS of ${pieces.length} parts is longer than ${MAX_PARTS}`);
  return {
    dataCoding,
    esmClass: 0x40,
    parts: pieces.map((piece, i) =>
      Buffer.concat([Buffer.from([0x05, 0x00, 0x03, reference & 0xff, pieces.length, i + 1]), encode(piece)]),
    ),
  };
}

/**
 * Cuts a text into pieces of at most `size` UTF-16 code units, never between the two halves of a surrogate pair nor
 * before a combining mark, so no part ends in half a character.
 */
export function splitText(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + size, text.length);
    while (end > start + 1 && end < text.length && !boundary(text, end)) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

function boundary(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  if (unit >= 0xdc00 && unit <= 0xdfff) return false; // the second half of a surrogate pair
  return !/^\p{M}/u.test(text.slice(at, at + 2));
}
