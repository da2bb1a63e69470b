import { useEffect, useMemo, useState } from 'preact/hooks';
import { Link } from '../app/ui';
import { DiagramView, type Viewer } from '../diagram/diagram-view';
import { heatmapHref } from './audit-api';
import { BundleButton } from './bundle-button';
import { HistoryList } from './history-list';
import { t } from './messages';
import { ReplayMarker } from './replay-marker';
import { ReplayResult } from './replay-result';
import { StepPanel } from './step-panel';
import { StepPlayer } from './step-player';
import type { Dossier, Replay, TimelineEntry } from './types';
import { usePlayer } from './use-player';
import { VerifyBadge } from './verify-badge';
import { elementNames, serviceOf } from './viewer-services';

interface Props {
  dossier: Dossier;
  replay: Replay;
  history: TimelineEntry[];
  xml: string;
}

/** The diagram with the path taken and the token, the player, the step's details and the history beside it. */
export function ReplayView({ dossier, replay, history, xml }: Props) {
  const { steps } = replay;
  const player = usePlayer(steps.length);
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const names = useMemo(() => (viewer ? elementNames(viewer) : new Map<string, string>()), [viewer]);
  const bySeq = useMemo(() => new Map(history.map((e) => [e.seq, e])), [history]);
  const step = steps[player.index];
  useEffect(() => {
    if (viewer) serviceOf(viewer, ReplayMarker).show(steps, player.index, replay.divergence);
  }, [viewer, steps, player.index, replay.divergence]);
  /** Replays up to an event of the history: the last step at or before it. */
  const pick = (seq: number) =>
    player.go(
      Math.max(
        0,
        steps.findLastIndex((s) => s.seq <= seq),
      ),
    );

  return (
    <section class="audit replay">
      <header class="replay-head">
        <div>
          <Link href="/kiem-tra">{t('back')}</Link>
          <h1>
            {t('dossierTitle', { code: dossier.code })}{' '}
            <small class="muted">
              {dossier.procedureName} ({dossier.procedureCode}) · {t('version', { n: dossier.procedureVersion })} ·{' '}
              {dossier.applicant.fullName} · {dossier.statusLabel}
            </small>
          </h1>
        </div>
        <div class="replay-checks">
          <VerifyBadge code={dossier.code} />
          <ReplayResult replay={replay} names={names} />
        </div>
        <div class="replay-actions">
          <BundleButton code={dossier.code} />
          <Link href={heatmapHref(dossier.procedureCode, dossier.procedureVersion)}>{t('heatmapOfVersion')}</Link>
        </div>
      </header>
      <div class="replay-body">
        <div class="replay-main">
          <DiagramView xml={xml} class="canvas replay-canvas" testId="replay-diagram" onShown={setViewer} />
          {steps.length ? <StepPlayer player={player} count={steps.length} /> : <p class="muted">{t('noSteps')}</p>}
        </div>
        <aside class="replay-side">
          {step && <StepPanel step={step} entry={bySeq.get(step.seq)} names={names} />}
          <HistoryList
            entries={history}
            from={step?.seq ?? 0}
            to={(steps[player.index + 1]?.seq ?? Infinity) - 1}
            onPick={pick}
          />
        </aside>
      </div>
    </section>
  );
}
