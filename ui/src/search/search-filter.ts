import { useMemo } from 'preact/hooks';
import { formatDate } from '../app/format';
import { navigate } from '../app/router';
import { useAddressQuery } from '../app/router';
import { parseDay } from '../reports/date-field';

/** Dossiers per page of results (the API's default limit). */
export const PAGE = 50;

/** The national status codes (1 Mới đăng ký … 10 Đã trả kết quả). */
export const STATUS_CODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/**
 * The search's filters, kept in the page's address under the API's own names (q, procedure, status, from, to, atRisk,
 * offset), so that a search can be bookmarked, shared and taken back with Back. Empty: no condition.
 */
export interface DossierFilter {
  q: string;
  procedure: string;
  /** A national status code, or null for all. */
  status: number | null;
  /** Received on or after this local day (YYYY-MM-DD), or '' for any time; likewise `to`. */
  from: string;
  to: string;
  atRisk: boolean;
  offset: number;
}

/** A real day written `YYYY-MM-DD`, else ''. */
function day(value: string | null): string {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDay(formatDate(value)) === value ? value : '';
}

/** The filters written in an address's query; what is missing or malformed is no condition. */
export function parseDossierFilter(query: URLSearchParams): DossierFilter {
  const status = Number(query.get('status'));
  const offset = Number(query.get('offset'));
  return {
    q: (query.get('q') ?? '').trim(),
    procedure: query.get('procedure') ?? '',
    status: Number.isInteger(status) && status >= 1 && status <= 10 ? status : null,
    from: day(query.get('from')),
    to: day(query.get('to')),
    atRisk: query.get('atRisk') === 'true',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The conditions set, as the address and the API write them (without the page). */
export function filterQuery(filter: DossierFilter): URLSearchParams {
  const query = new URLSearchParams();
  if (filter.q) query.set('q', filter.q);
  if (filter.procedure) query.set('procedure', filter.procedure);
  if (filter.status) query.set('status', String(filter.status));
  if (filter.from) query.set('from', filter.from);
  if (filter.to) query.set('to', filter.to);
  if (filter.atRisk) query.set('atRisk', 'true');
  return query;
}

/** Whether any condition is set (the page aside). */
export function hasConditions(filter: DossierFilter): boolean {
  return filterQuery(filter).toString() !== '';
}

/** The API's path of a page of results. */
export function searchPath(filter: DossierFilter): string {
  const query = filterQuery(filter);
  query.set('limit', String(PAGE));
  query.set('offset', String(filter.offset));
  return `/dossiers?${query}`;
}

/** The page's address of the filters. */
function addressOf(filter: DossierFilter): string {
  const query = filterQuery(filter);
  if (filter.offset) query.set('offset', String(filter.offset));
  const search = query.toString();
  return search ? `${location.pathname}?${search}` : location.pathname;
}

/**
 * The filters of the address, re-read on every navigation, and a change of them: it applies to the address as it is
 * when called (so two changes in a row, a date then the search text, both stay) and goes back to the first page
 * unless it sets the page itself.
 */
export function useDossierFilter(): [DossierFilter, (change: Partial<DossierFilter>) => void] {
  const query = useAddressQuery();
  const filter = useMemo(() => parseDossierFilter(query), [query]);
  const change = (next: Partial<DossierFilter>) =>
    navigate(addressOf({ ...parseDossierFilter(new URLSearchParams(location.search)), offset: 0, ...next }));
  return [filter, change];
}
