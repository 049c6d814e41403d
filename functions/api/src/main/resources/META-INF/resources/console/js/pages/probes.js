// Probes: status, last seen, version, tags, check health, forwarder backlog (all in GET /v1/probes), enroll (secret shown once), revoke.
import { del, get, post } from '../api.js';
import { clear, cursorTable, el, errorBox, field, fmtAgo, fmtTime, pageSize } from '../ui.js';

const PROBES_PER_PAGE = 50;

/** The newest run of each of the probe's checks, as the API folds them into the probe. */
function healthCell(p) {
  const latest = p.checks ?? [];
  if (!latest.length) return el('span.muted', {}, 'no check run reported yet');
  const failing = latest.filter((r) => r.status !== 'ok');
  const title = latest.map((r) => `${r.check}: ${r.status} at ${fmtTime(r.timestamp)}${r.message ? ` (${r.message})` : ''}`).join('\n');
  return failing.length
    ? el('span.status.bad', { title }, `${failing.length} of ${latest.length} checks failing: ${failing.map((r) => `${r.check} — ${r.message ?? r.status}`).join('; ')}`)
    : el('span.status.ok', { title }, `${latest.length} checks ok`);
}

const BYTES = ['B', 'kB', 'MB', 'GB'];
const fmtBytes = (n) => { let i = 0; while (n >= 1024 && i < BYTES.length - 1) { n /= 1024; i++; } return `${i ? n.toFixed(1) : n} ${BYTES[i]}`; };

/** The forwarder's spool as the probe last reported it: empty, or how much waits and for how long. */
function backlogCell(p) {
  const f = p.forwarder;
  if (!f) return el('span.muted', { title: 'the agent reports edge_probe.forwarder.* with every flush (edge-probe run)' }, 'not reported yet');
  const when = `reported ${fmtAgo(f.reported_at)}`;
  const dropped = f.dropped ? `, ${f.dropped} dropped` : '';
  if (!f.pending) return el('span.status.ok', { title: when }, `empty${dropped}`);
  return el('span.status.warn', { title: when }, `${f.pending} waiting (${fmtBytes(f.spool_bytes ?? 0)}), behind ${f.oldest_pending_age_s ?? 0} s${dropped}`);
}

export async function render(root) {
  const notice = el('div.notice-area');
  const table = cursorTable({
    caption: (rows, page) => `${rows.length} probes, page ${page + 1}, by probe id`,
    empty: 'No probes yet: enroll one below (or run ./edgeledger up, which enrolls a local probe), then start it with its secret.',
    load: async (cursor) => {
      const { probes, next_cursor: next } = await get('/v1/probes', { cursor, limit: pageSize(PROBES_PER_PAGE) });
      return { rows: probes.sort((a, b) => (a.status === b.status ? 0 : a.status === 'active' ? -1 : 1)), next };
    },
    rowClass: (p) => (p.status === 'revoked' ? 'revoked' : null),
    columns: [
      { label: 'Name', value: (p) => p.name ?? p.probe_id },
      { label: 'Probe id', value: (p) => el('code', {}, p.probe_id) },
      { label: 'Status', value: (p) => el(`span.status.${p.status === 'active' ? 'ok' : 'bad'}`, {}, p.status) },
      { label: 'Last seen', value: (p) => (p.last_seen ? el('time', { title: fmtTime(p.last_seen) }, fmtAgo(p.last_seen)) : 'not yet: no check run or metric received') },
      { label: 'Version', value: (p) => p.version ?? el('span.muted', {}, 'not reported yet') },
      { label: 'Host', value: (p) => p.hostname },
      { label: 'Tags', value: (p) => (p.tags?.length ? p.tags.map((t) => el('span.tag', {}, t)) : '—') },
      { label: 'Check health', value: healthCell },
      { label: 'Forwarder backlog', value: backlogCell },
      { label: 'Enrolled', value: (p) => fmtTime(p.created_at) },
      { label: '', value: (p) => (p.status === 'active'
        ? el('button.danger', { type: 'button', onclick: () => revoke(p, notice, root) }, 'Revoke')
        : `revoked ${fmtTime(p.revoked_at)}`) },
    ],
  });
  await table.ready;
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
