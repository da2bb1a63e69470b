import type { ChartConfiguration } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { Chart } from './chart-setup';

/**
 * A Chart.js chart drawn from `config`, rebuilt when `version` changes and destroyed when the component goes.
 * The canvas carries `data-chart` (its name) and, once drawn, `data-drawn` with the number of points.
 */
export function ChartCanvas(props: {
  name: string;
  label: string;
  height: number;
  config: () => ChartConfiguration;
  version: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const chart = new Chart(canvas.current!, props.config());
    canvas.current!.dataset.drawn = String(chart.data.labels?.length ?? 0);
    return () => {
      chart.destroy();
      delete canvas.current?.dataset.drawn;
    };
  }, [props.version]);
  return (
    <div class="chart-box" style={{ height: `${props.height}px` }}>
      <canvas ref={canvas} data-chart={props.name} role="img" aria-label={props.label} />
    </div>
  );
}
