import { api } from '../app/api';
import type { ProcedureSummary, RegisterEntry, Unit } from '../app/api-types';
import { formatDate } from '../app/format';
import { hasRole } from '../app/session';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import { apiQuery, PAGE, useRegisterFilter, type RegisterFilter } from './register-filter';
import { Pager } from './pager';
import { RegisterFiles } from './register-files';
import { RegisterFilters } from './register-filters';
import { RegisterTable } from './register-table';
import '../reports/reports.css';
import './register.css';

interface RegisterPage {
  total: number;
  items: RegisterEntry[];
}

/**
 * The register of a unit's dossiers (/so-theo-doi; sổ theo dõi hồ sơ, Mẫu 07 of Thông tư 03/2025/TT-VPCP): officers
 * and leaders read their own unit's, the oversight roles (auditor, VPUBND, admin) pick any unit. The period, search and
 * procedure are in the address; the table is paged by 100; the .xlsx and the PDF hold the same filters.
 */
export default function RegisterPage({ user }: PageProps) {
  const oversight = hasRole(user, 'auditor', 'publisher', 'admin');
  const ownUnit = oversight ? null : (user?.unitCode ?? null);
  const [filter, setFilter] = useRegisterFilter(oversight ? null : (ownUnit ?? ''));
  const lists = useLoad(
    () =>
      Promise.all([
        oversight ? api<Unit[]>('/units') : ownUnit ? api<Unit>(`/units/${encodeURIComponent(ownUnit)}`) : null,
        api<ProcedureSummary[]>('/procedures'),
      ]),
    [oversight, ownUnit],
  );
  const [units, procedures] = lists.data ?? [null, []];
  const unitName = Array.isArray(units)
    ? units.find((u) => u.code === filter.unitCode)?.name
    : (units?.name ?? ownUnit ?? undefined);
  const periodValid = filter.from <= filter.to;
  return (
    <section class="register-page">
      <header class="toolbar">
        <h1 class="grow">{t('title')}</h1>
        <span class="muted" data-testid="register-period">
          {t('period', { from: formatDate(filter.from), to: formatDate(filter.to) })}
        </span>
      </header>
      <p class="muted small">{t('basis')}</p>
      {lists.loading && <Spinner label={t('loading')} />}
      <ErrorBox error={lists.error} />
      {!oversight && !ownUnit ? (
        <p class="notice">{t('noOwnUnit')}</p>
      ) : (
        <>
          {/* Once the unit is loaded, so that its code never flashes in place of its name. */}
          {!oversight && lists.data && (
            <p class="register-unit" data-testid="register-unit">
              {t('ownUnit', { name: unitName ?? '' })}
            </p>
          )}
          <RegisterFilters
            filter={filter}
            units={oversight ? (Array.isArray(units) ? units : []) : null}
            procedures={procedures}
            onChange={setFilter}
          />
          {!filter.unitCode ? (
            <p class="notice" data-testid="register-pick-unit">
              {t('pickUnit')}
            </p>
          ) : !periodValid ? (
            <ErrorBox error={t('badPeriod')} />
          ) : (
            <RegisterRows filter={filter} unitName={unitName} onChange={setFilter} />
          )}
        </>
      )}
    </section>
  );
}

/** The rows of the register for the filters, a page at a time, with the total and the files. */
function RegisterRows(props: {
  filter: RegisterFilter;
  unitName: string | undefined;
  onChange: (filter: RegisterFilter) => void;
}) {
  const { filter } = props;
  const query = apiQuery(filter);
  query.set('limit', String(PAGE));
  query.set('offset', String(filter.offset));
  const path = `/units/${encodeURIComponent(filter.unitCode)}/register?${query}`;
  const rows = useLoad(() => api<RegisterPage>(path), [path]);
  const total = rows.data?.total ?? 0;
  const shown = rows.data?.items ?? [];
  const pager = (
    <Pager
      offset={filter.offset}
      shown={shown.length}
      total={total}
      pageSize={PAGE}
      onPage={(offset) => props.onChange({ ...filter, offset })}
    />
  );
  return (
    <section class="panel register-rows" aria-busy={rows.loading}>
      <header class="toolbar">
        <h2 class="grow">{props.unitName ?? filter.unitCode}</h2>
        {rows.loading && <Spinner label={t('loading')} />}
        {rows.data && (
          <strong data-testid="register-total" data-total={total}>
            {t('total', { n: total })}
          </strong>
        )}
      </header>
      <RegisterFiles filter={filter} disabled={!!rows.error} />
      <ErrorBox error={rows.error} />
      {rows.data && !rows.error && (
        <>
          {shown.length === 0 ? (
            <p class="muted" data-testid="register-empty">
              {t('noRows')}
            </p>
          ) : (
            <>
              {pager}
              <RegisterTable items={shown} offset={filter.offset} unitCode={filter.unitCode} />
              {pager}
            </>
          )}
        </>
      )}
    </section>
  );
}
