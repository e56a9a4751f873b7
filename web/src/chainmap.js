// 产业链图谱: the chain drawn left to right. Columns are the chain's segments (top-level nodes) layered
// by the longest path over the chain's edges (an edge between links counts between their segments);
// segments no edge touches fall back to their stage (upstream → midstream → downstream). Each row is a
// link tinted by the region's status; the dot at its right end is sized by the link's importance and
// is where its outgoing edges start; edges end at the left edge of their target row.
import { echarts } from './charts.js';
import { t, nm, getLang } from './i18n.js';
import { STATUS_COLOR, statusKey, statusLabel, pct, num, int, esc } from './util.js';

const STAGES = ['upstream', 'midstream', 'downstream'];
const stageIndex = (s) => { const i = STAGES.indexOf(s); return i < 0 ? 1 : i; };

export function layoutColumns(chainDef, maxCols = 4) {
  const nodes = chainDef.nodes || [];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const top = (id) => { let n = byId.get(id); const seen = new Set(); while (n && n.parent && byId.has(n.parent) && !seen.has(n.id)) { seen.add(n.id); n = byId.get(n.parent); } return n ? n.id : id; };
  const segments = nodes.filter((n) => !n.parent || !byId.has(n.parent)).map((n) => n.id);
  const succ = new Map(segments.map((s) => [s, new Set()]));
  const touched = new Set();
  for (const e of chainDef.edges || []) {
    const a = top(e.from), b = top(e.to);
    if (a === b || !succ.has(a) || !succ.has(b)) continue;
    succ.get(a).add(b);
    touched.add(a); touched.add(b);
  }
  // longest-path layering (Kahn); nodes left in a cycle keep their stage
  const indeg = new Map(segments.map((s) => [s, 0]));
  for (const [, bs] of succ) for (const b of bs) indeg.set(b, indeg.get(b) + 1);
  const layer = new Map(segments.map((s) => [s, 0]));
  const queue = segments.filter((s) => indeg.get(s) === 0);
  const done = new Set();
  while (queue.length) {
    const a = queue.shift();
    done.add(a);
    for (const b of succ.get(a)) {
      layer.set(b, Math.max(layer.get(b), layer.get(a) + 1));
      indeg.set(b, indeg.get(b) - 1);
      if (indeg.get(b) === 0) queue.push(b);
    }
  }
  for (const s of segments) if (!touched.has(s) || !done.has(s)) layer.set(s, touched.has(s) ? layer.get(s) : -1);
  // segments without edges: place by stage among the layered ones
  const maxLayer = Math.max(0, ...[...layer.values()]);
  for (const s of segments) if (layer.get(s) === -1) {
    const st = stageIndex(byId.get(s).stage);
    layer.set(s, touched.size ? Math.round((st / 2) * maxLayer) : st);
  }
  const used = [...new Set(layer.values())].sort((a, b) => a - b);
  const layers = used.map((l) => segments.filter((s) => layer.get(s) === l)
    .sort((a, b) => stageIndex(byId.get(a).stage) - stageIndex(byId.get(b).stage) || segments.indexOf(a) - segments.indexOf(b)));
  const children = new Map();
  for (const n of nodes) if (n.parent && byId.has(n.parent)) {
    if (!children.has(n.parent)) children.set(n.parent, []);
    children.get(n.parent).push(n.id);
  }
  const descendants = (id, depth, out) => { for (const c of children.get(id) || []) { out.push({ id: c, depth }); descendants(c, depth + 1, out); } return out; };
  // A layer holds no edge between its own segments, so a tall layer may be split into side-by-side
  // columns: give spare columns (up to maxColumns) to the layer whose split lowers the tallest column.
  const heightOf = (segs) => segs.reduce((h, s) => h + 1.5 + descendants(s, 1, []).length, 0);
  const splitInto = (segs, k) => { // k consecutive parts of about equal height, order kept
    const total = heightOf(segs), parts = [[]];
    let acc = 0;
    for (const s of segs) {
      const h = heightOf([s]);
      if (parts[parts.length - 1].length && parts.length < k && acc + h / 2 > (total * parts.length) / k) parts.push([]);
      parts[parts.length - 1].push(s);
      acc += h;
    }
    return parts;
  };
  const k = layers.map(() => 1);
  const maxColumns = Math.max(layers.length, Math.min(maxCols, segments.length));
  while (k.reduce((a, b) => a + b, 0) < maxColumns) {
    let best = -1, bestH = 0;
    layers.forEach((segs, i) => {
      if (k[i] >= segs.length) return;
      const h = Math.max(...splitInto(segs, k[i]).map(heightOf));
      if (h > bestH) { bestH = h; best = i; }
    });
    if (best < 0) break;
    const after = Math.max(...splitInto(layers[best], k[best] + 1).map(heightOf));
    if (after >= bestH) break;
    k[best]++;
  }
  const columns = layers.flatMap((segs, i) => splitInto(segs, k[i]));
  return { byId, columns, rowsOf: (seg) => descendants(seg, 1, []) };
}

// Builds the ECharts option and returns {option, height}. gapChain is one element of a gap report's
// "chains" (or null); opts: {width, selected, compact, changed:Set}.
export function chainMapOption(chainDef, gapChain, opts) {
  const { width, selected, compact, changed } = opts;
  const gap = new Map(((gapChain && gapChain.nodes) || []).map((g) => [g.node, g]));
  const { byId, columns, rowsOf } = layoutColumns(chainDef, width < 900 ? 3 : 4);
  const ncol = Math.max(1, columns.length);
  const HH = compact ? 26 : 30, RH = compact ? 24 : 28, GAP = compact ? 10 : 14, PAD = 10;
  const colW = width / ncol;
  const font = compact ? 11 : 12.5;
  const rows = []; // custom-series items
  const pos = new Map(); // node id → {xin, xout, y}
  let height = 0;
  columns.forEach((segs, c) => {
    const x0 = c * colW + PAD, x1 = (c + 1) * colW - (c === ncol - 1 ? PAD : 34);
    let y = PAD;
    for (const s of segs) {
      const kids = rowsOf(s);
      const bottom = y + HH + kids.length * RH + (kids.length ? 6 : 0);
      rows.push({ kind: 'box', x0: x0 - 4, x1: x1 + 4, y0: y - 4, y1: bottom + 2 });
      rows.push({ kind: 'head', id: s, depth: 0, x0, x1, y0: y, y1: y + HH });
      pos.set(s, { xin: x0, xout: x1, y: y + HH / 2 });
      kids.forEach((k, i) => {
        const y0 = y + HH + 3 + i * RH;
        rows.push({ kind: 'row', id: k.id, depth: k.depth, x0, x1, y0, y1: y0 + RH - 4 });
        pos.set(k.id, { xin: x0, xout: x1, y: y0 + (RH - 4) / 2 });
      });
      y = bottom + GAP;
    }
    height = Math.max(height, y);
  });
  const en = getLang() === 'en';
  const nodeName = (id) => nm(byId.get(id), id);
  const tip = (id) => {
    const n = byId.get(id), g = gap.get(id);
    let h = `<b>${esc(nodeName(id))}</b>${n && n.priority ? ' ★' : ''}<br/>`;
    if (!g) return h + esc(t('not_listed'));
    h += `${esc(t('status'))}: <b style="color:${STATUS_COLOR[statusKey(g.status)]}">${esc(statusLabel(g.status))}</b><br/>`;
    h += `${esc(t('gap_score'))}: ${num(g.gap_score, 3)} · ${esc(t('importance'))}: ${num(g.importance, 3)}<br/>`;
    h += `${esc(t('local_count'))}: ${int(g.local_count)} / ${esc(t('national_count'))}: ${int(g.national_count)}<br/>`;
    h += `${esc(t('local_share'))}: ${pct(g.local_share)} (${esc(t('benchmark'))} ${pct(g.components && g.components.benchmark)}) · RCA ${num(g.rca)}`;
    return h;
  };
  const maxImp = Math.max(1e-9, ...[...gap.values()].map((g) => g.importance || 0));
  const graphNodes = [];
  for (const [id, p] of pos) {
    const g = gap.get(id);
    const col = STATUS_COLOR[statusKey(g ? g.status : 'not_listed')];
    const size = g ? 7 + 15 * Math.sqrt(Math.max(0, g.importance || 0) / maxImp) : 6;
    graphNodes.push({ id: 'o:' + id, nodeId: id, value: [p.xout, p.y], symbolSize: size * (compact ? 0.8 : 1),
      itemStyle: { color: col, borderColor: '#fff', borderWidth: 1.5 } });
    graphNodes.push({ id: 'i:' + id, nodeId: id, value: [p.xin, p.y], symbolSize: 1, itemStyle: { opacity: 0 }, tooltip: { show: false }, silent: true });
  }
  const links = [];
  for (const e of chainDef.edges || []) {
    if (!pos.has(e.from) || !pos.has(e.to)) continue;
    const a = pos.get(e.from), b = pos.get(e.to);
    const edge = `${nodeName(e.from)} → ${nodeName(e.to)}`;
    if (a.xout === b.xout) // same column: right end to right end, bowing out to the right
      links.push({ source: 'o:' + e.from, target: 'o:' + e.to, edge, lineStyle: { curveness: a.y < b.y ? 0.35 : -0.35 } });
    else links.push({ source: 'o:' + e.from, target: 'i:' + e.to, edge });
  }
  const rowColor = (id) => STATUS_COLOR[statusKey(gap.has(id) ? gap.get(id).status : 'not_listed')];
  const option = {
    animation: false,
    grid: { left: 0, right: 0, top: 0, bottom: 0 },
    xAxis: { type: 'value', min: 0, max: width, show: false },
    yAxis: { type: 'value', min: 0, max: height, inverse: true, show: false },
    tooltip: { confine: true, formatter: (p) => (p.data && p.data.nodeId ? tip(p.data.nodeId) : p.data && p.data.edge ? esc(p.data.edge) : '') },
    series: [
      {
        type: 'custom', coordinateSystem: 'cartesian2d', z: 1,
        data: rows.map((r, i) => ({ value: [r.x0, r.y0, r.x1, r.y1, i], nodeId: r.id })),
        encode: { x: [0, 2], y: [1, 3] },
        clip: false,
        renderItem: (params, api) => {
          const r = rows[api.value(4)];
          const [ax, ay] = api.coord([r.x0, r.y0]);
          const [bx, by] = api.coord([r.x1, r.y1]);
          const w = bx - ax, h = by - ay;
          if (r.kind === 'box') return { type: 'rect', shape: { x: ax, y: ay, width: w, height: h, r: 6 }, style: { fill: '#f7f8fa', stroke: '#dfe3ea', lineWidth: 1 }, silent: true };
          const col = rowColor(r.id), g = gap.get(r.id), n = byId.get(r.id);
          const isSel = selected === r.id, isChanged = changed && changed.has(r.id);
          const head = r.kind === 'head';
          const indent = head ? 10 : 10 + (r.depth - 1) * 12;
          const status = g ? statusLabel(g.status) : t('not_listed');
          // the status word and the stage are shown when the column has room (the colour says it too)
          const showStatus = !compact && w > (en ? 300 : 200);
          const stage = head && n && n.stage && w > (en ? 260 : 150) ? ' · ' + t(n.stage) : '';
          const label = nodeName(r.id) + (n && n.priority ? ' ★' : '') + stage;
          const statusW = showStatus ? (en ? 74 : 52) : 0;
          return {
            type: 'group',
            children: [
              { type: 'rect', shape: { x: ax, y: ay, width: w, height: h, r: 4 },
                style: { fill: head ? hexA(col, 0.28) : hexA(col, 0.14), stroke: isSel ? '#1f2d3d' : isChanged ? '#3056d3' : hexA(col, 0.5), lineWidth: isSel || isChanged ? 2 : 1 } },
              { type: 'rect', shape: { x: ax, y: ay, width: 5, height: h, r: [4, 0, 0, 4] }, style: { fill: col } },
              { type: 'text', x: ax + indent, y: ay + h / 2,
                style: { text: label, fill: '#1f2d3d', font: `${head ? 'bold ' : ''}${font}px sans-serif`, verticalAlign: 'middle',
                  width: Math.max(20, w - indent - statusW - 16), overflow: 'truncate', ellipsis: '…' } },
              !showStatus ? null : { type: 'text', x: bx - 14, y: ay + h / 2,
                style: { text: status, fill: darker(col), font: `${font - 1.5}px sans-serif`, align: 'right', verticalAlign: 'middle' } },
            ].filter(Boolean),
          };
        },
      },
      {
        type: 'graph', coordinateSystem: 'cartesian2d', z: 3, layout: 'none',
        data: graphNodes, links,
        edgeSymbol: ['none', 'arrow'], edgeSymbolSize: [0, 6],
        lineStyle: { color: '#7b8794', opacity: 0.45, width: 1.2, curveness: 0.1 },
        emphasis: { lineStyle: { width: 2.2, opacity: 0.9 } },
        label: { show: false },
      },
    ],
  };
  return { option, height: Math.ceil(height + PAD) };
}

function hexA(hex, a) {
  const h = hex.replace('#', '');
  const v = parseInt(h, 16);
  return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${a})`;
}
function darker(hex) {
  const v = parseInt(hex.replace('#', ''), 16);
  const f = (x) => Math.round(x * 0.62);
  return `rgb(${f((v >> 16) & 255)},${f((v >> 8) & 255)},${f(v & 255)})`;
}

// Mounts (or updates) a chain map in `host`; onSelect(nodeId) on click. Returns the chart.
export function renderChainMap(host, chainDef, gapChain, opts = {}) {
  host._chainArgs = [chainDef, gapChain, opts];
  if (!host._ro && window.ResizeObserver) {
    // redraw when the host's width changes (side panel opening, window resize)
    host._ro = new ResizeObserver(() => {
      const w = Math.max(320, host.clientWidth || 800);
      if (host._chainWidth && Math.abs(w - host._chainWidth) > 2 && host.isConnected) renderChainMap(host, ...host._chainArgs);
    });
    host._ro.observe(host);
  }
  const width = Math.max(320, host.clientWidth || 800);
  const { option, height } = chainMapOption(chainDef, gapChain, { ...opts, width });
  host.style.height = height + 'px';
  host._chainWidth = width;
  let chart = echarts.getInstanceByDom(host);
  if (chart) chart.resize({ width, height });
  else chart = echarts.init(host, null, { renderer: 'canvas', width, height });
  chart.setOption(option, true);
  chart.off('click');
  if (opts.onSelect) chart.on('click', (p) => { if (p.data && p.data.nodeId) opts.onSelect(p.data.nodeId); });
  return chart;
}
