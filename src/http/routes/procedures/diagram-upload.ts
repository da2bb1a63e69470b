import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { BadRequest } from '../../../errors.js';
import { readingForm } from '../../uploads.js';

const XML_TYPES = ['application/xml', 'text/xml', 'application/bpmn+xml'];

/** Lets the routes registered on `app` from now on read a diagram: an XML body, or a multipart form of one file. */
export async function readDiagrams(app: Parameters<FastifyPluginAsyncTypebox>[0], maxBytes: number): Promise<void> {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1 }, throwFileSizeLimit: true });
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string', bodyLimit: maxBytes }, (_request, body, done) =>
    done(null, body),
  );
}

/** The diagram of an upload: the body of an XML request, or the first file of a multipart form. */
export async function uploadedXml(request: FastifyRequest, maxBytes: number): Promise<string> {
  if (request.isMultipart()) {
    const content = await readingForm(async () => {
      const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } });
      if (!file) throw new BadRequest('file-required', 'Chưa chọn tệp sơ đồ (.bpmn) để tải lên.');
      return file.toBuffer();
    });
    return content.toString('utf8');
  }
  if (typeof request.body !== 'string')
    throw new BadRequest('bpmn-required', 'Gửi sơ đồ dưới dạng application/xml hoặc tệp trong multipart/form-data.');
  return request.body;
}
