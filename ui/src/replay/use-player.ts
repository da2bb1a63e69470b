import { useEffect, useState } from 'preact/hooks';

const STEP_MS = 900;

export interface Player {
  index: number;
  playing: boolean;
  go: (index: number) => void;
  toggle: () => void;
}

/** The step shown among `count`, and play/pause that moves one step every 0.9 s and stops at the last. */
export function usePlayer(count: number): Player {
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    if (index >= count - 1) {
      setPlaying(false);
      return;
    }
    const timer = setTimeout(() => setIndex(index + 1), STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, index, count]);
  const go = (next: number) => {
    setPlaying(false);
    setIndex(Math.max(0, Math.min(count - 1, next)));
  };
  const toggle = () => {
    if (!playing && index >= count - 1) setIndex(0);
    setPlaying(!playing && count > 1);
  };
  return { index, playing, go, toggle };
}
