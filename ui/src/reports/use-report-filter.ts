import { useEffect, useMemo, useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { filterQuery, parseFilter, type ReportFilter } from './report-filter';

/** The filters kept in the page's address (so a report can be bookmarked and shared); changing them navigates. */
export function useReportFilter(): [ReportFilter, (next: ReportFilter) => void] {
  const [search, setSearch] = useState(location.search);
  useEffect(() => {
    const update = () => setSearch(location.search);
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  const filter = useMemo(() => parseFilter(new URLSearchParams(search)), [search]);
  const change = (next: ReportFilter) => navigate(`${location.pathname}?${filterQuery(next)}`);
  return [filter, change];
}
