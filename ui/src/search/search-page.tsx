import { api } from '../app/api';
import type { DossierSummary, ProcedureSummary } from '../app/api-types';
import { hasRole } from '../app/session';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import { Pager } from '../register/pager';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { PAGE, searchPath, useDossierFilter, type DossierFilter } from './search-filter';
import { SearchFilters } from './search-filters';
import { SearchTable } from './search-table';
import '../reports/reports.css';
import '../register/register.css';
import './search.css';

interface Found {
  total: number;
  items: DossierSummary[];
}

/**
 * Finding a dossier (/tim-ho-so) by its code, the applicant's name or ID number, its procedure, status, period of
 * receipt, or being at risk. What may be found is the server's rule: officers and leaders find the dossiers received
 * at, handed to or with a task at their unit; auditors, VPUBND and admins find every dossier. The filters are in the
 * address; the results come 50 to a page, newest first.
 */
export default function SearchPage({ user }: PageProps) {
  const oversight = hasRole(user, 'auditor', 'publisher', 'admin');
  const [filter, setFilter] = useDossierFilter();
  const procedures = useLoad(() => api<ProcedureSummary[]>('/procedures'), []);
  return (
    <section class="register-page search-page">
      <header class="toolbar">
        <h1 class="grow">{t('title')}</h1>
      </header>
      <p class="muted small" data-testid="search-scope">
        {oversight ? t('scopeAll') : t('scopeUnit')}
      </p>
      <ErrorBox error={procedures.error} />
      {!oversight && !user?.unitCode ? (
        <p class="notice">{t('noOwnUnit')}</p>
      ) : (
        <>
          <SearchFilters filter={filter} procedures={procedures.data ?? []} onChange={setFilter} />
          {filter.from && filter.to && filter.from > filter.to ? (
            <ErrorBox error={t('badPeriod')} />
          ) : (
            <SearchResults filter={filter} onPage={(offset) => setFilter({ offset })} />
          )}
        </>
      )}
    </section>
  );
}

/** A page of the dossiers found, with their number; only those of the filters shown (never a previous search's). */
function SearchResults({ filter, onPage }: { filter: DossierFilter; onPage: (offset: number) => void }) {
  const path = searchPath(filter);
  const found = useLoad(() => api<Found>(path).then((data) => ({ path, data })), [path]);
  const current = found.data?.path === path && !found.error ? found.data.data : undefined;
  const shown = current?.items ?? [];
  const pager = current && (
    <Pager offset={filter.offset} shown={shown.length} total={current.total} pageSize={PAGE} onPage={onPage} />
  );
  return (
    <section class="panel search-results" aria-busy={found.loading}>
      <header class="toolbar">
        {filter.atRisk ? <span class="muted small grow">{t('atRiskOrder')}</span> : <span class="grow" />}
        {found.loading && <Spinner label={t('loading')} />}
        {current && (
          <strong data-testid="search-total" data-total={current.total}>
            {t('total', { n: current.total })}
          </strong>
        )}
      </header>
      <ErrorBox error={found.error} />
      {current &&
        (shown.length === 0 ? (
          <p class="muted" data-testid="search-empty">
            {t('noRows')}
          </p>
        ) : (
          <>
            {pager}
            <SearchTable items={shown} />
            {pager}
          </>
        ))}
    </section>
  );
}
