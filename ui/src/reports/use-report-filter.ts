import { useMemo } from 'preact/hooks';
import { navigate, useAddressQuery } from '../app/router';
import { filterQuery, parseFilter, type ReportFilter } from './report-filter';

/** The filters kept in the page's address (so a report can be bookmarked and shared); changing them navigates. */
export function useReportFilter(): [ReportFilter, (next: ReportFilter) => void] {
  const query = useAddressQuery();
  const filter = useMemo(() => parseFilter(query), [query]);
  const change = (next: ReportFilter) => navigate(`${location.pathname}?${filterQuery(next)}`);
  return [filter, change];
}
