// An RFC 6962 / RFC 9162 inclusion proof recomputed in the browser (SHA-256 via Web Crypto) and drawn as the audit
// path from the leaf to the root: at each level the running hash, the sibling from the proof, and which side it is on.
import cytoscape from '../../vendor/cytoscape/cytoscape.js';
import { el, figureWithTable, pagedTable, short } from '../ui.js';

const hex = (bytes) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
const unhex = (h) => Uint8Array.from(h.match(/../g).map((b) => parseInt(b, 16)));

async function nodeHash(leftHex, rightHex) {
  const input = new Uint8Array(65);
  input[0] = 1; // RFC 6962 interior node prefix
  input.set(unhex(leftHex), 1);
  input.set(unhex(rightHex), 33);
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', input)));
}

/** RFC 9162 2.1.3.2: the steps from the leaf hash up, and the root they reach. */
export async function recomputePath(leafHash, leafIndex, treeSize, proof) {
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leafHash;
  const steps = [];
  for (const p of proof) {
    if (sn === 0) return { steps, root: null, error: 'the proof is longer than the tree allows' };
    if (fn % 2 === 1 || fn === sn) {
      const parent = await nodeHash(p, r);
      steps.push({ sibling: p, side: 'left', from: r, parent });
      r = parent;
      if (fn % 2 === 0) { while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); } }
    } else {
      const parent = await nodeHash(r, p);
      steps.push({ sibling: p, side: 'right', from: r, parent });
      r = parent;
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return { steps, root: r, error: sn === 0 ? null : 'the proof is shorter than the tree needs' };
}

/** The drawing and its table; expected: the root the API recomputed from S3. */
export async function merklePath({ leafHash, leafIndex, treeSize, proof, expectedRoot, chainRoot }) {
  const path = await recomputePath(leafHash, leafIndex, treeSize, proof);
  const matches = path.root === expectedRoot;
  const holder = el('div.merkle-path', { role: 'img', 'aria-label': 'Merkle audit path from the leaf to the root; the table beside it has the same hashes' });
  holder.dataset.browserRoot = path.root ?? '';
  holder.dataset.matches = String(matches);
  requestAnimationFrame(() => draw(holder, leafHash, path, matches, chainRoot));
  const rows = [{ level: 0, hash: leafHash, sibling: '', side: '', note: `leaf ${leafIndex} of ${treeSize}` },
    ...path.steps.map((s, i) => ({ level: i + 1, hash: s.parent, sibling: s.sibling, side: s.side, note: i === path.steps.length - 1 ? 'root' : '' }))];
  const table = pagedTable({
    caption: `Audit path: ${proof.length} siblings; root recomputed here ${matches ? 'matches' : 'DOES NOT match'} the API's`,
    empty: 'No audit path: the API answered without an inclusion proof.',
    pageSize: 64,
    rows,
    columns: [{ label: 'Level', value: (r) => String(r.level), className: 'num' },
      { label: 'Hash', value: (r) => el('code', { title: r.hash }, short(r.hash, 16)) },
      { label: 'Sibling (side)', value: (r) => (r.sibling ? el('code', { title: r.sibling }, `${short(r.sibling, 16)} (${r.side})`) : '—') },
      { label: '', value: (r) => r.note }],
  });
  const figure = figureWithTable('Inclusion proof: leaf to root, recomputed in this browser', holder, table);
  if (path.error) figure.prepend(el('p.error', { role: 'alert' }, path.error));
  return figure;
}

function draw(holder, leafHash, path, matches, chainRoot) {
  const elements = [{ data: { id: 'n0', label: `leaf\n${short(leafHash, 10)}` }, classes: 'leaf', position: { x: 80, y: 60 + 70 * path.steps.length } }];
  path.steps.forEach((s, i) => {
    const y = 60 + 70 * (path.steps.length - i - 1);
    const last = i === path.steps.length - 1;
    elements.push({ data: { id: `s${i}`, label: `sibling (${s.side})\n${short(s.sibling, 10)}` }, classes: 'sibling',
      position: { x: s.side === 'left' ? -90 : 250, y: y + 70 } });
    elements.push({ data: { id: `n${i + 1}`, label: `${last ? 'root' : `level ${i + 1}`}\n${short(s.parent, 10)}` }, classes: last ? (matches ? 'root ok' : 'root bad') : 'inner',
      position: { x: 80, y } });
    elements.push({ data: { id: `e${i}a`, source: `n${i}`, target: `n${i + 1}` } });
    elements.push({ data: { id: `e${i}b`, source: `s${i}`, target: `n${i + 1}` } });
  });
  if (chainRoot) {
    const top = path.steps.length ? `n${path.steps.length}` : 'n0';
    elements.push({ data: { id: 'chain', label: `on chain\n${short(chainRoot, 10)}` }, classes: chainRoot === path.root ? 'chain ok' : 'chain bad', position: { x: 330, y: 0 } });
    elements.push({ data: { id: 'echain', source: top, target: 'chain', label: chainRoot === path.root ? '=' : '≠' }, classes: 'compare' });
  }
  const cy = cytoscape({
    container: holder, elements, layout: { name: 'preset', fit: true, padding: 20 },
    style: [
      { selector: 'node', style: { shape: 'round-rectangle', width: 120, height: 44, label: 'data(label)', 'text-wrap': 'wrap', 'text-valign': 'center',
        'font-size': 10, 'font-family': 'monospace', 'background-color': '#eef2ff', 'border-width': 2, 'border-color': '#4f46e5' } },
      { selector: 'node.sibling', style: { 'background-color': '#f8fafc', 'border-color': '#94a3b8', 'border-style': 'dashed' } },
      { selector: 'node.leaf', style: { 'background-color': '#fef9c3', 'border-color': '#ca8a04' } },
      { selector: 'node.ok', style: { 'background-color': '#dcfce7', 'border-color': '#16a34a', 'border-width': 3 } },
      { selector: 'node.bad', style: { 'background-color': '#fee2e2', 'border-color': '#dc2626', 'border-width': 4 } },
      { selector: 'edge', style: { width: 2, 'line-color': '#94a3b8', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#94a3b8', 'curve-style': 'bezier' } },
      { selector: 'edge.compare', style: { 'line-style': 'dashed', label: 'data(label)', 'font-size': 16, 'target-arrow-shape': 'none' } },
    ],
    userZoomingEnabled: false, boxSelectionEnabled: false, autoungrabify: true,
  });
  holder.dataset.rendered = 'true';
  holder.cy = cy;
}
