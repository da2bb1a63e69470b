import { useMemo, useState } from 'preact/hooks';
import { api } from '../app/api';
import { navigate } from '../app/router';
import { IncidentList } from '../incidents/incident-list';
import { ErrorBox, Link, Spinner, useLoad } from '../app/ui';
import type { PageProps } from '../shell/routes';
import { t } from './messages';
import type { ModellingProcedure } from './types';
import { VersionBadges } from './version-badges';
import './modeler.css';

/** /so-do: the procedures the modeler may draw (the server limits them to the modeler's unit), searchable. */
export default function ProceduresPage(_props: PageProps) {
  const loaded = useLoad(() => api<ModellingProcedure[]>('/modelling/procedures'), []);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => (loaded.data ?? []).filter((p) => matches(p, query)), [loaded.data, query]);
  return (
    <section class="modeler-procedures">
      <h1>{t('proceduresTitle')}</h1>
      <p class="muted">{t('proceduresIntro')}</p>
      <IncidentList />
      <div class="toolbar">
        <input
          type="search"
          class="grow"
          placeholder={t('search')}
          aria-label={t('search')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
          data-testid="procedure-search"
        />
      </div>
      <ErrorBox error={loaded.error} />
      {loaded.loading && !loaded.data && <Spinner label={t('loading')} />}
      {loaded.data && shown.length === 0 && <p class="muted">{t('noProcedures')}</p>}
      {shown.length > 0 && (
        <table data-testid="procedure-table">
          <thead>
            <tr>
              <th>{t('code')}</th>
              <th>{t('name')}</th>
              <th>{t('field')}</th>
              <th>{t('levels')}</th>
              <th>{t('unit')}</th>
              <th>{t('timeLimit')}</th>
              <th>{t('versions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr
                key={p.code}
                class="clickable"
                data-code={p.code}
                onClick={() => navigate(`/so-do/${encodeURIComponent(p.code)}`)}
              >
                <td>
                  <Link href={`/so-do/${encodeURIComponent(p.code)}`}>{p.code}</Link>
                </td>
                <td>{p.name}</td>
                <td>{p.field}</td>
                <td>{p.levels.map((l) => t(`level_${l}` as 'level_xa')).join(', ')}</td>
                <td>{p.departmentCode ?? p.ownerCode ?? '—'}</td>
                <td>{p.sameDay ? t('sameDay') : p.timeLimitHours ? t('hours', { n: p.timeLimitHours }) : '—'}</td>
                <td>
                  <VersionBadges versions={p.versions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Vietnamese text compared without case and diacritics ("khai sinh" finds "Khai sinh", "khai sinh" finds "khái sinh"). */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

function matches(p: ModellingProcedure, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const text = fold(`${p.code} ${p.name} ${p.field}`);
  return words.every((w) => text.includes(w));
}
