import type { Grouping, OnTimeFilter } from '../../../src/reports/on-time';
import { todayInHanoi } from '../app/format';

/** The groupings of GET /api/reports/on-time (the server's GROUPINGS), in the order the page offers them. */
export const GROUPINGS = ['unit', 'level', 'procedure', 'month'] as const satisfies readonly Grouping[];

/** The report's filters, exactly the API's query (without the grouping each chart sets itself). */
export type ReportFilter = Required<Pick<OnTimeFilter, 'from' | 'to' | 'groupBy'>> & {
  level: string;
  unitCode: string;
  procedureCode: string;
  rollUp: boolean;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The default period: from the first of January of the current year to today, Hà Nội time. */
export function yearToDate(): { from: string; to: string } {
  const to = todayInHanoi();
  return { from: `${to.slice(0, 4)}-01-01`, to };
}

/** The filters written in a page address's query; what is missing takes its default. */
export function parseFilter(query: URLSearchParams): ReportFilter {
  const period = yearToDate();
  const day = (name: string, fallback: string) => {
    const value = query.get(name) ?? '';
    return DAY.test(value) ? value : fallback;
  };
  const groupBy = query.get('groupBy');
  return {
    from: day('from', period.from),
    to: day('to', period.to),
    level: query.get('level') ?? '',
    unitCode: query.get('unitCode') ?? '',
    procedureCode: query.get('procedureCode') ?? '',
    groupBy: GROUPINGS.find((g) => g === groupBy) ?? 'unit',
    rollUp: query.get('rollUp') === 'true',
  };
}

/** The API's query for the filters, with the grouping given (or the filter's own) and nothing empty. */
export function filterQuery(filter: ReportFilter, groupBy: Grouping = filter.groupBy): URLSearchParams {
  const query = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.level) query.set('level', filter.level);
  if (filter.unitCode) query.set('unitCode', filter.unitCode);
  if (filter.procedureCode) query.set('procedureCode', filter.procedureCode);
  query.set('groupBy', groupBy);
  if (filter.rollUp) query.set('rollUp', 'true');
  return query;
}
