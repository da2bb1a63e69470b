import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

// Only what the report draws, so the rest of Chart.js is left out of the bundle.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
  Legend,
);
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

export const COLOURS = { onTime: '#1e7b3a', late: '#c0262d', received: '#1f5fa8', rate: '#1f5fa8', grid: '#e6eaf0' };

export { Chart };
