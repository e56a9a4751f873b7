// Development stand-in for `chaingap serve`: serves the built app and the /api/ contract so the app
// and its browser test can run before the real server exists. Not for production.
//
//   node dev/mock-server.mjs [--cli PATH] [--data DIR] [--port 8080] [--static DIR]
//   (env: CHAINGAP_CLI, CHAINGAP_DATA, PORT, CHAINGAP_WEB_DIR)
//
// chains, chains/{id}, gaps, targets, targets.xlsx and whatif run the real CLI with --format json
// (or xlsx), so their bodies are exactly the CLI's. regions, presence and firms are computed here
// from the dataset's CSV files (regions.csv, enterprises.csv, attachments.csv) following the
// engine's definitions: a firm's capacity at a link is attachment weight × revenue (1 when revenue is
// missing), counted at the link and at every ancestor segment; a region's presence includes the
// regions below it.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, env, dflt) => {
  const i = argv.indexOf('--' + name);
  if (i >= 0 && i + 1 < argv.length) return argv[i + 1];
  return process.env[env] || dflt;
};
const CLI = opt('cli', 'CHAINGAP_CLI', 'chaingap');
const DATA = opt('data', 'CHAINGAP_DATA', path.resolve(here, '../../data/demo'));
const PORT = Number(opt('port', 'PORT', '8080'));
const STATIC = path.resolve(opt('static', 'CHAINGAP_WEB_DIR', path.resolve(here, '../dist')));

// Source-region groups as in engine/include/chaingap/rank/source_regions.hpp (provinces only here).
const GROUPS = [
  { id: 'jingjinji', name: '京津冀', members: ['110000', '120000', '130000'] },
  { id: 'yangtze_delta', name: '长三角', members: ['310000', '320000', '330000', '340000'] },
  { id: 'gba', name: '粤港澳大湾区', members: ['440000', '810000', '820000'] },
];
const RANK_PARAMS = ['gap_fill', 'strength', 'downstream_demand', 'quality', 'size', 'relatedness', 'source_region'];

// ---------- CSV ----------
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') { if (text[i + 1] === '"') { field += '"'; i++; } else q = false; }
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const head = rows.shift().map((h) => h.replace(/^\uFEFF/, ''));
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
}
const readCsv = (name) => parseCsv(fs.readFileSync(path.join(DATA, name), 'utf8'));

const regions = readCsv('regions.csv');
const regionById = new Map(regions.map((r) => [r.id, r]));
const depthOf = (id) => { let d = 0; for (let r = regionById.get(id); r && r.parent; r = regionById.get(r.parent)) d++; return d; };
const ancestorAt = (id, level) => { // the region's ancestor at depth `level` (or itself when shallower)
  const chain = [];
  for (let r = regionById.get(id); r; r = r.parent ? regionById.get(r.parent) : null) chain.unshift(r.id);
  return chain[Math.min(level, chain.length - 1)];
};
const firms = readCsv('enterprises.csv');
const firmById = new Map(firms.map((f) => [f.id, f]));
const attachments = readCsv('attachments.csv');
const attachByFirm = new Map();
for (const a of attachments) {
  if (!attachByFirm.has(a.enterprise)) attachByFirm.set(a.enterprise, []);
  attachByFirm.get(a.enterprise).push(a);
}
const firmCount = new Map();
for (const f of firms) for (let r = f.region; r; r = regionById.get(r)?.parent) firmCount.set(r, (firmCount.get(r) || 0) + 1);
const sizeOf = (f) => (f.revenue !== '' && Number.isFinite(Number(f.revenue)) ? Number(f.revenue) : 1);

// ---------- CLI ----------
function runCli(args) {
  return new Promise((resolve) => {
    execFile(CLI, args, { maxBuffer: 64 << 20, encoding: 'buffer' }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr: stderr.toString('utf8') }));
  });
}
const chainCache = new Map();
async function chainJson(id) {
  if (!chainCache.has(id)) {
    const r = await runCli(['chains', 'show', id, '--data', DATA, '--format', 'json']);
    chainCache.set(id, r.code === 0 ? JSON.parse(r.stdout.toString('utf8')) : null);
  }
  return chainCache.get(id);
}

// ---------- HTTP ----------
function send(res, status, body, type = 'application/json; charset=utf-8', extra = {}) {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}
const sendJson = (res, status, obj) => send(res, status, JSON.stringify(obj));
const cliError = (res, r) => sendJson(res, r.code === 2 ? 400 : 500, { error: r.stderr.trim().split('\n')[0].replace(/^chaingap( [a-z-]+)?:\s*(error:\s*)?/, '') || 'failed' });

async function cliJson(res, args) {
  const r = await runCli([...args, '--data', DATA, '--format', 'json']);
  if (r.code !== 0) return cliError(res, r);
  send(res, 200, r.stdout);
}

function targetArgs(q, tmpFiles) {
  const args = ['targets'];
  for (const [k, flag] of [['region', 'region'], ['chain', 'chain'], ['top', 'top'], ['portfolio', 'portfolio'], ['from_regions', 'from-regions']])
    if (q.get(k)) args.push('--' + flag, q.get(k));
  if (q.get('local') === '1' || q.get('local') === 'true') args.push('--local');
  const w = {};
  for (const p of RANK_PARAMS) if (q.has(p)) w[p] = Number(q.get(p));
  if (Object.keys(w).length) {
    const f = path.join(os.tmpdir(), `chaingap-mock-w-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
    fs.writeFileSync(f, JSON.stringify(w));
    tmpFiles.push(f);
    args.push('--weights', f);
  }
  return args;
}

function presence(q) {
  const chain = q.get('chain'), node = q.get('node'), level = Number(q.get('level') || 0);
  return chainJson(chain).then((cj) => {
    if (!cj) return { status: 400, body: { error: `unknown chain '${chain}'` } };
    const nodes = new Map(cj.nodes.map((n) => [n.id, n]));
    if (!nodes.has(node)) return { status: 400, body: { error: `unknown link '${node}' in chain '${chain}'` } };
    const under = (id) => { for (let n = nodes.get(id); n; n = n.parent ? nodes.get(n.parent) : null) if (n.id === node) return true; return false; };
    const agg = new Map();
    let total = 0;
    for (const a of attachments) {
      if (a.chain !== chain || !under(a.node)) continue;
      const f = firmById.get(a.enterprise);
      if (!f) continue;
      const r = ancestorAt(f.region, level);
      if (depthOf(r) !== level) continue;
      if (!agg.has(r)) agg.set(r, { firms: new Set(), capacity: 0 });
      const c = Number(a.weight) * sizeOf(f);
      agg.get(r).firms.add(f.id);
      agg.get(r).capacity += c;
      total += c;
    }
    const out = [...agg.entries()].map(([r, v]) => ({
      region: r, name: regionById.get(r)?.name ?? r, count: v.firms.size, capacity: v.capacity, share: total > 0 ? v.capacity / total : 0,
    })).sort((a, b) => b.capacity - a.capacity);
    return { status: 200, body: { chain, node, node_name: nodes.get(node).name, level, regions: out, groups: GROUPS } };
  });
}

async function firm(id) {
  const f = firmById.get(id);
  if (!f) return { status: 404, body: { error: `unknown enterprise '${id}'` } };
  const links = [];
  for (const a of attachByFirm.get(id) || []) {
    const cj = await chainJson(a.chain);
    const n = cj?.nodes.find((x) => x.id === a.node);
    links.push({ chain: a.chain, node: a.node, node_name: n ? n.name : a.node, weight: Number(a.weight) });
  }
  return {
    status: 200,
    body: { id: f.id, name: f.name, region: f.region, region_name: regionById.get(f.region)?.name ?? f.region,
      revenue: f.revenue === '' ? null : Number(f.revenue), labels: f.labels ? f.labels.split(';') : [], links },
  };
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8', '.json': 'application/json' };
function serveStatic(res, pathname) {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(STATIC, rel);
  if (!file.startsWith(STATIC + path.sep)) return sendJson(res, 403, { error: 'forbidden' });
  fs.readFile(file, (err, buf) => {
    if (err) return fs.readFile(path.join(STATIC, 'index.html'), (e2, idx) => (e2 ? sendJson(res, 404, { error: 'not found (build the app first: npm run build)' }) : send(res, 200, idx, MIME['.html'])));
    send(res, 200, buf, MIME[path.extname(file)] || 'application/octet-stream');
  });
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const p = url.pathname, q = url.searchParams;
  const tmp = [];
  try {
    if (p === '/api/chains' && req.method === 'GET') return await cliJson(res, ['chains']);
    let m = p.match(/^\/api\/chains\/([^/]+)$/);
    if (m) return await cliJson(res, ['chains', 'show', decodeURIComponent(m[1])]);
    if (p === '/api/gaps') {
      const args = ['gaps', '--region', q.get('region') || ''];
      if (q.get('chain')) args.push('--chain', q.get('chain'));
      if (q.get('top')) args.push('--top', q.get('top'));
      return await cliJson(res, args);
    }
    if (p === '/api/targets') return await cliJson(res, targetArgs(q, tmp));
    if (p === '/api/targets.xlsx') {
      const out = path.join(os.tmpdir(), `chaingap-mock-${process.pid}-${Date.now()}.xlsx`);
      tmp.push(out);
      const r = await runCli([...targetArgs(q, tmp), '--data', DATA, '--format', 'xlsx', '--out', out]);
      if (r.code !== 0) return cliError(res, r);
      return send(res, 200, fs.readFileSync(out), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        { 'Content-Disposition': `attachment; filename="targets-${q.get('region') || ''}.xlsx"` });
    }
    if (p === '/api/whatif' && req.method === 'POST') {
      let body = '';
      for await (const chunk of req) { body += chunk; if (body.length > 1 << 20) return sendJson(res, 413, { error: 'request body too large' }); }
      let b;
      try { b = JSON.parse(body); } catch { return sendJson(res, 400, { error: 'malformed JSON body' }); }
      if (!b || !Array.isArray(b.add)) return sendJson(res, 400, { error: 'body needs {"region","chain","add":[ids]}' });
      const args = ['whatif', '--region', String(b.region || ''), '--add', b.add.join(',')];
      if (b.chain) args.push('--chain', String(b.chain));
      return await cliJson(res, args);
    }
    if (p === '/api/regions') {
      return sendJson(res, 200, { regions: regions.map((r) => ({ id: r.id, name: r.name, parent: r.parent, depth: depthOf(r.id), enterprises: firmCount.get(r.id) || 0 })) });
    }
    if (p === '/api/presence') { const r = await presence(q); return sendJson(res, r.status, r.body); }
    m = p.match(/^\/api\/firms\/([^/]+)$/);
    if (m) { const r = await firm(decodeURIComponent(m[1])); return sendJson(res, r.status, r.body); }
    if (p.startsWith('/api/')) return sendJson(res, 404, { error: `no such endpoint ${p}` });
    return serveStatic(res, p);
  } catch (e) {
    sendJson(res, 500, { error: String(e && e.message || e) });
  } finally {
    for (const f of tmp) fs.rm(f, { force: true }, () => {});
  }
});
server.listen(PORT, '127.0.0.1', () => {
  const a = server.address();
  console.log(`mock chaingap serve: http://127.0.0.1:${a.port}/  (cli ${CLI}, data ${DATA}, app ${STATIC})`);
});
