import { api } from '../app/api';
import type {
  Dossier,
  DossierPage,
  HeatmapEntry,
  ProcedureSummary,
  Replay,
  TimelineEntry,
  Verification,
  VersionSummary,
} from './types';

const enc = encodeURIComponent;

export interface DossierQuery {
  q?: string;
  procedure?: string;
  status?: string;
  limit: number;
  offset: number;
}

/** The calls of the audit pages, each the API path it reads. */
export const auditApi = {
  dossiers: (query: DossierQuery) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined && value !== '') params.set(key, String(value));
    return api<DossierPage>(`/dossiers?${params}`);
  },
  dossier: (code: string) => api<Dossier>(`/dossiers/${enc(code)}`),
  replay: (code: string) => api<Replay>(`/dossiers/${enc(code)}/replay`),
  history: (code: string) => api<TimelineEntry[]>(`/dossiers/${enc(code)}/history`),
  verify: (code: string) => api<Verification>(`/dossiers/${enc(code)}/audit/verify`),
  procedures: () => api<ProcedureSummary[]>('/procedures'),
  versions: (code: string) => api<VersionSummary[]>(`/procedures/${enc(code)}/versions`),
  bpmn: (code: string, version: number) => api<string>(`/procedures/${enc(code)}/versions/${version}/bpmn`),
  heatmap: (code: string, version: number) =>
    api<HeatmapEntry[]>(`/procedures/${enc(code)}/versions/${version}/heatmap`),
};

/** Where the heatmap of a procedure version is shown. */
export function heatmapHref(procedure: string, version?: number): string {
  const params = new URLSearchParams({ tab: 'heatmap', procedure });
  if (version !== undefined) params.set('version', String(version));
  return `/kiem-tra?${params}`;
}

/** Where a dossier is replayed. */
export function replayHref(code: string): string {
  return `/kiem-tra/${enc(code)}`;
}
