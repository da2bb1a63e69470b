import { api } from '../app/api';
import type { ProcedureSummary, Unit } from '../app/api-types';
import { formatDate } from '../app/format';
import { ErrorBox, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { AtRiskList } from './at-risk-list';
import { DigitisationTable } from './digitisation-table';
import { FilterBar } from './filter-bar';
import { LevelChart } from './level-chart';
import { t } from './messages';
import { MonthChart } from './month-chart';
import { ReportTable } from './report-table';
import { UnitChart } from './unit-chart';
import { useReportFilter } from './use-report-filter';
import './reports.css';

/** The on-time report (/bao-cao): the API's filters in the address, three charts, the table with its CSV, the dossiers at risk. */
export default function ReportPage({ user }: PageProps) {
  const [filter, setFilter] = useReportFilter();
  const lists = useLoad(() => Promise.all([api<Unit[]>('/units'), api<ProcedureSummary[]>('/procedures')]), []);
  const [allUnits, procedures] = lists.data ?? [[], []];
  // The server answers a leader with their own unit only: the picker offers no other.
  const ownUnitOnly = !user?.seesAllReports;
  const units = ownUnitOnly ? allUnits.filter((u) => u.code === user?.unitCode) : allUnits;
  const procedureNames = new Map(procedures.map((p) => [p.code, p.name]));
  return (
    <section class="report-page">
      <header class="toolbar">
        <h1 class="grow">{t('title')}</h1>
        <span class="muted" data-testid="period">
          {t('period', { from: formatDate(filter.from), to: formatDate(filter.to) })}
        </span>
      </header>
      {lists.loading && <Spinner label={t('loading')} />}
      <ErrorBox error={lists.error} />
      {ownUnitOnly && (
        <p class="muted small" data-testid="own-unit-note">
          {t('ownUnitOnly')}
        </p>
      )}
      <FilterBar filter={filter} units={units} procedures={procedures} onChange={setFilter} />
      {filter.from > filter.to ? (
        <ErrorBox error={t('badPeriod')} />
      ) : (
        <>
          <div class="chart-grid">
            <LevelChart filter={filter} />
            <MonthChart filter={filter} />
            <UnitChart filter={filter} />
          </div>
          <ReportTable filter={filter} procedureNames={procedureNames} />
          <DigitisationTable filter={filter} />
        </>
      )}
      <AtRiskList />
    </section>
  );
}
