import { useEffect, useState } from 'preact/hooks';
import { ErrorBox, Spinner } from '../app/ui';
import { CsvButton } from './csv-button';
import { t } from './messages';
import { useOnTime } from './report-api';
import type { ReportFilter } from './report-filter';
import { ReportCells } from './report-row';
import { rowLabel } from './row-label';
import { totalsOf } from './totals';

const PAGE = 25;
const COLUMNS = [
  'received',
  'handled',
  'resolved',
  'onTime',
  'early',
  'late',
  'inProgress',
  'paused',
  'withdrawn',
  'refused',
  'onTimeRate',
] as const;

/** The rows of the chosen grouping with their total, paged, and the CSV of the same filters. */
export function ReportTable({
  filter,
  procedureNames,
}: {
  filter: ReportFilter;
  procedureNames: ReadonlyMap<string, string>;
}) {
  const { data: rows, error, loading } = useOnTime(filter, filter.groupBy);
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [rows]);
  const attributed = filter.groupBy === 'unit';
  const showKey = filter.groupBy === 'unit' || filter.groupBy === 'procedure';
  const shown = rows?.slice(offset, offset + PAGE) ?? [];
  return (
    <section class="panel report-table" data-testid="report-table" data-group={filter.groupBy}>
      <header class="toolbar">
        <h2 class="grow">{t('tableTitle', { group: t(`group_${filter.groupBy}`).toLowerCase() })}</h2>
        {loading && <Spinner label={t('loading')} />}
        <CsvButton filter={filter} />
      </header>
      <ErrorBox error={error} />
      {rows && rows.length === 0 && <p class="muted">{t('noRows')}</p>}
      {rows && rows.length > 0 && (
        <table>
          <thead>
            <tr>
              {showKey && <th>{t('key')}</th>}
              <th>{t(`group_${filter.groupBy}`)}</th>
              {COLUMNS.map((c) => (
                <th key={c} class="num">
                  {t(c)}
                </th>
              ))}
              {attributed && (
                <th class="num" title={t('lateAttributedHint')}>
                  {t('lateAttributed')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={row.key} data-key={row.key}>
                {showKey && <td class="nowrap">{row.key}</td>}
                <td>{rowLabel(row, filter.groupBy, procedureNames)}</td>
                <ReportCells row={row} attributed={attributed} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-key="total">
              <th colSpan={showKey ? 2 : 1}>{t('total')}</th>
              <ReportCells row={totalsOf(rows)} attributed={attributed} />
            </tr>
          </tfoot>
        </table>
      )}
      {rows && rows.length > PAGE && (
        <div class="toolbar table-pager">
          <span class="muted grow">
            {t('rowsShown', { from: offset + 1, to: offset + shown.length, total: rows.length })}
          </span>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
            {t('previous')}
          </button>
          <button type="button" disabled={offset + PAGE >= rows.length} onClick={() => setOffset(offset + PAGE)}>
            {t('next')}
          </button>
        </div>
      )}
    </section>
  );
}
