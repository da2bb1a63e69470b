import { useState } from 'preact/hooks';
import { useLoad } from '../app/ui';
import { auditApi } from './audit-api';
import { STATUS_CODES, statusLabel, t } from './messages';

export interface DossierFilters {
  q: string;
  procedure: string;
  status: string;
}

/** Text (code or applicant), procedure and status; the choice lists apply at once, the text on Enter or Tìm. */
export function DossierSearchForm({
  filters,
  onChange,
}: {
  filters: DossierFilters;
  onChange: (filters: DossierFilters) => void;
}) {
  const procedures = useLoad(auditApi.procedures, []);
  const [q, setQ] = useState(filters.q);
  const submit = (event: Event) => {
    event.preventDefault();
    onChange({ ...filters, q: q.trim() });
  };
  return (
    <form class="toolbar dossier-search" onSubmit={submit} role="search">
      <label class="grow">
        {t('searchLabel')}
        <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} data-testid="dossier-search" />
      </label>
      <label>
        {t('procedure')}
        <select
          value={filters.procedure}
          onChange={(e) => onChange({ ...filters, q, procedure: e.currentTarget.value })}
        >
          <option value="">{t('anyProcedure')}</option>
          {(procedures.data ?? []).map((p) => (
            <option key={p.code} value={p.code}>
              {p.code} — {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('status')}
        <select value={filters.status} onChange={(e) => onChange({ ...filters, q, status: e.currentTarget.value })}>
          <option value="">{t('anyStatus')}</option>
          {STATUS_CODES.map((code) => (
            <option key={code} value={String(code)}>
              {statusLabel(code)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" class="primary">
        {t('search')}
      </button>
    </form>
  );
}
