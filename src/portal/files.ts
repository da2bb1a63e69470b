import { createHash } from 'node:crypto';
import { localDate, startOfLocalDay } from '../calendar/working-time.js';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from '../errors.js';

/**
 * How much may be uploaded: per file and per request (one online dossier, or one officer's attachment request),
 * and per account and local day, whatever the requests.
 */
export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  maxTotalBytes: number;
  dailyBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 20,
  maxTotalBytes: 50 * 1024 * 1024,
  dailyBytes: 200 * 1024 * 1024,
};

/** A file as it arrived: the form field naming its document, the name on the applicant's machine, the bytes. */
export interface Upload {
  field: string;
  filename: string;
  content: Buffer;
}

/** A file accepted: its name made safe, the media type its content proves, size and SHA-256. */
export interface CheckedFile {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

interface Kind {
  label: string;
  /** What the content starts with. */
  magic: Buffer;
  /** A further look at the content (a ZIP is an office document only when it says so). */
  holds?: (content: Buffer) => boolean;
  /** The extensions a file of this kind may carry, with the media type each stands for. */
  types: Record<string, string>;
}

const OOXML = 'application/vnd.openxmlformats-officedocument.';
const ODF = 'application/vnd.oasis.opendocument.';

// PDF, JPEG, PNG and the common office documents: Word, Excel, PowerPoint (old and new) and OpenDocument.
const KINDS: Kind[] = [
  { label: 'PDF', magic: Buffer.from('%PDF-'), types: { pdf: 'application/pdf' } },
  { label: 'PNG', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), types: { png: 'image/png' } },
  { label: 'JPEG', magic: Buffer.from([0xff, 0xd8, 0xff]), types: { jpg: 'image/jpeg', jpeg: 'image/jpeg' } },
  {
    label: 'Microsoft Office 97–2003',
    magic: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    types: { doc: 'application/msword', xls: 'application/vnd.ms-excel', ppt: 'application/vnd.ms-powerpoint' },
  },
  {
    label: 'Office Open XML',
    magic: Buffer.from('PK\x03\x04', 'latin1'),
    holds: (content) => content.includes('[Content_Types].xml'),
    types: {
      docx: `${OOXML}wordprocessingml.document`,
      xlsx: `${OOXML}spreadsheetml.sheet`,
      pptx: `${OOXML}presentationml.presentation`,
    },
  },
  {
    label: 'OpenDocument',
    magic: Buffer.from('PK\x03\x04', 'latin1'),
    holds: (content) => content.subarray(30, 100).includes(`mimetype${ODF}`),
    types: { odt: `${ODF}text`, ods: `${ODF}spreadsheet`, odp: `${ODF}presentation` },
  },
];

const ACCEPTED = 'PDF, ảnh JPEG hoặc PNG, tài liệu Word, Excel, PowerPoint hoặc OpenDocument';

/**
 * Checks a file by what its content is, not by what the browser declared: the first bytes must be those of an
 * accepted kind and the name's extension one of that kind's. Anything else is refused (415), naming the file.
 */
export function checkFile(upload: Upload): CheckedFile {
  const name = safeName(upload.filename);
  if (!upload.content.length) throw new BadRequest('empty-file', `Tệp “${name}” rỗng, vui lòng chọn lại tệp.`);
  const kind = KINDS.find(
    (k) => upload.content.subarray(0, k.magic.length).equals(k.magic) && (k.holds?.(upload.content) ?? true),
  );
  if (!kind)
    throw new UnsupportedMediaType('file-type-refused', `Tệp “${name}” không được chấp nhận: chỉ nhận ${ACCEPTED}.`);
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  const mediaType = kind.types[extension];
  if (!mediaType) {
    const expected = Object.keys(kind.types)
      .map((e) => `.${e}`)
      .join(', ');
    throw new UnsupportedMediaType(
      'file-content-mismatch',
      `Nội dung tệp “${name}” là ${kind.label}, không khớp với tên tệp (cần đuôi ${expected}).`,
    );
  }
  return {
    name,
    mediaType,
    size: upload.content.length,
    sha256: createHash('sha256').update(upload.content).digest('hex'),
    content: upload.content,
  };
}

/**
 * Refuses (413) more files than allowed, one over the size limit, more bytes than one request may carry, or more than
 * the account may still upload today (`remainingToday`).
 */
export function checkLimits(uploads: readonly Upload[], limits: UploadLimits, remainingToday = Infinity): void {
  if (uploads.length > limits.maxFiles) throw tooManyFiles(limits);
  const large = uploads.find((u) => u.content.length > limits.maxFileBytes);
  if (large) throw fileTooLarge(large.filename, limits);
  checkTotal(
    uploads.reduce((sum, u) => sum + u.content.length, 0),
    limits,
    remainingToday,
  );
}

/** Refuses (413) a running total over what one request may carry or what the account may still upload today. */
export function checkTotal(bytes: number, limits: UploadLimits, remainingToday: number): void {
  if (bytes > limits.maxTotalBytes) {
    throw new PayloadTooLarge(
      'upload-total-too-large',
      `Tổng dung lượng các tệp gửi một lần vượt quá ${size(limits.maxTotalBytes)}.`,
    );
  }
  if (bytes > remainingToday) {
    throw new PayloadTooLarge(
      'upload-quota-exceeded',
      `Tài khoản đã dùng gần hết dung lượng tải lên trong ngày (${size(limits.dailyBytes)} mỗi ngày); vui lòng gửi tiếp vào ngày mai.`,
    );
  }
}

/** A file over the size limit (413), named. */
export function fileTooLarge(filename: string, limits: UploadLimits): PayloadTooLarge {
  return new PayloadTooLarge(
    'file-too-large',
    `Tệp “${safeName(filename)}” vượt quá dung lượng cho phép (tối đa ${size(limits.maxFileBytes)} mỗi tệp).`,
  );
}

/** More files than allowed (413). */
export function tooManyFiles(limits: UploadLimits): PayloadTooLarge {
  return new PayloadTooLarge('too-many-files', `Chỉ được tải lên tối đa ${limits.maxFiles} tệp mỗi lần.`);
}

/** The file's own name without any folder, control characters or excess length. */
function safeName(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f"]/g, '')
    .trim();
  return (clean || 'tep-dinh-kem').slice(-200);
}

/** 10 MB, 2,5 MB, 4 KB (Vietnamese decimal comma). */
function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** What an account may still upload today (Hà Nội's day), given what it uploaded since the day began. */
export async function remainingToday(
  store: { uploadedSince(userId: number, since: string): Promise<number> },
  limits: UploadLimits,
  userId: number,
  at: Date,
): Promise<number> {
  const dayStart = startOfLocalDay(localDate(at));
  return limits.dailyBytes - (await store.uploadedSince(userId, dayStart));
}
