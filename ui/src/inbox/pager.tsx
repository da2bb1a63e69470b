import { t } from '../casework/messages';

/** Previous and next page of a list the server pages with limit and offset. */
export function Pager(props: { offset: number; pageSize: number; count: number; onChange: (offset: number) => void }) {
  const { offset, pageSize, count, onChange } = props;
  if (offset === 0 && count < pageSize) return null;
  return (
    <div class="toolbar pager">
      <button type="button" disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        {t('previousPage')}
      </button>
      <span class="muted">{t('pageN', { n: offset / pageSize + 1 })}</span>
      <button type="button" disabled={count < pageSize} onClick={() => onChange(offset + pageSize)}>
        {t('nextPage')}
      </button>
    </div>
  );
}
