import { useMemo, useState } from 'preact/hooks';
import { api } from '../app/api';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { ProcedureFilters, type Filters } from './procedure-filters';
import { ProcedureTable } from './procedure-table';
import { matchesQuery } from './text-match';
import type { ProcedureSummary } from './types';
import './portal.css';

/** /thu-tuc: the procedure catalogue for everyone, searched by name or code, accents optional. */
export default function ProceduresPage(_props: PageProps) {
  const loaded = useLoad(() => api<ProcedureSummary[]>('/procedures'), []);
  const [filters, setFilters] = useState<Filters>(initialFilters);
  const all = loaded.data ?? [];
  const fields = useMemo(() => [...new Set(all.map((p) => p.field))].sort((a, b) => a.localeCompare(b, 'vi')), [all]);
  const shown = all.filter(
    (p) =>
      p.status === 'active' &&
      matchesQuery(filters.query, p.name, p.code) &&
      (!filters.field || p.field === filters.field) &&
      (!filters.level || p.levels.includes(filters.level)) &&
      (!filters.onlineOnly || p.onlineLevel !== null),
  );
  const change = (next: Filters) => {
    setFilters(next);
    const params = new URLSearchParams(next.query ? { q: next.query } : {});
    history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  };
  return (
    <section class="portal">
      <h1>{t('proceduresTitle')}</h1>
      <ProcedureFilters filters={filters} fields={fields} onChange={change} />
      <ErrorBox error={loaded.error} />
      {loaded.loading && !loaded.data ? (
        <Spinner label={t('loading')} />
      ) : (
        <>
          <p class="muted" role="status">
            {t('foundCount', { n: shown.length })}
          </p>
          <ProcedureTable procedures={shown} />
        </>
      )}
    </section>
  );
}

function initialFilters(): Filters {
  return { query: new URLSearchParams(location.search).get('q') ?? '', field: '', level: '', onlineOnly: false };
}
