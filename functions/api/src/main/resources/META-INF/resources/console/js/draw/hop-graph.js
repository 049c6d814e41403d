// Traceroute runs merged into one hop graph: a node per (TTL, responding address), silent hops as "*" nodes, and an
// edge for each step some run took, so hops that differ between runs show as parallel branches. Drawn by Cytoscape.js
// (breadthfirst layout from the source, turned left to right); the same nodes are listed in a table beside it.
import cytoscape from '../../vendor/cytoscape/cytoscape.js';
import { el, figureWithTable, fmtNum, pagedTable } from '../ui.js';

/** results: traceroute results (DESIGN 2.1 JSON), newest first. Returns {nodes, edges, runs}. */
export function mergeRuns(results) {
  const nodes = new Map();
  const edges = new Map();
  let runs = 0;
  const perTtl = new Map(); // ttl -> runs that reached it
  for (const result of results) {
    for (const run of result?.traceroute?.runs ?? []) {
      runs++;
      let prev = 'src';
      if (!nodes.has('src')) {
        nodes.set('src', { id: 'src', ttl: 0, ip: run.source?.ip_address ?? 'source', rdns: [], rtts: [], seen: 0, kind: 'source' });
      }
      nodes.get('src').seen++;
      for (const hop of [...(run.hops ?? [])].sort((a, b) => a.ttl - b.ttl)) {
        const silent = !hop.reachable || !hop.ip_address;
        const id = `${hop.ttl}|${silent ? '*' : hop.ip_address}`;
        const node = nodes.get(id) ?? { id, ttl: hop.ttl, ip: silent ? null : hop.ip_address, rdns: [], rtts: [], seen: 0,
          kind: silent ? 'silent' : (hop.ip_address === run.destination?.ip_address ? 'destination' : 'hop') };
        node.seen++;
        if (!silent && hop.rtt > 0) node.rtts.push(hop.rtt);
        for (const name of hop.reverse_dns ?? []) if (!node.rdns.includes(name)) node.rdns.push(name);
        nodes.set(id, node);
        perTtl.set(hop.ttl, (perTtl.get(hop.ttl) ?? 0) + 1);
        const edgeId = `${prev}->${id}`;
        edges.set(edgeId, { id: edgeId, source: prev, target: id, runs: (edges.get(edgeId)?.runs ?? 0) + 1 });
        prev = id;
      }
    }
  }
  for (const node of nodes.values()) {
    node.reached = node.kind === 'source' ? runs : perTtl.get(node.ttl) ?? 0;
    node.avgRtt = node.rtts.length ? node.rtts.reduce((a, b) => a + b, 0) / node.rtts.length : null;
  }
  return { nodes: [...nodes.values()].sort((a, b) => a.ttl - b.ttl), edges: [...edges.values()], runs };
}

function label(node) {
  if (node.kind === 'source') return `source\n${node.ip}`;
  if (node.kind === 'silent') return `TTL ${node.ttl}\n* no reply`;
  return [`TTL ${node.ttl}`, node.ip, node.rdns[0] ?? '', node.avgRtt === null ? '' : `${fmtNum(node.avgRtt, 2)} ms`].filter(Boolean).join('\n');
}

export function hopGraph(results, { title = 'Latest path' } = {}) {
  const graph = mergeRuns(results);
  const holder = el('div.hop-graph', { role: 'img', 'aria-label': `${title}: hop graph; the table beside it lists the same hops` });
  // Cytoscape needs its container in the document with a size before it lays out: draw on the next frame
  requestAnimationFrame(() => draw(holder, graph));
  const table = pagedTable({
    caption: `${graph.nodes.length - 1} hops from ${graph.runs} runs`,
    empty: 'No hops in this result: the traceroute got no answer at all (no ICMP from any TTL); try another protocol or port.',
    pageSize: 40,
    rows: graph.nodes.filter((n) => n.kind !== 'source'),
    rowClass: (n) => (n.kind === 'silent' ? 'silent' : null),
    columns: [
      { label: 'TTL', value: (n) => String(n.ttl), className: 'num' },
      { label: 'IP', value: (n) => (n.kind === 'silent' ? el('span.silent-mark', {}, '* (no reply)') : n.ip) },
      { label: 'Reverse DNS', value: (n) => n.rdns.join(', ') || '—' },
      { label: 'RTT avg (ms)', value: (n) => fmtNum(n.avgRtt), className: 'num' },
      { label: 'Answered in runs', value: (n) => `${n.kind === 'silent' ? 0 : n.seen} of ${n.reached}`, className: 'num' },
      { label: 'Loss', value: (n) => `${n.kind === 'silent' ? 100 : Math.round(100 * (1 - n.seen / Math.max(1, n.reached)))} %`, className: 'num' },
    ],
  });
  return figureWithTable(title, holder, table);
}

const depth = (graph) => Math.max(0, ...graph.nodes.map((n) => n.ttl));
const widest = (graph) => Math.max(1, ...[...Map.groupBy(graph.nodes, (n) => n.ttl).values()].map((g) => g.length));

function draw(holder, graph) {
  const cy = cytoscape({
    container: holder,
    elements: [
      ...graph.nodes.map((n) => ({ data: { id: n.id, label: label(n) }, classes: n.kind })),
      ...graph.edges.map((e) => ({ data: { ...e, label: graph.runs > 1 ? `${e.runs}/${graph.runs}` : '' } })),
    ],
    style: [
      { selector: 'node', style: { shape: 'round-rectangle', 'background-color': '#eef2ff', 'border-width': 2, 'border-color': '#4f46e5',
        label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center', 'font-size': 10, width: 130, height: 62 } },
      { selector: 'node.source', style: { 'background-color': '#ecfeff', 'border-color': '#0891b2' } },
      { selector: 'node.destination', style: { 'background-color': '#dcfce7', 'border-color': '#16a34a' } },
      { selector: 'node.silent', style: { 'background-color': '#f3f4f6', 'border-color': '#9ca3af', 'border-style': 'dashed', color: '#6b7280' } },
      { selector: 'edge', style: { width: 2, 'line-color': '#94a3b8', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#94a3b8',
        'curve-style': 'bezier', label: 'data(label)', 'font-size': 9 } },
    ],
    // breadthfirst lays TTLs out as rows top-down in this box; the transform turns rows into columns, left to right
    layout: { name: 'breadthfirst', directed: true, roots: ['src'], spacingFactor: 1,
      boundingBox: { x1: 0, y1: 0, w: 90 * widest(graph), h: 165 * (depth(graph) + 1) },
      transform: (_node, pos) => ({ x: pos.y, y: pos.x }) },
    minZoom: 0.4, maxZoom: 1.2,
    userZoomingEnabled: false, boxSelectionEnabled: false, autoungrabify: true,
  });
  holder.dataset.nodes = String(cy.nodes().not('.source').length);
  holder.dataset.silentNodes = String(cy.nodes('.silent').length);
  holder.dataset.rendered = 'true';
  holder.cy = cy;
}
