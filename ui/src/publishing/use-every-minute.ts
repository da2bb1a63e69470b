import { useEffect } from 'preact/hooks';

/** Calls `tick` once a minute while the component is shown (countdowns refreshed from the server's working time). */
export function useEveryMinute(tick: () => void): void {
  useEffect(() => {
    const timer = setInterval(tick, 60_000);
    return () => clearInterval(timer);
  }, [tick]);
}
