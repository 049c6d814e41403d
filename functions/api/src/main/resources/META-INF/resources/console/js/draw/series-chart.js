// Time series as a uPlot line chart, with the same points as a table beside it.
import uPlot from '../../vendor/uplot/uPlot.esm.js';
import { el, figureWithTable, fmtNum, fmtTime, pagedTable } from '../ui.js';

const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#4b5563', '#be185d'];

/** series: [{label, points: [[unixSeconds, value], ...]}]; aligned on the union of timestamps for uPlot. */
export function alignSeries(series) {
  const xs = [...new Set(series.flatMap((s) => s.points.map((p) => p[0])))].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const ys = series.map((s) => {
    const column = new Array(xs.length).fill(null);
    for (const [x, y] of s.points) column[index.get(x)] = y;
    return column;
  });
  return [xs, ...ys];
}

export function lineChart({ title, series, unit = '', width = 760, height = 260 }) {
  const data = alignSeries(series);
  const holder = el('div.chart', { role: 'img', 'aria-label': `${title}: chart; the table beside it has the same data` });
  const points = series.reduce((n, s) => n + s.points.length, 0);
  holder.dataset.points = String(points);
  const plot = new uPlot({
    width, height,
    scales: { x: { time: true } },
    axes: [{}, { label: unit, size: 60 }],
    series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: COLORS[i % COLORS.length], width: 2, spanGaps: true,
      points: { show: true, size: 5 } }))],
  }, data, holder);
  holder.uplot = plot;
  const rows = data[0].map((x, i) => ({ x, values: series.map((_, j) => data[j + 1][i]) }));
  const table = pagedTable({
    caption: `${title} (${points} points)`,
    empty: 'No points in this window: pick a longer window, or check that the probe sending this series is running.',
    pageSize: 12,
    rows: rows.slice().reverse(),
    columns: [{ label: 'time (UTC)', value: (r) => fmtTime(r.x) },
      ...series.map((s, j) => ({ label: s.label, value: (r) => (r.values[j] === null ? '—' : fmtNum(r.values[j], 3)), className: 'num' }))],
  });
  return figureWithTable(title, holder, table);
}
