import { t } from './messages';
import { formatCount, formatPercent } from './numbers';
import type { OnTimeRow } from './report-api';

/** The figures of one group (or of the total), in the table's column order. */
export function ReportCells({ row, attributed }: { row: OnTimeRow; attributed: boolean }) {
  const late = row.late > 0 ? 'num bad' : 'num';
  return (
    <>
      <td class="num">{formatCount(row.received)}</td>
      <td class="num" title={t('handledHint')}>
        {formatCount(row.handled)}
      </td>
      <td class="num">{formatCount(row.resolved)}</td>
      <td class="num">{formatCount(row.onTime)}</td>
      <td class="num muted" title={t('earlyHint')}>
        {formatCount(row.early)}
      </td>
      <td class={late}>{formatCount(row.late)}</td>
      <td class="num">{formatCount(row.inProgress)}</td>
      <td class="num">{formatCount(row.paused)}</td>
      <td class="num">{formatCount(row.withdrawn)}</td>
      <td class="num">{formatCount(row.refused)}</td>
      <td class="num rate" data-testid="rate">
        {formatPercent(row.onTimeRate)}
      </td>
      {attributed && <td class={row.lateAttributed ? 'num bad' : 'num'}>{formatCount(row.lateAttributed ?? 0)}</td>}
    </>
  );
}
