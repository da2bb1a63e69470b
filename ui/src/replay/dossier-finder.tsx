import { useState } from 'preact/hooks';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { auditApi } from './audit-api';
import { CodeBox } from './code-box';
import { DossierSearchForm, type DossierFilters } from './dossier-search-form';
import { DossierTable } from './dossier-table';
import { t } from './messages';

const PAGE = 20;

/** Every dossier the auditor may see, searchable and paged, plus a box for a known code. */
export function DossierFinder() {
  const [filters, setFilters] = useState<DossierFilters>({ q: '', procedure: '', status: '' });
  const [offset, setOffset] = useState(0);
  const found = useLoad(() => auditApi.dossiers({ ...filters, limit: PAGE, offset }), [filters, offset]);
  const search = (next: DossierFilters) => {
    setFilters(next);
    setOffset(0);
  };
  const total = found.data?.total ?? 0;
  return (
    <div class="dossier-finder">
      <CodeBox />
      <DossierSearchForm filters={filters} onChange={search} />
      <ErrorBox error={found.error} />
      {!found.data ? (
        <Spinner label={t('loading')} />
      ) : (
        <>
          <div class="toolbar">
            <span class="grow muted" data-testid="dossier-count">
              {t('found', { n: total })}
            </span>
            {total > PAGE && (
              <>
                <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                  {t('previous')}
                </button>
                <span>{t('pageOf', { from: offset + 1, to: Math.min(total, offset + PAGE), total })}</span>
                <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
                  {t('next')}
                </button>
              </>
            )}
          </div>
          <DossierTable items={found.data.items} />
        </>
      )}
    </div>
  );
}
