import { levelLabel } from './levels';
import { t } from './messages';

export interface Filters {
  query: string;
  field: string;
  level: string;
  onlineOnly: boolean;
}

const LEVELS = ['tinh', 'huyen', 'xa'];

/** Search box (name or code), field, level and "online only". */
export function ProcedureFilters({
  filters,
  fields,
  onChange,
}: {
  filters: Filters;
  fields: string[];
  onChange: (next: Filters) => void;
}) {
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  return (
    <div class="portal-filters panel">
      <label class="grow">
        {t('searchLabel')}
        <input
          type="search"
          value={filters.query}
          placeholder={t('searchPlaceholder')}
          autofocus
          onInput={(e) => set({ query: (e.currentTarget as HTMLInputElement).value })}
        />
      </label>
      <label>
        {t('field')}
        <select value={filters.field} onChange={(e) => set({ field: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('allFields')}</option>
          {fields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('level')}
        <select value={filters.level} onChange={(e) => set({ level: (e.currentTarget as HTMLSelectElement).value })}>
          <option value="">{t('allLevels')}</option>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {levelLabel(l)}
            </option>
          ))}
        </select>
      </label>
      <label class="inline">
        <input
          type="checkbox"
          checked={filters.onlineOnly}
          onChange={(e) => set({ onlineOnly: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('onlineOnly')}
      </label>
    </div>
  );
}
