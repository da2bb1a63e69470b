import type { ProcedureSummary, Unit } from '../app/api-types';
import { procedureChoices, unitChoices } from './choices';
import { DateField } from './date-field';
import { t } from './messages';
import { GROUPINGS, yearToDate, type ReportFilter } from './report-filter';
import { levelName } from './row-label';
import { SearchSelect } from './search-select';

const LEVELS = ['tinh', 'huyen', 'xa'];

/** The API's filters: the period, level, unit, procedure, grouping and roll-up; each change is applied at once. */
export function FilterBar(props: {
  filter: ReportFilter;
  units: Unit[];
  procedures: ProcedureSummary[];
  onChange: (filter: ReportFilter) => void;
}) {
  const { filter, onChange } = props;
  const set = (change: Partial<ReportFilter>) => onChange({ ...filter, ...change });
  return (
    <form class="panel filter-bar" data-testid="report-filters" onSubmit={(e) => e.preventDefault()}>
      <DateField id="report-from" label={t('from')} value={filter.from} onChange={(from) => set({ from })} />
      <DateField id="report-to" label={t('to')} value={filter.to} onChange={(to) => set({ to })} />
      <button type="button" class="this-year" onClick={() => set(yearToDate())}>
        {t('thisYear')}
      </button>
      <label>
        {t('level')}
        <select
          id="report-level"
          value={filter.level}
          onChange={(e) => set({ level: e.currentTarget.value, unitCode: '' })}
        >
          <option value="">{t('anyLevel')}</option>
          {LEVELS.map((code) => (
            <option key={code} value={code}>
              {levelName(code)}
            </option>
          ))}
        </select>
      </label>
      <SearchSelect
        id="report-unit"
        label={t('unit')}
        empty={t('anyUnit')}
        value={filter.unitCode}
        choices={unitChoices(props.units, filter.level)}
        onChange={(unitCode) => set({ unitCode })}
      />
      <SearchSelect
        id="report-procedure"
        label={t('procedure')}
        empty={t('anyProcedure')}
        value={filter.procedureCode}
        choices={procedureChoices(props.procedures, filter.level)}
        onChange={(procedureCode) => set({ procedureCode })}
      />
      <label>
        {t('groupBy')}
        <select
          id="report-group"
          value={filter.groupBy}
          onChange={(e) => set({ groupBy: GROUPINGS.find((g) => g === e.currentTarget.value) ?? 'unit' })}
        >
          {GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`group_${g}`)}
            </option>
          ))}
        </select>
      </label>
      <label class="roll-up" title={t('rollUpHint')}>
        <input type="checkbox" checked={filter.rollUp} onChange={(e) => set({ rollUp: e.currentTarget.checked })} />
        {t('rollUp')}
      </label>
    </form>
  );
}
