import { useLayoutEffect, useState } from 'preact/hooks';
import type { ProcedureSummary, Unit } from '../app/api-types';
import { procedureChoices, unitChoices } from '../reports/choices';
import { DateField } from '../reports/date-field';
import { SearchBox } from './search-box';
import { SearchSelect } from '../reports/search-select';
import { t } from './messages';
import { monthToDate, type RegisterFilter } from './register-filter';

/**
 * The register's filters: the unit (for the oversight roles, who read any unit's), the period typed as dd/mm/yyyy,
 * the procedure, and a search by code, name or ID number applied on Enter. Any change goes back to the first page.
 */
export function RegisterFilters(props: {
  filter: RegisterFilter;
  /** The units to pick from; null when the register is the user's own unit's. */
  units: Unit[] | null;
  procedures: ProcedureSummary[];
  onChange: (filter: RegisterFilter) => void;
}) {
  const { filter, onChange } = props;
  const set = (change: Partial<RegisterFilter>) => onChange({ ...filter, ...change, offset: 0 });
  const [text, setText] = useState(filter.q);
  // Before the next paint, so that Back or a new address shows its own search.
  useLayoutEffect(() => setText(filter.q), [filter.q]);
  const month = monthToDate();
  return (
    <form
      class="panel filter-bar register-filters"
      data-testid="register-filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== filter.q) set({ q: text.trim() });
      }}
    >
      {props.units && (
        <SearchSelect
          id="register-unit"
          label={t('unit')}
          empty={t('chooseUnit')}
          value={filter.unitCode}
          choices={unitChoices(props.units, '')}
          onChange={(unitCode) => set({ unitCode })}
        />
      )}
      <DateField id="register-from" label={t('from')} value={filter.from} onChange={(from) => set({ from })} />
      <DateField id="register-to" label={t('to')} value={filter.to} onChange={(to) => set({ to })} />
      <button
        type="button"
        class="this-month"
        disabled={filter.from === month.from && filter.to === month.to}
        onClick={() => set(month)}
      >
        {t('thisMonth')}
      </button>
      <SearchSelect
        id="register-procedure"
        label={t('procedure')}
        empty={t('anyProcedure')}
        value={filter.procedureCode}
        choices={procedureChoices(props.procedures, '')}
        onChange={(procedureCode) => set({ procedureCode })}
      />
      <SearchBox
        id="register-q"
        class="register-search"
        labels={{ search: t('search'), hint: t('searchHint'), button: t('searchButton'), clear: t('clearSearch') }}
        text={text}
        onText={setText}
        active={!!filter.q}
        onClear={() => set({ q: '' })}
        submitTestId="register-search"
      />
    </form>
  );
}
