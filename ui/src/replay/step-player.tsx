import { t } from './messages';
import type { Player } from './use-player';

/** Play/pause, one step back or forward, and a slider over every recorded step. */
export function StepPlayer({ player, count }: { player: Player; count: number }) {
  const { index, playing, go, toggle } = player;
  return (
    <div class="step-player" data-testid="step-player">
      <button type="button" class="primary" onClick={toggle} disabled={count < 2} data-testid="play">
        {playing ? t('pause') : t('play')}
      </button>
      <button
        type="button"
        onClick={() => go(index - 1)}
        disabled={index === 0}
        title={t('stepBack')}
        aria-label={t('stepBack')}
      >
        ◀
      </button>
      <button
        type="button"
        onClick={() => go(index + 1)}
        disabled={index >= count - 1}
        title={t('stepForward')}
        aria-label={t('stepForward')}
      >
        ▶
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(0, count - 1)}
        step={1}
        value={index}
        onInput={(e) => go(Number(e.currentTarget.value))}
        aria-label={t('slider')}
        data-testid="step-slider"
      />
      <span class="step-count" data-testid="step-count">
        {t('stepOf', { i: index + 1, n: count })}
      </span>
    </div>
  );
}
