import { useLayoutEffect, useState } from 'preact/hooks';
import type { ProcedureSummary } from '../app/api-types';
import { statusText } from '../casework/status-badge';
import { procedureChoices } from '../reports/choices';
import { SearchSelect } from '../reports/search-select';
import { t } from './messages';
import { DateField } from '../reports/date-field';
import { SearchBox } from '../register/search-box';
import { hasConditions, STATUS_CODES, type DossierFilter } from './search-filter';

/**
 * The search's conditions: the text (code, applicant's name or ID number, applied on Enter or by the button), the
 * procedure, the status, the period of receipt (empty: any time) and the dossiers at risk. Any change goes back to the
 * first page.
 */
export function SearchFilters(props: {
  filter: DossierFilter;
  procedures: ProcedureSummary[];
  onChange: (change: Partial<DossierFilter>) => void;
}) {
  const { filter, onChange } = props;
  const [text, setText] = useState(filter.q);
  // Before the next paint, so that Back or a new address shows its own search.
  useLayoutEffect(() => setText(filter.q), [filter.q]);
  return (
    <form
      class="panel filter-bar search-filters"
      data-testid="search-filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim() !== filter.q) onChange({ q: text.trim() });
      }}
    >
      <SearchBox
        id="search-q"
        class="search-text"
        labels={{ search: t('search'), hint: t('searchHint'), button: t('searchButton'), clear: t('clearSearch') }}
        text={text}
        onText={setText}
        active={!!filter.q}
        onClear={() => onChange({ q: '' })}
        submitClass="primary"
        submitTestId="search-submit"
      />
      <SearchSelect
        id="search-procedure"
        label={t('procedure')}
        empty={t('anyProcedure')}
        value={filter.procedure}
        choices={procedureChoices(props.procedures, '')}
        onChange={(procedure) => onChange({ procedure })}
      />
      <label for="search-status">
        {t('status')}
        <select
          id="search-status"
          value={filter.status === null ? '' : String(filter.status)}
          onChange={(e) => onChange({ status: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        >
          <option value="">{t('anyStatus')}</option>
          {STATUS_CODES.map((code) => (
            <option key={code} value={String(code)}>
              {statusText(code)}
            </option>
          ))}
        </select>
      </label>
      <DateField
        optional
        id="search-from"
        label={t('from')}
        value={filter.from}
        onChange={(from) => onChange({ from })}
      />
      <DateField optional id="search-to" label={t('to')} value={filter.to} onChange={(to) => onChange({ to })} />
      <label for="search-at-risk" class="search-at-risk">
        <input
          id="search-at-risk"
          type="checkbox"
          checked={filter.atRisk}
          onChange={(e) => onChange({ atRisk: e.currentTarget.checked })}
        />
        {t('atRisk')}
      </label>
      {hasConditions(filter) && (
        <button
          type="button"
          data-testid="search-clear-all"
          onClick={() => onChange({ q: '', procedure: '', status: null, from: '', to: '', atRisk: false })}
        >
          {t('clearAll')}
        </button>
      )}
    </form>
  );
}
