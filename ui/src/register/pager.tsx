import { t } from './messages';

/**
 * The rows shown of a paged list (“Dòng 101–200 / 250”) with the previous and next pages; nothing when all fit on one
 * page. `shown`: the rows of the current page.
 */
export function Pager(props: {
  offset: number;
  shown: number;
  total: number;
  pageSize: number;
  onPage: (offset: number) => void;
}) {
  const { offset, shown, total, pageSize } = props;
  if (total <= pageSize) return null;
  return (
    <div class="toolbar register-pager">
      <span class="muted grow">{t('rowsShown', { from: offset + 1, to: offset + shown, total })}</span>
      <button type="button" disabled={offset === 0} onClick={() => props.onPage(Math.max(0, offset - pageSize))}>
        {t('previous')}
      </button>
      <button type="button" disabled={offset + pageSize >= total} onClick={() => props.onPage(offset + pageSize)}>
        {t('next')}
      </button>
    </div>
  );
}
