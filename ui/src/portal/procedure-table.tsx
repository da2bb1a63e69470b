import { Link } from '../app/ui';
import { levelLabel } from './levels';
import { t } from './messages';
import { OnlineLevelBadge } from './online-level';
import type { ProcedureSummary } from './types';

/** The procedures found, each leading to its page. */
export function ProcedureTable({ procedures }: { procedures: ProcedureSummary[] }) {
  if (procedures.length === 0) return <p class="notice">{t('noProcedureFound')}</p>;
  return (
    <table class="procedure-table">
      <thead>
        <tr>
          <th>{t('code')}</th>
          <th>{t('procedureName')}</th>
          <th>{t('field')}</th>
          <th>{t('level')}</th>
          <th>{t('onlineLevel')}</th>
        </tr>
      </thead>
      <tbody>
        {procedures.map((p) => (
          <tr key={p.code}>
            <td class="nowrap">{p.code}</td>
            <td>
              <Link href={`/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>
            </td>
            <td>{p.field}</td>
            <td class="nowrap">{p.levels.map(levelLabel).join(', ')}</td>
            <td>
              <OnlineLevelBadge level={p.onlineLevel} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
