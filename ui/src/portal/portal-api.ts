import { api } from '../app/api';
import type { MyDossier, TrackedDossier } from './types';

/** GET /api/portal/track/:code?idNumber= — public; 404 when the code or the ID number is wrong. */
export function trackDossier(code: string, idNumber: string): Promise<TrackedDossier> {
  return api<TrackedDossier>(`/portal/track/${encodeURIComponent(code)}?idNumber=${encodeURIComponent(idNumber)}`);
}

/** GET /api/portal/my-dossiers/:code — one of the logged-in citizen's own dossiers, tracked without the ID number. */
export function trackMine(code: string): Promise<TrackedDossier> {
  return api<TrackedDossier>(`/portal/my-dossiers/${encodeURIComponent(code)}`);
}

/** GET /api/portal/my-dossiers — the logged-in citizen's own dossiers. */
export function myDossiers(): Promise<MyDossier[]> {
  return api<MyDossier[]>('/portal/my-dossiers');
}

/** POST /api/portal/dossiers/:code/rating — once per dossier, after the result (409 if already rated). */
export function rateDossier(code: string, score: number, comment: string): Promise<unknown> {
  const body = comment.trim() ? { score, comment: comment.trim() } : { score };
  return api(`/portal/dossiers/${encodeURIComponent(code)}/rating`, { body: { json: body } });
}
