import { createHash } from 'node:crypto';
import type { TestApp } from './app.js';
import { complete, type OpenTask } from './drive.js';
import { RECEIPTS } from './fixtures.js';

/** Tiny real files: a PDF, a 1×1 PNG, a Word (OOXML) container, and a Windows program. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
export const DOCX = Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(16), Buffer.from('\x13\x00\x00\x00[Content_Types].xml<Types/>', 'latin1')]);
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120), Buffer.from('This program cannot be run in DOS mode.')]);

export const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

export const CITIZEN = { fullName: 'Đào Thị Hạnh', idNumber: '001185009876', phone: '0904123456', email: 'hanh@example.vn' };

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

/** POST /api/portal/dossiers as multipart/form-data, encoded by the platform's own FormData. */
export async function submitOnline(h: TestApp, dossier: unknown, files: FilePart[], as = 'congdan') {
  const form = new FormData();
  form.append('dossier', JSON.stringify(dossier));
  for (const f of files) form.append(f.field, new Blob([f.content], { type: f.type ?? 'application/octet-stream' }), f.name);
  const encoded = new Response(form);
  const payload = Buffer.from(await encoded.arrayBuffer());
  return h.request({ method: 'POST', url: '/api/portal/dossiers', as, headers: { 'content-type': encoded.headers.get('content-type')! }, payload });
}

/** Submits a birth registration online with a PDF and a PNG; returns the answer. */
export async function submitted(h: TestApp) {
  const res = await submitOnline(h, onlineDossier(), [
    { field: '0', name: 'to-khai.pdf', content: PDF, type: 'application/pdf' },
    { field: 'Giấy chứng sinh', name: 'giay-chung-sinh.png', content: PNG, type: 'image/png' },
  ]);
  if (res.statusCode !== 201) throw new Error(`online submission: ${res.body}`);
  return res.json();
}

/** Completes every task of a dossier, approving where there is a choice, one hour apart; returns the dossier. */
export async function runToEnd(h: TestApp, dossier: { tasks: OpenTask[] }): Promise<{ tasks: OpenTask[]; statusCode: number; version: number }> {
  let current = dossier as { tasks: OpenTask[]; statusCode: number; version: number };
  for (let steps = 0; current.tasks.length; steps++) {
    if (steps > 20) throw new Error('runaway process');
    const task = current.tasks[0]!;
    h.clock.advanceHours(1);
    current = await complete(h, task, task.outcomes.length ? (task.outcomes.includes('approve') ? 'approve' : task.outcomes[0]) : undefined);
  }
  return current;
}
