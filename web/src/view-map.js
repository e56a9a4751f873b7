// View 2: 招商地图 — where the capacity of one link sits. Provinces are drawn as a tile grid (one
// equal tile per province, placed by rough geography), not as a map: boundary data from npm packages
// has no clear licence and a published map of China needs an approved base map (审图号); a tile grid
// needs neither and shows shares without distorting them by area. Deeper levels (city/district) are
// shown as a ranked bar chart.
import { echarts } from './charts.js';
import { t, nm, getLang, groupName } from './i18n.js';
import { state, set } from './state.js';
import * as data from './data.js';
import { fill, el, pct, int, num, shortRegion, STATUS_COLOR, statusKey, statusLabel } from './util.js';

// [column, row] of each province tile (GB/T 2260 province codes).
export const TILES = {
  230000: [7, 0],
  150000: [4, 1], 110000: [5, 1], 210000: [6, 1], 220000: [7, 1],
  650000: [0, 2], 620000: [1, 2], 640000: [2, 2], 140000: [3, 2], 130000: [4, 2], 120000: [5, 2],
  540000: [0, 3], 630000: [1, 3], 610000: [2, 3], 410000: [3, 3], 370000: [4, 3],
  510000: [1, 4], 500000: [2, 4], 420000: [3, 4], 340000: [4, 4], 320000: [5, 4], 310000: [6, 4],
  530000: [1, 5], 520000: [2, 5], 430000: [3, 5], 360000: [4, 5], 330000: [5, 5],
  450000: [2, 6], 440000: [3, 6], 350000: [4, 6], 710000: [5, 6],
  460000: [2, 7], 820000: [3, 7], 810000: [4, 7],
};
const TILE_NAMES = { 710000: '台湾', 810000: '香港', 820000: '澳门' };
const TILE_NAMES_EN = {
  110000: 'Beijing', 120000: 'Tianjin', 130000: 'Hebei', 140000: 'Shanxi', 150000: 'Inner Mongolia', 210000: 'Liaoning', 220000: 'Jilin',
  230000: 'Heilongjiang', 310000: 'Shanghai', 320000: 'Jiangsu', 330000: 'Zhejiang', 340000: 'Anhui', 350000: 'Fujian', 360000: 'Jiangxi',
  370000: 'Shandong', 410000: 'Henan', 420000: 'Hubei', 430000: 'Hunan', 440000: 'Guangdong', 450000: 'Guangxi', 460000: 'Hainan',
  500000: 'Chongqing', 510000: 'Sichuan', 520000: 'Guizhou', 530000: 'Yunnan', 540000: 'Tibet', 610000: 'Shaanxi', 620000: 'Gansu',
  630000: 'Qinghai', 640000: 'Ningxia', 650000: 'Xinjiang', 710000: 'Taiwan', 810000: 'Hong Kong', 820000: 'Macao',
};

let token = 0;

function groupsSelected() { return new Set((state.from || '').split(',').filter(Boolean)); }

export async function renderMap(host) {
  const my = ++token;
  fill(host, el('div', { class: 'loading' }, t('loading')));
  const [def, rep, regs] = await Promise.all([data.chainDef(state.chain), data.gaps(), data.regions()]);
  if (my !== token) return;
  const gc = data.chainOf(rep, state.chain);
  const gap = new Map(((gc && gc.nodes) || []).map((g) => [g.node, g]));
  // default link: the selected one, else the largest gap
  let node = state.node;
  if (!(def.nodes || []).some((n) => n.id === node)) {
    const best = [...gap.values()].sort((a, b) => (b.gap_score || 0) - (a.gap_score || 0))[0];
    node = best ? best.node : (def.nodes[0] || {}).id;
  }
  const maxDepth = Math.max(0, ...((regs.regions || []).map((r) => r.depth || 0)));
  const level = Math.min(Number(state.level) || 0, maxDepth);
  const pres = await data.presence(state.chain, node, level);
  const pres0 = level === 0 ? pres : await data.presence(state.chain, node, 0);
  if (my !== token) return;

  const nodeSel = el('select', { 'data-testid': 'map-node', onchange: (e) => set({ node: e.target.value }) },
    (def.nodes || []).map((n) => {
      const g = gap.get(n.id);
      return el('option', { value: n.id, selected: n.id === node }, (n.parent ? '　' : '') + nm(n) + (g ? ' · ' + statusLabel(g.status) : ''));
    }));
  const levelSel = el('select', { onchange: (e) => set({ level: e.target.value }) },
    [0, 1, 2].filter((l) => l <= maxDepth).map((l) => el('option', { value: l, selected: l === level }, t('level_' + l))));
  const sel = groupsSelected();
  const groups = pres.groups || pres0.groups || [];
  const chips = el('div', { class: 'group-chips' }, groups.map((g) => el('button', {
    class: 'chip-btn' + (sel.has(g.id) ? ' on' : ''), 'aria-pressed': sel.has(g.id) ? 'true' : 'false',
    onclick: () => { const s = groupsSelected(); s.has(g.id) ? s.delete(g.id) : s.add(g.id); set({ from: [...s].join(',') }); },
  }, groupName(g))));
  const byRegion = new Map((pres0.regions || []).map((r) => [String(r.region), r]));
  const totals = groups.filter((g) => sel.has(g.id)).map((g) => {
    let count = 0, share = 0;
    for (const m of g.members || []) { const r = byRegion.get(String(m)); if (r) { count += r.count || 0; share += r.share || 0; } }
    return el('div', { class: 'group-total' }, t('map_group_total', { group: groupName(g), count: int(count), share: pct(share) }));
  });
  const g = gap.get(node);
  const tileChart = el('div', { class: 'chart tile-chart', 'data-testid': 'tile-map' });
  const barChart = el('div', { class: 'chart bar-chart' });
  const targetBox = el('div', { 'data-testid': 'map-targets' }, el('p', { class: 'muted' }, t('loading')));
  fill(host, 
    el('div', { class: 'view-head' },
      el('h2', {}, t('map_title', { node: nm((def.nodes || []).find((n) => n.id === node), pres.node_name || node) })),
      g ? el('span', {}, ' ', el('span', { class: 'chip', style: { background: STATUS_COLOR[statusKey(g.status)] } }, statusLabel(g.status)),
        ' ', el('span', { class: 'muted' }, `${rep.region_name || state.region}: ${t('local_count')} ${int(g.local_count)} · ${t('local_share')} ${pct(g.local_share)}`)) : null),
    el('div', { class: 'toolbar' },
      el('label', {}, t('map_pick_link'), ' ', nodeSel),
      el('span', { class: 'toolbar-label' }, t('map_groups')), chips,
      sel.size ? el('button', { class: 'link-btn', onclick: () => set({ view: 'targets' }) }, t('to_targets_from')) : null),
    totals.length ? el('div', { class: 'totals' }, totals) : null,
    el('div', { class: 'map-grid' },
      el('div', { class: 'map-left' }, tileChart, el('p', { class: 'muted small' }, t('map_note'))),
      el('div', { class: 'map-right' }, el('div', { class: 'toolbar' }, el('b', {}, t('regions_ranked')), ' ', t('map_level'), ' ', levelSel), barChart,
        el('h4', {}, t('map_targets')), targetBox)));
  drawTiles(tileChart, pres0, groups, sel, regs);
  drawBars(barChart, pres);
  // the ranked target firms at this link, those in the selected groups marked
  try {
    const list = await data.targets({ top: 200 });
    if (my !== token) return;
    const ids = data.subtree(def, node);
    const members = new Set();
    for (const gr of groups) if (sel.has(gr.id)) for (const m of gr.members || []) members.add(String(m));
    const inSel = (r) => [...members].some((m) => String(r.region) === m || String(r.region).startsWith(m.replace(/0000$/, '')));
    const rows = (list.targets || []).filter((r) => (r.links || []).some((l) => ids.has(l.node))).slice(0, 12);
    fill(targetBox, rows.length ? el('table', { class: 'facts map-targets' }, rows.map((r) => el('tr', { class: inSel(r) ? 'in-group' : '' },
      el('td', { class: 'num' }, r.rank), el('td', {}, r.name || r.enterprise), el('td', {}, shortRegion(r.region_name || r.region)),
      el('td', { class: 'num' }, num(r.score, 3))))) : el('p', { class: 'muted' }, t('no_targets')));
  } catch (e) { fill(targetBox, el('p', { class: 'error' }, String(e.message || e))); }
}

function drawTiles(host, pres, groups, sel, regs) {
  const names = new Map(((regs && regs.regions) || []).map((r) => [String(r.id), r.name]));
  const byRegion = new Map((pres.regions || []).map((r) => [String(r.region), r]));
  const inGroup = new Set();
  for (const g of groups) if (sel.has(g.id)) for (const m of g.members || []) inGroup.add(String(m));
  const home = String(state.region).slice(0, 2) + '0000';
  const maxShare = Math.max(0.0001, ...[...byRegion.values()].map((r) => r.share || 0));
  const en = getLang() === 'en';
  const items = Object.entries(TILES).map(([code, [x, y]]) => {
    const r = byRegion.get(code);
    const full = (r && r.name) || names.get(code) || TILE_NAMES[code] || code;
    const name = en ? TILE_NAMES_EN[code] || code : shortRegion(full);
    return { value: [x, y, r ? r.share || 0 : NaN, r ? r.count || 0 : 0], code, name, full, has: !!r };
  });
  const width = Math.max(360, host.clientWidth || 640);
  const height = Math.round(width * 0.8);
  host.style.height = height + 'px';
  const chart = echarts.getInstanceByDom(host) || echarts.init(host, null, { width, height });
  chart.resize({ width, height });
  chart.setOption({
    animation: false,
    grid: { left: 4, right: 4, top: 4, bottom: 40 },
    xAxis: { type: 'value', min: -0.5, max: 7.5, show: false },
    yAxis: { type: 'value', min: -0.5, max: 7.5, inverse: true, show: false },
    visualMap: { type: 'continuous', min: 0, max: maxShare, dimension: 2, orient: 'horizontal', left: 'center', bottom: 4, itemWidth: 12, itemHeight: 160,
      text: [pct(maxShare, 0), '0%'], calculable: false, inRange: { color: ['#eef3fb', '#6baed6', '#08306b'] }, outOfRange: { color: '#e6e6e6' } },
    tooltip: { formatter: (p) => {
      const d = p.data;
      return d.has ? `<b>${d.full}</b><br/>${t('count')}: ${int(d.value[3])}<br/>${t('share')}: ${pct(d.value[2])}` : `<b>${d.full || d.name}</b><br/>${t('map_no_data')}`;
    } },
    series: [{
      type: 'custom', coordinateSystem: 'cartesian2d', data: items, encode: { x: 0, y: 1 },
      renderItem: (params, api) => {
        const d = items[params.dataIndex];
        const [cx, cy] = api.coord([api.value(0), api.value(1)]);
        const [sw, sh] = api.size([1, 1]);
        const w = sw * 0.94, h = sh * 0.9;
        const share = api.value(2);
        const tileFill = Number.isFinite(share) && share > 0 ? api.visual('color') : '#f2f2f2';
        const dark = Number.isFinite(share) && share / maxShare > 0.45;
        const ring = inGroup.has(d.code), isHome = d.code === home;
        return {
          type: 'group', children: [
            { type: 'rect', shape: { x: cx - w / 2, y: cy - h / 2, width: w, height: h, r: 5 },
              style: { fill: tileFill, stroke: ring ? '#e8590c' : isHome ? '#1f2d3d' : '#c9d2de', lineWidth: ring ? 3 : isHome ? 2.5 : 1, lineDash: isHome && !ring ? [4, 3] : null } },
            { type: 'text', x: cx, y: cy - h * 0.14, style: { text: d.name, fill: dark ? '#fff' : '#1f2d3d', font: `bold ${Math.min(14, w / 5)}px sans-serif`, align: 'center', verticalAlign: 'middle', width: w - 4, overflow: 'truncate' } },
            { type: 'text', x: cx, y: cy + h * 0.22, style: { text: d.has ? pct(share) : '–', fill: dark ? '#e8eef7' : '#52606d', font: `${Math.min(12, w / 6)}px sans-serif`, align: 'center', verticalAlign: 'middle' } },
          ],
        };
      },
    }],
  }, true);
}

function drawBars(host, pres) {
  const rows = (pres.regions || []).slice().sort((a, b) => (b.share || 0) - (a.share || 0)).slice(0, 15).reverse();
  const width = Math.max(300, host.clientWidth || 400);
  const height = Math.max(200, rows.length * 26 + 40);
  host.style.height = height + 'px';
  const chart = echarts.getInstanceByDom(host) || echarts.init(host, null, { width, height });
  chart.resize({ width, height });
  chart.setOption({
    animation: false,
    grid: { left: 8, right: 56, top: 8, bottom: 20, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => pct(v, 0) }, splitLine: { lineStyle: { color: '#eee' } } },
    yAxis: { type: 'category', data: rows.map((r) => r.name || r.region), axisLabel: { width: 110, overflow: 'truncate' } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: (ps) => { const r = rows[ps[0].dataIndex]; return `<b>${r.name}</b><br/>${t('count')}: ${int(r.count)}<br/>${t('share')}: ${pct(r.share)}`; } },
    series: [{ type: 'bar', data: rows.map((r) => r.share || 0), itemStyle: { color: '#3b7dd8' }, barMaxWidth: 18,
      label: { show: true, position: 'right', formatter: (p) => pct(p.value) } }],
  }, true);
}
