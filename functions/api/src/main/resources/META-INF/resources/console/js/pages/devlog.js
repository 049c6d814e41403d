// Assistant sessions (devlog): sessions by agent and project, most recent first; one session as a timeline of its
// events and its token usage per model.
import { get } from '../api.js';
import { clear, el, emptyState, errorBox, field, fmtTime, loading, pagedTable } from '../ui.js';

const KIND = {
  user_message: 'message', assistant_message: 'message', tool_call: 'tool', tool_result: 'tool',
  file_write: 'file', file_edit: 'file', command_execute: 'command', error: 'error', token_usage: 'usage',
};

export async function render(root, [sessionId]) {
  if (sessionId) return renderSession(root, sessionId);
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const { sessions } = await get('/v1/devlog/sessions', { agent: params.get('agent'), limit: 1000 });
  const agent = el('select', { name: 'agent' }, el('option', { value: '' }, 'all agents'),
    ['claude-code', 'codex', 'gemini-cli', 'github-copilot', 'cursor'].map((a) => el('option', { value: a, selected: a === params.get('agent') }, a)));
  agent.addEventListener('change', () => { location.hash = agent.value ? `#/devlog?agent=${agent.value}` : '#/devlog'; });
  const project = el('input', { name: 'project', placeholder: 'filter by project path', value: params.get('project') ?? '' });
  const tableHolder = el('div');
  const show = () => {
    const p = project.value.trim();
    clear(tableHolder, pagedTable({
      caption: `${sessions.length} sessions, most recently active first`,
      empty: 'No assistant sessions yet: a probe with the devlog check sends Claude Code, Codex, Gemini CLI, Copilot and Cursor sessions of its host.',
      rows: sessions.filter((s) => !p || (s.project_path ?? '').includes(p)),
      onPick: (s) => { location.hash = `#/devlog/${encodeURIComponent(s.session_id)}`; },
      columns: [
        { label: 'Last activity', value: (s) => fmtTime(s.last_event_at) },
        { label: 'Agent', value: (s) => `${s.agent_id ?? '—'} ${s.agent_version ?? ''}` },
        { label: 'Project', value: (s) => s.project_path },
        { label: 'Model', value: (s) => s.model },
        { label: 'Events', value: (s) => String(s.event_count), className: 'num' },
        { label: 'Session', value: (s) => el('a', { href: `#/devlog/${encodeURIComponent(s.session_id)}` }, s.session_id) },
      ],
    }));
  };
  project.addEventListener('input', show);
  clear(root, el('h1', {}, 'Assistant sessions'), el('div.card.row', {}, field('Agent', agent), field('Project', project)), tableHolder);
  show();
}

/** Token usage per model: sums of the token_usage events' counters. */
export function usageByModel(events) {
  const byModel = new Map();
  for (const e of events.filter((x) => x.eventType === 'token_usage')) {
    const u = byModel.get(e.model ?? 'unknown') ?? { model: e.model ?? 'unknown', input: 0, output: 0, cacheRead: 0, cacheWrite: 0, requests: 0 };
    u.input += e.data?.inputTokens ?? 0;
    u.output += e.data?.outputTokens ?? 0;
    u.cacheRead += e.data?.cacheReadTokens ?? 0;
    u.cacheWrite += e.data?.cacheWriteTokens ?? 0;
    u.requests++;
    byModel.set(u.model, u);
  }
  return [...byModel.values()];
}

function summary(e) {
  const d = e.data ?? {};
  switch (e.eventType) {
    case 'user_message': case 'assistant_message': return d.text ?? d.content ?? '';
    case 'tool_call': return `${d.toolName ?? 'tool'} ${typeof d.input === 'string' ? d.input : JSON.stringify(d.input ?? {})}`;
    case 'tool_result': return `${d.isError ? 'error: ' : ''}${typeof d.output === 'string' ? d.output : JSON.stringify(d.output ?? d)}`;
    case 'file_write': case 'file_edit': return d.path ?? '';
    case 'command_execute': return `${d.command ?? ''}${d.exitCode !== undefined ? ` (exit ${d.exitCode})` : ''}`;
    case 'token_usage': return `in ${d.inputTokens ?? 0}, out ${d.outputTokens ?? 0}, cache read ${d.cacheReadTokens ?? 0}`;
    case 'error': return d.message ?? JSON.stringify(d);
    default: return Object.keys(d).length ? JSON.stringify(d) : '';
  }
}

const EVENTS_PER_PAGE = 200;

async function renderSession(root, sessionId) {
  clear(root, loading('Loading the session…'));
  const path = `/v1/devlog/sessions/${encodeURIComponent(sessionId)}/events`;
  let first;
  let usageEvents;
  try {
    // the first page of the timeline, and the token usage events alone (all of them, for the sums per model)
    [first, usageEvents] = await Promise.all([get(path, { limit: EVENTS_PER_PAGE }), get(path, { type: 'token_usage', limit: 10000 })]);
  } catch (e) {
    clear(root, el('h1', {}, 'Assistant session'), errorBox(e), el('a', { href: '#/devlog' }, '← all sessions'));
    return;
  }
  const opening = first.events[0];
  const usage = usageByModel(usageEvents.events);
  const timeline = el('div');
  clear(root,
    el('a', { href: '#/devlog' }, '← all sessions'),
    el('h1', {}, `Session ${sessionId}`),
    el('p', {}, `${opening?.agentId ?? ''} ${opening?.agentVersion ?? ''} · ${opening?.projectPath ?? ''} · ${first.total} events (from ${first.source})`),
    el('h2', {}, 'Token usage per model'),
    pagedTable({
      empty: 'No token usage in this session: the agent logs token_usage events with each model answer (some agents only in newer versions).',
      rows: usage,
      columns: [{ label: 'Model', value: (u) => u.model }, { label: 'Requests', value: (u) => String(u.requests), className: 'num' },
        { label: 'Input', value: (u) => u.input.toLocaleString('en'), className: 'num' }, { label: 'Output', value: (u) => u.output.toLocaleString('en'), className: 'num' },
        { label: 'Cache read', value: (u) => u.cacheRead.toLocaleString('en'), className: 'num' }, { label: 'Cache write', value: (u) => u.cacheWrite.toLocaleString('en'), className: 'num' }],
    }),
    el('h2', {}, 'Timeline'),
    timeline);
  showTimeline(timeline, path, first);
}

/** One page of the timeline (EVENTS_PER_PAGE events, oldest first); long sessions page with offset. */
function showTimeline(holder, path, page) {
  const { events, offset, total } = page;
  if (!total) { clear(holder, emptyState('No events in this session: the probe\'s devlog check sends them as the assistant writes its log.')); return; }
  const go = async (to) => {
    clear(holder, loading('Loading events…'));
    try {
      showTimeline(holder, path, await get(path, { offset: to, limit: EVENTS_PER_PAGE }));
    } catch (e) {
      clear(holder, errorBox(e));
    }
  };
  const pager = total > EVENTS_PER_PAGE ? el('div.pager', {},
    el('button', { type: 'button', disabled: offset === 0, onclick: () => go(Math.max(0, offset - EVENTS_PER_PAGE)) }, '‹ Earlier events'),
    el('span', {}, `events ${offset + 1}–${offset + events.length} of ${total}`),
    el('button', { type: 'button', disabled: offset + events.length >= total, onclick: () => go(offset + EVENTS_PER_PAGE) }, 'Later events ›')) : null;
  clear(holder, el('ol.timeline', { 'aria-label': 'Session timeline', start: offset + 1 }, events.map((e) => el(`li.event.${KIND[e.eventType] ?? 'other'}`, { tabindex: 0 },
    el('time', {}, fmtTime(e.timestamp)), el('span.type', {}, e.eventType), el('span.summary', {}, summary(e).slice(0, 400))))), pager);
}
