// Network paths: pick a probe and a target; the latest runs as a hop graph, hop count and end-to-end RTT / loss over
// time as charts; "Trace now" posts a traceroute job and draws its result when the probe has answered.
import { get, post } from '../api.js';
import { hopGraph } from '../draw/hop-graph.js';
import { lineChart } from '../draw/series-chart.js';
import { clear, el, emptyState, errorBox, field, fmtNum, fmtTime, loading, pagedTable } from '../ui.js';

const MERGED_RESULTS = 5; // the latest results merged into the graph
const JOB_DEADLINE_MS = 180_000;

export async function render(root, [probeParam, targetParam]) {
  const { probes } = await get('/v1/probes');
  const active = probes.filter((p) => p.status === 'active');
  if (!probes.length) {
    clear(root, el('h1', {}, 'Network paths'), emptyState('No probes yet: enroll one on the Probes page; its traceroutes show up here.'));
    return;
  }
  const probe = el('select', { name: 'probe' }, probes.map((p) => el('option', { value: p.probe_id, selected: p.probe_id === probeParam },
    `${p.name ?? p.probe_id}${p.status === 'active' ? '' : ' (revoked)'}`)));
  const target = el('input', { name: 'target', list: 'targets', placeholder: 'e.g. 198.18.5.2 or example.net', value: targetParam ?? '' });
  const targets = el('datalist#targets');
  const protocol = el('select', { name: 'protocol' }, ['udp', 'icmp', 'tcp'].map((p) => el('option', { value: p }, p.toUpperCase())));
  const status = el('div.job-status', { role: 'status' });
  const out = el('div');
  const show = () => { location.hash = `#/paths/${encodeURIComponent(probe.value)}/${encodeURIComponent(target.value.trim())}`; };
  const form = el('form.card.row', { onsubmit: (e) => { e.preventDefault(); show(); } },
    field('Probe', probe), field('Target', target), targets, field('Protocol (trace now)', protocol),
    el('button', { type: 'submit' }, 'Show paths'),
    el('button#trace-now', { type: 'button', disabled: !active.length,
      onclick: () => traceNow(probe.value, target.value.trim(), protocol.value, status, out) }, 'Trace now'));
  clear(root, el('h1', {}, 'Network paths'), form, status, out);
  probe.addEventListener('change', () => loadTargets(probe.value, targets));
  await loadTargets(probe.value, targets);
  if (probeParam && targetParam) await showPaths(probeParam, targetParam, out);
  else clear(out, emptyState('Pick a probe and a target. Targets this probe traced in the last 24 h are suggested; "Trace now" asks the probe to trace any target.'));
}

async function loadTargets(probeId, datalist) {
  try {
    const { paths } = await get('/v1/paths', { probe: probeId, limit: 1000 });
    clear(datalist, [...new Set(paths.map((p) => p.target).filter(Boolean))].map((t) => el('option', { value: t })));
  } catch { /* suggestions only: the form still works */ }
}

async function showPaths(probeId, target, out) {
  clear(out, loading('Loading paths…'));
  try {
    const { paths } = await get('/v1/paths', { probe: probeId, target, limit: 500 });
    if (!paths.length) {
      clear(out, emptyState(`No traceroutes from this probe to ${target} in the last 24 h: press "Trace now", or add a network_path check for it on the probe.`));
      return;
    }
    clear(out, pathViews(paths));
  } catch (e) {
    clear(out, errorBox(e));
  }
}

/** paths: API records, newest first. */
function pathViews(paths) {
  const latest = paths.slice(0, MERGED_RESULTS);
  const oldestFirst = paths.slice().reverse();
  const at = (p) => Math.round(new Date(p.timestamp).getTime() / 1000);
  const hops = oldestFirst.map((p) => [at(p), p.result?.traceroute?.hop_count?.avg ?? lastTtl(p.result)]);
  const rtt = oldestFirst.filter((p) => p.result?.e2e_probe?.rtt).map((p) => [at(p), p.result.e2e_probe.rtt.avg]);
  const loss = oldestFirst.filter((p) => p.result?.e2e_probe).map((p) => [at(p), p.result.e2e_probe.packet_loss_percentage]);
  return [
    hopGraph(latest.map((p) => p.result), { title: `Latest path: ${latest.length} results merged (newest ${fmtTime(latest[0].timestamp)})` }),
    el('div.charts', {},
      lineChart({ title: 'Hop count over time', series: [{ label: 'hops', points: hops }], unit: 'hops' }),
      lineChart({ title: 'End-to-end RTT and loss over time', series: [{ label: 'RTT avg (ms)', points: rtt }, { label: 'loss (%)', points: loss }] })),
    el('h2', {}, 'Results'),
    pagedTable({
      rows: paths,
      empty: 'No traceroute results in this window: press "Trace now", or add a network_path check for this target on the probe.',
      columns: [
        { label: 'Time', value: (p) => fmtTime(p.timestamp) },
        { label: 'Protocol', value: (p) => p.protocol },
        { label: 'Destination', value: (p) => p.result?.traceroute?.runs?.[0]?.destination?.ip_address },
        { label: 'Hops', value: (p) => String(lastTtl(p.result) ?? '—'), className: 'num' },
        { label: 'E2E RTT (ms)', value: (p) => fmtNum(p.result?.e2e_probe?.rtt?.avg), className: 'num' },
        { label: 'Loss (%)', value: (p) => fmtNum(p.result?.e2e_probe?.packet_loss_percentage, 1), className: 'num' },
        { label: 'Job', value: (p) => p.job_id ?? '—' },
      ],
    }),
  ];
}

const lastTtl = (result) => Math.max(0, ...(result?.traceroute?.runs ?? []).flatMap((r) => (r.hops ?? []).map((h) => h.ttl)));

async function traceNow(probeId, target, protocol, status, out) {
  if (!target) { clear(status, el('p.error', { role: 'alert' }, 'Enter a target to trace.')); return; }
  try {
    const job = await post('/v1/jobs', { probe_id: probeId, kind: 'traceroute', params: { target, protocol } });
    clear(status, el('p', {}, `Job ${job.id} queued for the probe (it picks jobs up on its next poll)…`));
    const started = Date.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 1000));
      const current = await get(`/v1/jobs/${encodeURIComponent(job.id)}`);
      if (current.status === 'done') {
        clear(status, el('p.ok', { dataset: { jobId: job.id } }, `Job ${job.id} done at ${fmtTime(current.completed_at ?? Date.now())}.`));
        clear(out, hopGraph([current.result], { title: `Trace now: ${target} (job ${job.id})` }));
        return;
      }
      if (current.status === 'failed') {
        clear(status, el('p.error', { role: 'alert' }, `Job ${job.id} failed on the probe: ${current.error ?? 'no reason given'}`));
        return;
      }
      if (Date.now() - started > JOB_DEADLINE_MS) {
        clear(status, el('p.error', { role: 'alert' }, `Job ${job.id} is still ${current.status} after ${JOB_DEADLINE_MS / 1000} s: is the probe running and polling for jobs?`));
        return;
      }
      clear(status, el('p', {}, `Job ${job.id}: ${current.status}…`));
    }
  } catch (e) {
    clear(status, errorBox(e));
  }
}


