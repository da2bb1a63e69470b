import { useMemo } from 'preact/hooks';
import { todayInHanoi } from '../app/format';
import { navigate, useAddressQuery } from '../app/router';

/** The register's rows per page (the API's default limit). */
export const PAGE = 100;

/** The register's filters, kept in the page's address so that a register can be bookmarked and shared. */
export interface RegisterFilter {
  /** The unit whose register is read; '' while an oversight role has chosen none. */
  unitCode: string;
  from: string;
  to: string;
  q: string;
  procedureCode: string;
  offset: number;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The default period: the current month, from its first day to today, Hà Nội time. */
export function monthToDate(): { from: string; to: string } {
  const to = todayInHanoi();
  return { from: `${to.slice(0, 8)}01`, to };
}

/** The filters written in the address's query; what is missing takes its default. */
export function parseFilter(query: URLSearchParams): RegisterFilter {
  const period = monthToDate();
  const day = (name: string, fallback: string) => {
    const value = query.get(name) ?? '';
    return DAY.test(value) ? value : fallback;
  };
  const offset = Number(query.get('offset'));
  return {
    unitCode: query.get('unit') ?? '',
    from: day('from', period.from),
    to: day('to', period.to),
    q: query.get('q') ?? '',
    procedureCode: query.get('procedureCode') ?? '',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The API's query of the filters (period, search, procedure), for the rows and for the files alike. */
export function apiQuery(filter: RegisterFilter): URLSearchParams {
  const query = new URLSearchParams({ from: filter.from, to: filter.to });
  const q = filter.q.trim();
  if (q) query.set('q', q);
  if (filter.procedureCode) query.set('procedureCode', filter.procedureCode);
  return query;
}

function addressQuery(filter: RegisterFilter, withUnit: boolean): URLSearchParams {
  const query = apiQuery(filter);
  if (withUnit && filter.unitCode) query.set('unit', filter.unitCode);
  if (filter.offset) query.set('offset', String(filter.offset));
  return query;
}

/**
 * The filters of the address, re-read on every navigation; changing them navigates. `ownUnit`: the staff's own unit,
 * which no address changes; null for the oversight roles, who pick the unit (kept in the address).
 */
export function useRegisterFilter(ownUnit: string | null): [RegisterFilter, (next: RegisterFilter) => void] {
  const query = useAddressQuery();
  const filter = useMemo(() => {
    const parsed = parseFilter(query);
    return ownUnit === null ? parsed : { ...parsed, unitCode: ownUnit };
  }, [query, ownUnit]);
  const change = (next: RegisterFilter) => navigate(`${location.pathname}?${addressQuery(next, ownUnit === null)}`);
  return [filter, change];
}
