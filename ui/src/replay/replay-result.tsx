import { t } from './messages';
import type { EngineEventRef, Replay } from './types';

/** Whether re-executing the diagram reproduced the record; if not, the first event where they part (as Temporal does). */
export function ReplayResult({ replay, names }: { replay: Replay; names: Map<string, string> }) {
  const { divergence } = replay;
  const show = (ref: EngineEventRef | null) =>
    ref ? t('eventAt', { type: ref.type, element: names.get(ref.elementId) ?? ref.elementId }) : t('nothing');
  return (
    <span class="replay-result" data-testid="replay-result">
      {divergence ? (
        <span class="badge bad" title={divergence.message}>
          ✖ {t('replayDiverged', { n: divergence.seq })}
        </span>
      ) : (
        <span class={`badge ${replay.ok ? 'ok' : 'bad'}`}>{replay.ok ? `✔ ${t('replayOk')}` : '✖'}</span>
      )}
      {!replay.bpmnUnchanged && <span class="badge warn">{t('bpmnChanged')}</span>}
      {divergence && (
        <span class="divergence" data-testid="divergence" title={divergence.message}>
          {t('expected')}: {show(divergence.expected)} · {t('actual')}: {show(divergence.actual)}
        </span>
      )}
    </span>
  );
}
