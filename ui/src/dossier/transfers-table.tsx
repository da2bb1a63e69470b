import { formatDateTime } from '../app/format';
import { ErrorBox, type Loaded } from '../app/ui';
import { t } from '../casework/messages';
import type { ControlSlip } from '../casework/types';

const TONE = { early: 'ok', 'on-time': 'ok', late: 'bad' } as const;

/** Every handover of the dossier (the control slip): from whom, to which unit and step, when, on time or not. */
export function TransfersTable({ slip }: { slip: Loaded<ControlSlip | null> }) {
  const handovers = slip.data?.handovers ?? [];
  return (
    <section class="transfers">
      <h2>{t('transfersTitle')}</h2>
      <ErrorBox error={slip.error} />
      {slip.data && handovers.length === 0 && <p class="muted">{t('noTransfers')}</p>}
      {handovers.length > 0 && (
        <table data-testid="transfers">
          <thead>
            <tr>
              <th>{t('at')}</th>
              <th>{t('from')}</th>
              <th>{t('to')}</th>
              <th>{t('result')}</th>
            </tr>
          </thead>
          <tbody>
            {handovers.map((h, i) => (
              <tr key={i}>
                <td class="nowrap">{formatDateTime(h.at)}</td>
                <td>
                  {h.from.unitName}
                  {h.from.officer && <div class="small muted">{h.from.officer}</div>}
                </td>
                <td>
                  {h.to.unitName}
                  {h.to.officer && <div class="small muted">{h.to.officer}</div>}
                  {h.to.step && <div class="small muted">{h.to.step}</div>}
                </td>
                <td>{h.result && <span class={`badge ${TONE[h.result]}`}>{t(`result_${h.result}`)}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(slip.data?.units.length ?? 0) > 1 && (
        <p class="small muted">
          {slip.data!.units.map((u) => (
            <span key={u.unitCode} class={`unit-share${u.late ? ' late' : ''}`}>
              {u.unitName}: {t('unitTime', { spent: round(u.spentHours), budget: round(u.budgetHours) })}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

const round = (hours: number) => Math.round(hours * 10) / 10;
