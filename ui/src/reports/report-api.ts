import type { Grouping, OnTimeRow } from '../../../src/reports/on-time';
import { api, apiFile, saveFile } from '../app/api';
import type { DossierSummary } from '../app/api-types';
import { useLoad } from '../app/ui';
import { filterQuery, type ReportFilter } from './report-filter';

export type { OnTimeRow };

/** The on-time report's rows for the filters, grouped as asked; reloaded when the filters change. */
export function useOnTime(filter: ReportFilter, groupBy: Grouping) {
  const query = filterQuery(filter, groupBy).toString();
  return useLoad(() => api<OnTimeRow[]>(`/reports/on-time?${query}`), [query]);
}

/** The report as the server's CSV (its bearer token sent by `apiFile`), saved under the server's own file name. */
export async function downloadCsv(filter: ReportFilter): Promise<void> {
  const query = filterQuery(filter);
  query.set('format', 'csv');
  const blob = await apiFile(`/reports/on-time?${query}`);
  saveFile(blob, `dung-han_${filter.from}_${filter.to}_${filter.groupBy}.csv`);
}

export interface AtRisk {
  total: number;
  items: DossierSummary[];
}

/** The unfinished dossiers late or at risk that the user may see, the earliest due first. */
export function fetchAtRisk(limit: number): Promise<AtRisk> {
  return api<AtRisk>(`/dossiers?atRisk=true&limit=${limit}`);
}
