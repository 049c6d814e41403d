// Ledger: batches per table (leaf count, time range, mint status, NEAR transaction), a batch's manifest and rows, and
// "verify a row": the verdict, the inclusion proof drawn from leaf to root, the root from S3 beside the root on chain.
import { get, post } from '../api.js';
import { merklePath } from '../draw/merkle-path.js';
import { clear, cursorTable, el, emptyState, errorBox, field, fmtTime, loading, pagedTable, pageSize, short } from '../ui.js';

const BATCHES_PER_PAGE = 50;

export async function render(root, [view, id]) {
  if (view === 'batch' && id) return renderBatch(root, id);
  const { tables } = await get('/v1/ledger/tables');
  const names = tables.map((t) => `${t.database}/${t.table}`);
  const params = new URLSearchParams(location.hash.split('?')[1] ?? '');
  const table = el('select', { name: 'table' }, el('option', { value: '' }, `all tables (${tables.length})`),
    names.map((t) => el('option', { value: t, selected: t === params.get('table') }, t.replace('/', '.'))));
  const list = el('div');
  const show = () => { clear(list, batchTable(table.value)); return list.firstChild.ready; };
  table.addEventListener('change', () => show().catch((e) => clear(list, errorBox(e))));
  clear(root, el('h1', {}, 'Ledger'), verifyPanel({}), el('h2', {}, 'Batches'), el('div.card.row', {}, field('Table', table)), list);
  await show();
}

function mintCell(b) {
  // the ETRAP agent minted each legacy batch before storing it; verification asks the chain for its token
  if (b.legacy) return el('span.status.ok', { title: 'minted by the ETRAP agent; checked against its token on verify' }, 'agent-minted');
  const cls = b.mint_status === 'minted' ? 'ok' : b.mint_status === 'failed' ? 'bad' : 'warn';
  return el(`span.status.${cls}`, {}, b.mint_status ?? 'not minted');
}

/** One page of batches at a time, in storage order (per table by seal date): the API reads only that page's manifests. */
function batchTable(databaseAndTable) {
  const [database, table] = databaseAndTable ? databaseAndTable.split('/') : [];
  return cursorTable({
    caption: (rows, page) => `${rows.length} batches${databaseAndTable ? ` of ${databaseAndTable.replace('/', '.')}` : ''}, page ${page + 1}, by table and seal date`,
    empty: 'No batches yet: the CDC batcher seals Debezium change events into Merkle batches (./edgeledger up loads samples, ./edgeledger cdc run seals them).',
    load: async (cursor) => {
      const answer = await get('/v1/ledger/batches', { database, table, cursor, limit: pageSize(BATCHES_PER_PAGE) });
      return { rows: answer.batches, next: answer.next_cursor };
    },
    // legacy (etrap-v1) batches have no manifest page: verify their rows above with the scheme etrap-v1
    onPick: (b) => { if (!b.legacy) location.hash = `#/ledger/batch/${encodeURIComponent(b.batch_id)}`; },
    columns: [
      { label: 'Table', value: (b) => `${b.database}.${b.table}` },
      { label: 'Scheme', value: (b) => b.scheme ?? '' },
      { label: 'Leaves', value: (b) => String(b.leaf_count), className: 'num' },
      { label: 'Changes from', value: (b) => fmtTime(b.first_timestamp) },
      { label: 'to', value: (b) => fmtTime(b.last_timestamp) },
      { label: 'Mint', value: mintCell },
      { label: 'NEAR tx', value: (b) => (b.tx_hash ? el('code', { title: b.tx_hash }, short(b.tx_hash, 14)) : '—') },
      { label: 'Batch', value: (b) => (b.legacy ? el('code', { title: `legacy batch in s3://${b.s3_bucket}/${b.s3_prefix}` }, b.batch_id)
        : el('a', { href: `#/ledger/batch/${encodeURIComponent(b.batch_id)}` }, b.batch_id)) },
    ],
  });
}

async function renderBatch(root, batchId) {
  const [batch, verify] = [await get(`/v1/ledger/batches/${encodeURIComponent(batchId)}`), verifyPanel({ batchId })];
  const m = batch.manifest;
  const rows = el('div');
  clear(root,
    el('a', { href: '#/ledger' }, '← all batches'),
    el('h1', {}, `Batch ${batchId}`),
    batch.s3_consistent ? el('p.status.ok', {}, `S3 objects match the manifest (${batch.leaf_count} leaves)`)
      : el('p.verdict.tampered', { role: 'alert' }, `TAMPERED: the S3 objects no longer match the manifest: ${batch.problem}`),
    el('dl.facts', {},
      ...fact('Table', `${m.database}.${m.table}`), ...fact('Root', el('code', {}, m.root)), ...fact('Leaves', String(m.leaf_count)),
      ...fact('Scheme', `${m.scheme} / ${m.leaf_scheme}`), ...fact('Sealed', fmtTime(m.sealed_at)),
      ...fact('Mint', `${m.mint?.status ?? 'not minted'}${m.mint?.tx_hash ? ` · tx ${m.mint.tx_hash}` : ''}`)),
    verify,
    el('h2', {}, 'Rows'), rows,
    el('details', {}, el('summary', {}, 'Manifest (JSON)'), el('pre.json', {}, JSON.stringify(m, null, 2))));
  await loadRows(rows, batchId, 0, verify);
}

const fact = (label, value) => [el('dt', {}, label), el('dd', {}, value)];

const ROWS_PER_PAGE = 20;

/** Rows come from the API a page at a time (offset/limit); each can be verified in place. */
async function loadRows(holder, batchId, offset, verify) {
  clear(holder, loading('Loading rows…'));
  try {
    const page = await get(`/v1/ledger/batches/${encodeURIComponent(batchId)}/leaves`, { offset, limit: ROWS_PER_PAGE });
    const table = pagedTable({
      caption: `rows ${offset + 1}–${offset + page.leaves.length} of ${page.leaf_count}`,
      empty: 'This batch has no rows.',
      pageSize: ROWS_PER_PAGE,
      rows: page.leaves,
      columns: [
        { label: '#', value: (l) => String(l.index), className: 'num' },
        { label: 'Op', value: (l) => l.leaf.op },
        { label: 'Key', value: (l) => el('code', {}, JSON.stringify(l.leaf.key)) },
        { label: 'Row', value: (l) => el('code.row-json', {}, JSON.stringify(l.leaf.row ?? null).slice(0, 160)) },
        { label: '', value: (l) => el('button.verify-row', { type: 'button', onclick: () => verify.verifyLeaf(JSON.stringify(l.leaf, null, 1)) }, 'Verify this row') },
      ],
    });
    const pager = el('div.pager', {},
      el('button', { type: 'button', disabled: offset === 0, onclick: () => loadRows(holder, batchId, Math.max(0, offset - ROWS_PER_PAGE), verify) }, '‹ Previous rows'),
      el('button', { type: 'button', disabled: offset + ROWS_PER_PAGE >= page.leaf_count, onclick: () => loadRows(holder, batchId, offset + ROWS_PER_PAGE, verify) }, 'Next rows ›'));
    clear(holder, table, pager);
  } catch (e) {
    clear(holder, errorBox(e));
  }
}

/** What to send: a pasted leaf-v2 document, a whole verify request, or a 64-hex leaf hash. */
export function verifyRequest(text, batchId) {
  const trimmed = text.trim();
  let request;
  if (/^[0-9a-f]{64}$/i.test(trimmed)) request = { leaf_hash: trimmed.toLowerCase() };
  else {
    let parsed;
    try { parsed = JSON.parse(trimmed); } catch (e) { throw new Error(`not JSON and not a 64-hex leaf hash: ${e.message}`); }
    request = parsed.leaf || parsed.leaf_hash ? parsed : { leaf: parsed };
  }
  if (batchId && !request.batch_id) request.batch_id = batchId;
  return request;
}

function verifyPanel({ batchId }) {
  const input = el('textarea', { name: 'row', rows: 6, placeholder: '{"table": …, "op": …, "key": …, "row": …} (a leaf-v2 document) or a leaf hash' });
  const batch = el('input', { name: 'batch_id', value: batchId ?? '', placeholder: 'any batch' });
  const result = el('div.verify-result', { 'aria-live': 'polite' });
  const run = async () => {
    let request;
    try { request = verifyRequest(input.value, batch.value.trim()); } catch (e) { clear(result, el('p.error', { role: 'alert' }, e.message)); return; }
    clear(result, loading('Verifying against S3 and the chain…'));
    try {
      clear(result, await verdictView(await post('/v1/ledger/verify', request)));
    } catch (e) {
      clear(result, errorBox(e));
    }
  };
  const panel = el('form.card.verify', { onsubmit: (e) => { e.preventDefault(); run(); } },
    el('h2', {}, 'Verify a row'),
    el('p', {}, 'Paste a row as its leaf document (or pick one from a batch\'s rows): the API finds it in the batches in S3, recomputes the root, and checks it against the root notarized on NEAR.'),
    field('Row (leaf-v2 JSON) or leaf hash', input), field('Batch id (optional)', batch),
    el('button', { type: 'submit' }, 'Verify'), result);
  panel.verifyLeaf = (text) => { input.value = text; run(); panel.scrollIntoView({ block: 'start' }); };
  return panel;
}

const VERDICT_TEXT = {
  verified: 'the row is in the batch, and the batch root is the one notarized on chain',
  tampered: 'the ledger in S3 does not match what was notarized',
  not_found: 'no batch in S3 contains this row',
  not_notarized: 'the row is in a batch that has not been minted on chain yet',
};

async function verdictView(answer) {
  const chain = answer.chain ?? {};
  const banner = el(`div.verdict.${answer.verdict}`, { role: answer.verdict === 'tampered' ? 'alert' : 'status', dataset: { verdict: answer.verdict } },
    el('span.verdict-word', {}, answer.verdict.replace('_', ' ')), el('span', {}, VERDICT_TEXT[answer.verdict] ?? ''));
  const parts = [banner];
  if (answer.problems?.length) {
    parts.push(el('ul.problems', {}, answer.problems.map((p) => el('li', {}, p.problem ?? JSON.stringify(p)))));
  }
  if (answer.root || chain.root) {
    parts.push(el('div.roots', {},
      el('div', {}, el('h3', {}, 'Root recomputed from S3'), el('code', {}, answer.root ?? '—')),
      el('div', { class: chain.root_matches ? 'match' : 'mismatch' }, el('h3', {}, `Root on chain ${chain.root_matches ? '(matches)' : '(DIFFERS)'}`), el('code', {}, chain.root ?? 'no token'))));
    parts.push(el('dl.facts', {},
      ...fact('Batch', answer.batch_id ? el('a', { href: `#/ledger/batch/${encodeURIComponent(answer.batch_id)}` }, answer.batch_id) : '—'),
      ...fact('Leaf', `${answer.leaf_index ?? '—'} of ${answer.tree_size ?? '—'} · ${answer.leaf_hash ?? ''}`),
      ...fact('Token', `${chain.token_id ?? '—'} ${chain.token_found ? '(found)' : '(not found)'} on ${chain.contract ?? ''} (${chain.network ?? ''})`),
      ...fact('Transaction', `${chain.tx_hash ?? '—'} · ${chain.tx_status ?? ''}${chain.block_hash ? ` · block ${chain.block_hash}` : ''}`)));
  }
  if (answer.proof && answer.leaf_index !== undefined && answer.leaf_hash) {
    parts.push(await merklePath({ leafHash: answer.leaf_hash, leafIndex: answer.leaf_index, treeSize: answer.tree_size,
      proof: answer.proof, expectedRoot: answer.root, chainRoot: chain.root }));
  } else if (answer.verdict !== 'verified') {
    parts.push(emptyState('No inclusion proof: the row was not found in a batch that still matches its manifest.'));
  }
  return el('div', {}, parts);
}
