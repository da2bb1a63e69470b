import { api } from '../app/api';
import type { Version } from './types';

const versionsOf = (code: string) => `/procedures/${encodeURIComponent(code)}/versions`;

/** The catalogue's version endpoints the editor uses; every answer that stores a diagram carries its findings. */
export const versionsApi = {
  list: (code: string) => api<Version[]>(versionsOf(code)),
  get: (code: string, n: number) => api<Version>(`${versionsOf(code)}/${n}`),
  xml: (code: string, n: number) => api<string>(`${versionsOf(code)}/${n}/bpmn`),
  /** A new draft from a diagram's XML. */
  create: (code: string, xml: string) => api<Version>(versionsOf(code), { body: { xml } }),
  /** A new draft from a .bpmn file, sent as it is (multipart). */
  upload: (code: string, file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<Version>(versionsOf(code), { body: { form } });
  },
  /** Replaces a draft's diagram (only drafts can be saved). */
  save: (code: string, n: number, xml: string) =>
    api<Version>(`${versionsOf(code)}/${n}`, { method: 'PUT', body: { xml } }),
  /** Sends a draft to VPUBND; refused with the findings while it has errors. */
  submit: (code: string, n: number) => api<Version>(`${versionsOf(code)}/${n}/submit`, { method: 'POST' }),
};

/** Offers a diagram to the browser as a .bpmn file. */
export function downloadXml(filename: string, xml: string): void {
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
