import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { BadRequest, DomainError, UnsupportedMediaType } from '../errors.js';
import { refuseHostile } from './hostile-input.js';
import { checkTotal, fileTooLarge, tooManyFiles, type Upload, type UploadLimits } from '../portal/files.js';

/** The multipart plugin's options for routes taking uploads: a file over the limit arrives truncated and is refused by name. */
export function multipartOptions(limits: UploadLimits): FastifyMultipartOptions {
  return { limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles + 1 }, throwFileSizeLimit: false };
}

/** A multipart form as it arrived: its text fields by name, and its files in order. */
export interface UploadForm {
  fields: Record<string, string>;
  uploads: Upload[];
}

/**
 * Reads a multipart/form-data request: text fields and files in any order, each file buffered up to its limit. More
 * files than `limits.maxFiles`, one over `limits.maxFileBytes`, more bytes in all than one request or the account's
 * day allows (`remainingToday`) is refused (413) as soon as it shows, before anything more is read; a file input left
 * empty is skipped; a form cut short or without its boundary is 400. `expected` says, in Vietnamese, what the form
 * should hold when the request is not multipart (415).
 */
export async function readUploadForm(
  request: FastifyRequest,
  limits: UploadLimits,
  expected: string,
  remainingToday = Infinity,
): Promise<UploadForm> {
  if (!request.isMultipart())
    throw new UnsupportedMediaType('multipart-required', `Gửi dưới dạng multipart/form-data: ${expected}.`);
  if (remainingToday <= 0) checkTotal(1, limits, 0); // nothing left today: refused before a byte is read
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  let total = 0;
  await readingForm(async () => {
    for await (const part of request.parts({ limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles + 1 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (uploads.length === limits.maxFiles && part.filename) throw tooManyFiles(limits);
      const content = await part.toBuffer();
      if (!part.filename) continue; // a file input left empty
      if (part.file.truncated) throw fileTooLarge(part.filename, limits);
      checkTotal((total += content.length), limits, remainingToday);
      uploads.push({ field: part.fieldname, filename: part.filename, content });
    }
  });
  refuseHostile({ fields, files: uploads.map((u) => ({ field: u.field, name: u.filename })) }, '');
  return { fields, uploads };
}

/** Runs `read` over a multipart body; what the form parser cannot read (no boundary, cut short) is the client's 400. */
export async function readingForm<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (err instanceof DomainError || (status !== undefined && status < 500)) throw err;
    throw new BadRequest(
      'multipart-unreadable',
      'Biểu mẫu tải lên (multipart/form-data) bị hỏng hoặc bị cắt ngang; vui lòng gửi lại.',
    );
  }
}
