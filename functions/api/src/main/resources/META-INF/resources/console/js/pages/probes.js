// Probes: status, last seen, tags, check health (from GET /v1/checks), enroll (secret shown once), revoke.
import { del, get, post } from '../api.js';
import { clear, el, errorBox, field, fmtAgo, fmtTime, pagedTable, toMillis } from '../ui.js';

/** Per probe: the newest check run (last seen) and the latest run of each check instance. */
export function checkHealth(runs) {
  const byProbe = new Map();
  for (const run of runs) { // newest first
    const h = byProbe.get(run.probe_id) ?? { lastSeen: null, latest: new Map() };
    if (!h.lastSeen) h.lastSeen = run.timestamp;
    if (!h.latest.has(run.instance_id)) h.latest.set(run.instance_id, run);
    byProbe.set(run.probe_id, h);
  }
  return byProbe;
}

function healthCell(health) {
  if (!health) return el('span.muted', {}, 'no check runs in the last hour');
  const latest = [...health.latest.values()];
  const failing = latest.filter((r) => r.status !== 'ok');
  const title = latest.map((r) => `${r.check}: ${r.status}${r.message ? ` (${r.message})` : ''}`).join('\n');
  return failing.length
    ? el('span.status.bad', { title }, `${failing.length} of ${latest.length} checks failing: ${failing.map((r) => `${r.check} — ${r.message ?? r.status}`).join('; ')}`)
    : el('span.status.ok', { title }, `${latest.length} checks ok`);
}

export async function render(root) {
  const [{ probes }, { runs }] = await Promise.all([get('/v1/probes'), get('/v1/checks')]);
  const health = checkHealth(runs);
  const notice = el('div.notice-area');
  const table = pagedTable({
    caption: `${probes.length} probes`,
    empty: 'No probes yet: enroll one below (or run ./edgeledger up, which enrolls a local probe), then start it with its secret.',
    rows: probes.sort((a, b) => (a.status === b.status ? (a.name ?? '').localeCompare(b.name ?? '') : a.status === 'active' ? -1 : 1)),
    rowClass: (p) => (p.status === 'revoked' ? 'revoked' : null),
    columns: [
      { label: 'Name', value: (p) => p.name ?? p.probe_id },
      { label: 'Probe id', value: (p) => el('code', {}, p.probe_id) },
      { label: 'Status', value: (p) => el(`span.status.${p.status === 'active' ? 'ok' : 'bad'}`, {}, p.status) },
      { label: 'Last seen', value: (p) => { const t = health.get(p.probe_id)?.lastSeen; return t ? el('time', { title: fmtTime(t) }, fmtAgo(toMillis(t))) : 'no check run in the last hour'; } },
      { label: 'Host', value: (p) => p.hostname },
      { label: 'Tags', value: (p) => (p.tags?.length ? p.tags.map((t) => el('span.tag', {}, t)) : '—') },
      { label: 'Check health', value: (p) => healthCell(health.get(p.probe_id)) },
      { label: 'Version / forwarder backlog', value: () => el('span.muted', { title: 'probes do not send their version or spool depth to the API yet; see edge-probe status on the host' }, 'not reported') },
      { label: 'Enrolled', value: (p) => fmtTime(p.created_at) },
      { label: '', value: (p) => (p.status === 'active'
        ? el('button.danger', { type: 'button', onclick: () => revoke(p, notice, root) }, 'Revoke')
        : `revoked ${fmtTime(p.revoked_at)}`) },
    ],
  });
  clear(root, el('h1', {}, 'Probes'), notice, table, enrollForm(notice, root));
}

async function revoke(probe, notice, root) {
  if (!window.confirm(`Revoke probe ${probe.name ?? probe.probe_id}? Its next request is refused; this cannot be undone.`)) return;
  try {
    await del(`/v1/probes/${encodeURIComponent(probe.probe_id)}`);
    await render(root);
  } catch (e) {
    clear(notice, errorBox(e));
  }
}

function enrollForm(notice, root) {
  const name = el('input', { name: 'name', placeholder: 'edge-fra-1' });
  const hostname = el('input', { name: 'hostname', placeholder: 'host.example.net' });
  const tags = el('input', { name: 'tags', placeholder: 'env:prod,region:eu' });
  const result = el('div');
  const form = el('form.card', {
    onsubmit: async (e) => {
      e.preventDefault();
      const body = { name: name.value || undefined, hostname: hostname.value || undefined,
        tags: tags.value ? tags.value.split(',').map((t) => t.trim()).filter(Boolean) : undefined };
      try {
        const enrolled = await post('/v1/probes', body);
        await render(root);
        clear(root.querySelector('.notice-area'), secretOnce(enrolled));
      } catch (err) {
        clear(result, errorBox(err));
      }
    },
  }, el('h2', {}, 'Enroll a probe'),
  el('div.row', {}, field('Name', name), field('Hostname', hostname), field('Tags (comma separated)', tags)),
  el('button', { type: 'submit' }, 'Enroll'), result);
  return form;
}

/** The secret, once: it is not retrievable later (the API returns it only in the enrollment answer). */
function secretOnce(enrolled) {
  const box = el('div.secret-once', { role: 'alert', tabindex: -1 },
    el('h2', {}, `Probe ${enrolled.probe.name ?? enrolled.probe_id} enrolled`),
    el('p', {}, 'Copy this secret into the probe\'s configuration now. It is shown once and cannot be shown again.'),
    el('dl', {}, el('dt', {}, 'probe_id'), el('dd', {}, el('code.probe-id', {}, enrolled.probe_id)),
      el('dt', {}, 'secret'), el('dd', {}, el('code.secret', {}, enrolled.secret))),
    el('button', { type: 'button', onclick: () => box.remove() }, 'I have copied it'));
  queueMicrotask(() => box.focus());
  return box;
}
