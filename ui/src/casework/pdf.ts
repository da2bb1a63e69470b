import { apiFile, saveFile } from '../app/api';
import type { IssuedForm } from '../app/api-types';

/** The forms a dossier's life issues, by the key of their address (the server's `vocabulary/form-names.ts`). */
export type FormKind = IssuedForm['kind'];

/** A form of the dossier as PDF, fetched with the session's token (a plain link would not carry it). */
export function fetchForm(code: string, kind: FormKind): Promise<Blob> {
  return apiFile(`/dossiers/${encodeURIComponent(code)}/forms/${kind}.pdf`);
}

export function formFileName(code: string, kind: FormKind): string {
  return `${code.replace(/[^\w.-]/g, '_')}-${kind}.pdf`;
}

/** Shows a file in a new tab (the browser's viewer prints and saves it); downloads it when pop-ups are blocked. */
export function openBlob(blob: Blob, name: string): 'opened' | 'downloaded' {
  return show(blob, name, false);
}

/**
 * Prints a PDF: it opens in a new tab whose print dialog is called once it is shown (the browser's PDF viewer prints
 * the document). Not a hidden frame: printing from one crashes headless Chromium's page.
 */
export function printBlob(blob: Blob, name: string): 'opened' | 'downloaded' {
  return show(blob, name, true);
}

function show(blob: Blob, name: string, print: boolean): 'opened' | 'downloaded' {
  const url = URL.createObjectURL(blob);
  const opened = window.open(url, '_blank');
  setTimeout(() => URL.revokeObjectURL(url), 120_000);
  if (!opened) {
    saveFile(blob, name);
    return 'downloaded';
  }
  if (print) opened.addEventListener('load', () => opened.print());
  return 'opened';
}
