import { api } from '../app/api';
import { ErrorBox, useLoad } from '../app/ui';
import { formatPercent } from './numbers';
import type { ReportFilter } from './report-filter';
import { t } from './messages';

interface Row {
  unitCode: string;
  unitName: string;
  received: number;
  digitised: number;
  rate: number | null;
}

/** The digitisation rate per receiving desk over the same period and unit (GET /api/reports/digitisation). */
export function DigitisationTable({ filter }: { filter: ReportFilter }) {
  const query = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.unitCode) query.set('unitCode', filter.unitCode);
  const rows = useLoad(() => api<Row[]>(`/reports/digitisation?${query}`), [query.toString()]);
  return (
    <section class="panel" data-testid="digitisation-rate">
      <h2>{t('digitisationTitle')}</h2>
      <ErrorBox error={rows.error} />
      {rows.data && rows.data.length === 0 && <p class="muted">{t('noRows')}</p>}
      {!!rows.data?.length && (
        <table class="small">
          <thead>
            <tr>
              <th>{t('unit')}</th>
              <th>{t('receivedColumn')}</th>
              <th>{t('digitisedColumn')}</th>
              <th>{t('digitisationRate')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => (
              <tr key={r.unitCode}>
                <td>{r.unitName}</td>
                <td class="num">{r.received}</td>
                <td class="num">{r.digitised}</td>
                <td class="num">{formatPercent(r.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
