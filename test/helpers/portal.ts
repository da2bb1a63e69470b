import { createHash } from 'node:crypto';
import type { TestApp } from './app.js';
import { complete, type OpenTask } from './drive.js';
import { RECEIPTS } from './fixtures.js';

/** Tiny real files: a PDF, a 1×1 PNG, a Word (OOXML) container, and a Windows program. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
export const DOCX = Buffer.concat([
  Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00', 'latin1'),
  Buffer.alloc(16),
  Buffer.from('\x13\x00\x00\x00[Content_Types].xml<Types/>', 'latin1'),
]);
export const EXE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'),
  Buffer.alloc(120),
  Buffer.from('This program cannot be run in DOS mode.'),
]);

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** How many dossiers, files, events and code sequences the database holds: a refusal changes none. */
export async function counts(h: TestApp) {
  const knex = h.app.system.db.knex;
  const n = async (table: string) => Number((await knex(table).count({ n: '*' }).first())!.n);
  return {
    dossiers: await n('dossiers'),
    attachments: await n('attachments'),
    events: await n('dossier_events'),
    sequences: await n('dossier_sequences'),
  };
}

export const CITIZEN = {
  fullName: 'Đào Thị Hạnh',
  idNumber: '001185009876',
  phone: '0904123456',
  email: 'hanh@example.vn',
};

/** The JSON of an online submission of a shipped procedure at its demo unit. */
export function onlineDossier(procedureCode = '1.001193', applicant: Record<string, unknown> = CITIZEN) {
  const receipt = RECEIPTS[procedureCode]!;
  return { procedureCode, unitCode: receipt.unitCode, applicant, data: receipt.data };
}

export interface FilePart {
  field: string;
  name: string;
  content: Buffer;
  type?: string;
}

/** POSTs text fields and files as multipart/form-data, encoded by the platform's own FormData. */
export async function postForm(h: TestApp, url: string, fields: Record<string, string>, files: FilePart[], as: string) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files)
    form.append(f.field, new Blob([f.content], { type: f.type ?? 'application/octet-stream' }), f.name);
  const encoded = new Response(form);
  const payload = Buffer.from(await encoded.arrayBuffer());
  return h.request({
    method: 'POST',
    url,
    as,
    headers: { 'content-type': encoded.headers.get('content-type')! },
    payload,
  });
}

/** POST /api/portal/dossiers: the field `dossier` (JSON) and the files. */
export function submitOnline(h: TestApp, dossier: unknown, files: FilePart[], as = 'congdan') {
  return postForm(h, '/api/portal/dossiers', { dossier: JSON.stringify(dossier) }, files, as);
}

/** POST /api/dossiers/:code/attachments: an officer attaches files as one document. */
export function attachFiles(h: TestApp, code: string, document: string, files: Omit<FilePart, 'field'>[], as: string) {
  return postForm(
    h,
    `/api/dossiers/${encodeURIComponent(code)}/attachments`,
    { document },
    files.map((f) => ({ ...f, field: 'files' })),
    as,
  );
}

/** Submits a birth registration online with its two required documents (PDFs) and a PNG; returns the answer. */
export async function submitted(h: TestApp) {
  const res = await submitOnline(h, onlineDossier(), [
    { field: '0', name: 'to-khai.pdf', content: PDF, type: 'application/pdf' },
    { field: '1', name: 'xac-nhan-cu-tru.pdf', content: PDF, type: 'application/pdf' },
    { field: 'Giấy chứng sinh', name: 'giay-chung-sinh.png', content: PNG, type: 'image/png' },
  ]);
  if (res.statusCode !== 201) throw new Error(`online submission: ${res.body}`);
  return res.json();
}

/** Completes every task of a dossier, approving where there is a choice, one hour apart; returns the dossier. */
export async function runToEnd(
  h: TestApp,
  dossier: { tasks: OpenTask[] },
): Promise<{ tasks: OpenTask[]; statusCode: number; version: number }> {
  let current = dossier as { tasks: OpenTask[]; statusCode: number; version: number };
  for (let steps = 0; current.tasks.length; steps++) {
    if (steps > 20) throw new Error('runaway process');
    const task = current.tasks[0]!;
    h.clock.advanceHours(1);
    current = await complete(
      h,
      task,
      task.outcomes.length ? (task.outcomes.includes('approve') ? 'approve' : task.outcomes[0]) : undefined,
    );
  }
  return current;
}
