import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { UnsupportedMediaType } from '../errors.js';
import { fileTooLarge, tooManyFiles, type Upload, type UploadLimits } from '../portal/files.js';

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
 * Reads a multipart/form-data request whole: text fields and files in any order, each file buffered. More files than
 * `limits.maxFiles`, or one over `limits.maxFileBytes`, is refused (413) naming it; a file input left empty is skipped.
 * `expected` says, in Vietnamese, what the form should hold when the request is not multipart (415).
 */
export async function readUploadForm(request: FastifyRequest, limits: UploadLimits, expected: string): Promise<UploadForm> {
  if (!request.isMultipart()) throw new UnsupportedMediaType('multipart-required', `Gửi dưới dạng multipart/form-data: ${expected}.`);
  const fields: Record<string, string> = {};
  const uploads: Upload[] = [];
  for await (const part of request.parts({ limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles + 1 } })) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const content = await part.toBuffer();
    if (!part.filename) continue; // a file input left empty
    if (uploads.length === limits.maxFiles) throw tooManyFiles(limits);
    if (part.file.truncated) throw fileTooLarge(part.filename, limits);
    uploads.push({ field: part.fieldname, filename: part.filename, content });
  }
  return { fields, uploads };
}
