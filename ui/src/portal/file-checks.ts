import { t } from './messages';

/** The largest file an applicant may attach (the server refuses bigger ones with 413). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Accepted kinds of attachment: extension → MIME types a browser may report for it. */
const ACCEPTED: Record<string, string[]> = {
  pdf: ['application/pdf'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  png: ['image/png'],
  doc: ['application/msword'],
  docx: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  xls: ['application/vnd.ms-excel'],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  odt: ['application/vnd.oasis.opendocument.text'],
};

/** For the file inputs' `accept`: the file chooser offers only these. */
export const ACCEPT_ATTRIBUTE = Object.keys(ACCEPTED)
  .map((ext) => `.${ext}`)
  .join(',');

// First bytes of the formats a browser can check cheaply; the server checks again.
const SIGNATURES: Record<string, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46], // %PDF
  png: [0x89, 0x50, 0x4e, 0x47],
  jpg: [0xff, 0xd8, 0xff],
  jpeg: [0xff, 0xd8, 0xff],
};

/** Why a file cannot be attached (its kind, its size, its content not matching its name), or null if it can. */
export async function fileProblem(file: File): Promise<string | null> {
  const ext = extension(file.name);
  const types = ACCEPTED[ext];
  const typeAllowed = !file.type || file.type === 'application/octet-stream' || types?.includes(file.type);
  if (!types || !typeAllowed) return t('fileTypeRefused', { name: file.name });
  if (file.size === 0) return t('fileEmpty', { name: file.name });
  if (file.size > MAX_FILE_BYTES)
    return t('fileTooBig', { name: file.name, size: megabytes(file.size), limit: megabytes(MAX_FILE_BYTES) });
  const signature = SIGNATURES[ext];
  if (signature && !(await startsWith(file, signature)))
    return t('fileContentMismatch', { name: file.name, kind: ext.toUpperCase() });
  return null;
}

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

async function startsWith(file: File, bytes: number[]): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, bytes.length).arrayBuffer());
  return bytes.every((b, i) => head[i] === b);
}

/** A chosen file's size: 12 KB, 3,4 MB. */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : megabytes(bytes);
}

/** 10 MB, 12,3 MB (Vietnamese decimal comma). */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}
