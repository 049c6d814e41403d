// Metrics: a metric name and a tag filter -> a line chart over a window; the known series listed to pick from
// (GET /v1/metrics/series: system.*, network_path.*, DogStatsD), narrowed to one probe's host.
import { get } from '../api.js';
import { lineChart } from '../draw/series-chart.js';
import { clear, el, emptyState, errorBox, field, loading, pagedTable } from '../ui.js';

const WINDOWS = [['15 min', 900], ['1 h', 3600], ['6 h', 21600], ['24 h', 86400], ['2 d', 172800]];

export async function render(root) {
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const { probes } = await get('/v1/probes');
  const hostOf = new Map(probes.map((p) => [p.probe_id, p.hostname]));
  const probe = el('select', { name: 'probe' }, el('option', { value: '' }, 'all probes'),
    probes.filter((p) => p.hostname).map((p) => el('option', { value: p.probe_id, selected: p.probe_id === params.get('probe') }, p.name ?? p.probe_id)));
  const name = el('input', { name: 'name', value: params.get('name') ?? '', placeholder: 'system.load.1', list: 'metric-names', required: true });
  const tags = el('input', { name: 'tags', value: params.get('tags') ?? '', placeholder: 'env:prod,region:eu' });
  const windowSelect = el('select', { name: 'window' }, WINDOWS.map(([label, s]) => el('option', { value: s, selected: String(s) === (params.get('window') ?? '3600') }, label)));
  const names = el('datalist#metric-names');
  const chart = el('div');
  const list = el('div');
  const go = () => {
    const q = new URLSearchParams({ name: name.value.trim(), tags: tags.value.trim(), window: windowSelect.value, probe: probe.value });
    location.hash = `#/metrics?${q}`;
  };
  const form = el('form.card.row', { onsubmit: (e) => { e.preventDefault(); go(); } },
    field('Probe (its host\'s series)', probe), field('Metric', name), names, field('Tags (all must match)', tags),
    field('Window', windowSelect), el('button', { type: 'submit' }, 'Chart'));
  clear(root, el('h1', {}, 'Metrics'), form, chart, el('h2', {}, 'Series'), list);

  const loadSeries = async () => {
    clear(list, loading('Loading series…'));
    try {
      const { series } = await get('/v1/metrics/series', { host: hostOf.get(probe.value) });
      clear(names, [...new Set(series.map((s) => s.metric))].map((m) => el('option', { value: m })));
      clear(list, pagedTable({
        caption: `${series.length} series in the recent window; pick one to chart it`,
        empty: 'No series yet: a running probe sends system.*, network_path.* and DogStatsD metrics every 15 s.',
        rows: series,
        onPick: (s) => { name.value = s.metric; tags.value = s.tags.join(','); go(); },
        columns: [{ label: 'Metric', value: (s) => s.metric }, { label: 'Host', value: (s) => s.host },
          { label: 'Tags', value: (s) => s.tags.map((t) => el('span.tag', {}, t)) }, { label: 'Type', value: (s) => s.type }],
      }));
    } catch (e) {
      clear(list, errorBox(e));
    }
  };
  probe.addEventListener('change', loadSeries);
  await loadSeries();

  if (!params.get('name')) {
    clear(chart, emptyState('Pick a series below, or type a metric name, to chart it.'));
    return;
  }
  clear(chart, loading('Loading points…'));
  try {
    const windowSeconds = Number(params.get('window') ?? 3600);
    const to = Math.floor(Date.now() / 1000);
    const answer = await get('/v1/metrics', { name: params.get('name'), tags: params.get('tags'), from: to - windowSeconds, to });
    const host = hostOf.get(params.get('probe'));
    const series = answer.series.filter((s) => !host || s.host === host);
    if (!series.some((s) => s.points.length)) {
      clear(chart, emptyState(`No points for ${params.get('name')}${params.get('tags') ? ` with tags ${params.get('tags')}` : ''} in this window: pick a longer window, or check the probe is running.`));
      return;
    }
    clear(chart, lineChart({
      title: `${params.get('name')}${params.get('tags') ? ` {${params.get('tags')}}` : ''}`,
      series: series.map((s) => ({ label: [s.host, ...s.tags].filter(Boolean).join(' ') || s.metric, points: s.points })),
    }));
  } catch (e) {
    clear(chart, errorBox(e));
  }
}
