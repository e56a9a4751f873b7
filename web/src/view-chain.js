// View 1: 产业链图谱 with the link panel (numbers, local firms, top targets with reasons).
import { t, nm } from './i18n.js';
import { state, set, addList } from './state.js';
import * as data from './data.js';
import { renderChainMap } from './chainmap.js';
import { fill, el, statusChip, pct, num, int, labelName, STATUS_COLOR, STATUS_ORDER, shortRegion } from './util.js';

let token = 0;
let panelToken = 0;

export function legend(counts) {
  return el('div', { class: 'legend' },
    STATUS_ORDER.map((s) => el('span', { class: 'legend-item' },
      el('i', { style: { background: STATUS_COLOR[s] } }), t(s),
      counts ? el('b', {}, ' ' + (s === 'no_data' ? counts.absent_everywhere ?? 0 : counts[s] ?? 0)) : null)),
    el('span', { class: 'legend-item muted' }, '● ' + t('legend_size')),
    el('span', { class: 'legend-item muted' }, '★ ' + (document.documentElement.lang === 'en' ? 'priority link (重点引进)' : '重点引进环节')));
}

export async function renderChain(host) {
  const my = ++token;
  fill(host, el('div', { class: 'loading' }, t('loading')));
  const [def, rep] = await Promise.all([data.chainDef(state.chain), data.gaps()]);
  if (my !== token) return;
  const gc = data.chainOf(rep, state.chain);
  const chart = el('div', { class: 'chart chain-chart', 'data-testid': 'chain-chart' });
  const c = (gc && gc.counts) || {};
  fill(host, 
    el('div', { class: 'view-head' },
      el('h2', {}, t('summary', { region: rep.region_name || state.region, chain: nm(gc || def), missing: c.missing ?? 0,
        single_point: c.single_point ?? 0, weak: c.weak ?? 0, strong: c.strong ?? 0, local: int(rep.local_enterprises) })),
      el('p', { class: 'muted' }, t('click_hint'))),
    legend(c),
    el('div', { class: 'chart-scroll' }, chart));
  const draw = () => renderChainMap(chart, def, gc, { selected: state.node, onSelect: (id) => set({ node: id }) });
  draw();
  host._redraw = draw;
  host._def = def; host._gc = gc;
  if (state.node) renderPanel(def, gc, rep);
  else document.getElementById('side-panel').hidden = true;
}

// Local firms of a link when the gap JSON carries them (field names read defensively).
function localFirmsOf(g) {
  for (const k of ['local_firms', 'firms', 'evidence', 'local']) if (g && Array.isArray(g[k])) return g[k];
  return null;
}

export async function renderPanel(def, gc, rep) {
  const panel = document.getElementById('side-panel');
  const node = state.node;
  const n = (def.nodes || []).find((x) => x.id === node);
  if (!n) { panel.hidden = true; return; }
  const g = ((gc && gc.nodes) || []).find((x) => x.node === node);
  const my = ++panelToken;
  panel.hidden = false;
  const close = el('button', { class: 'close', title: t('close'), 'aria-label': t('close'), onclick: () => set({ node: '' }) }, '×');
  const facts = g ? el('table', { class: 'facts' },
    [[t('gap_score'), num(g.gap_score, 3)], [t('importance'), num(g.importance, 3)],
      [t('local_count'), int(g.local_count)], [t('national_count'), int(g.national_count)],
      [t('local_share'), pct(g.local_share)], [t('benchmark'), pct(g.components ? g.components.benchmark : rep.benchmark)],
      [t('rca'), num(g.rca)], [t('downstream_links'), g.components ? int(g.components.downstream_links) : '–']]
      .map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v)))) : el('p', { class: 'muted' }, t('not_listed'));
  const lf = localFirmsOf(g);
  const localBox = el('div', { class: 'panel-section' }, el('h4', {}, t('local_firms')),
    lf ? (lf.length ? el('ul', { class: 'firm-list' }, lf.slice(0, 30).map((f) => el('li', {},
      el('b', {}, f.name || f.enterprise || f.id || ''), ' ', el('span', { class: 'muted' }, shortRegion(f.region_name || f.region || '')),
      (f.evidence || f.reason) ? el('div', { class: 'small' }, typeof (f.evidence || f.reason) === 'string' ? (f.evidence || f.reason) : JSON.stringify(f.evidence)) : null))) : el('p', { class: 'muted' }, t('local_firms_none')))
      : el('p', { class: 'muted' }, g && g.local_count === 0 ? t('local_firms_none') : t('local_firms_na', { n: g ? int(g.local_count) : '–' })));
  const targetsBox = el('div', { class: 'panel-section', 'data-testid': 'panel-targets' }, el('h4', {}, t('top_targets')), el('p', { class: 'muted' }, t('loading')));
  fill(panel, 
    el('div', { class: 'panel-head' }, el('h3', {}, nm(n)), close),
    el('div', { class: 'panel-sub' }, g ? statusChip(g.status) : null, n.priority ? el('span', { class: 'chip prio' }, '★ ' + (document.documentElement.lang === 'en' ? 'priority' : '重点引进')) : null,
      el('button', { class: 'link-btn', onclick: () => set({ view: 'map' }) }, t('on_map'))),
    facts,
    g && g.reason ? el('p', { class: 'reason' }, g.reason) : null,
    localBox, targetsBox);
  try {
    const list = await data.targets({ top: 200, local: true });
    if (my !== panelToken) return;
    const ids = data.subtree(def, node);
    // no firm list in the gap JSON: the local firms the target list ranks at this gap link (--local)
    const localRows = (list.local || []).filter((r) => (r.links || []).some((l) => ids.has(l.node)));
    if (!lf && localRows.length) fill(localBox, el('h4', {}, t('local_firms')), el('p', { class: 'muted small' }, t('local_from_targets')),
      el('ul', { class: 'firm-list' }, localRows.slice(0, 20).map((r) => el('li', {}, el('b', {}, r.name || r.enterprise), ' ',
        el('span', { class: 'muted' }, shortRegion(r.region_name || r.region)), (r.labels || []).length ? ' ' : null,
        (r.labels || []).map((l) => el('span', { class: 'tag' }, labelName(l)))))));
    const rows = (list.targets || []).filter((r) => (r.links || []).some((l) => ids.has(l.node))).slice(0, 10);
    const picked = new Set(addList());
    fill(targetsBox, el('h4', {}, t('top_targets')),
      rows.length ? el('ol', { class: 'target-list' }, rows.map((r) => el('li', { 'data-testid': 'panel-target' },
        el('div', { class: 'tl-head' }, el('b', {}, r.name || r.enterprise), ' ',
          el('span', { class: 'muted' }, shortRegion(r.region_name || r.region)), ' ',
          el('span', { class: 'score' }, t('score') + ' ' + num(r.score, 3))),
        (r.labels || []).length ? el('div', { class: 'labels' }, r.labels.map((l) => el('span', { class: 'tag' }, labelName(l)))) : null,
        el('div', { class: 'small' }, r.reason || ''),
        el('button', { class: 'mini', disabled: picked.has(r.enterprise), onclick: (ev) => {
          const a = addList(); if (!a.includes(r.enterprise)) a.push(r.enterprise);
          ev.target.disabled = true; ev.target.textContent = t('added');
          set({ add: a.join(',') });
        } }, picked.has(r.enterprise) ? t('added') : t('add_whatif')))))
        : el('p', { class: 'muted' }, t('no_targets')));
  } catch (e) {
    fill(targetsBox, el('h4', {}, t('top_targets')), el('p', { class: 'error' }, String(e.message || e)));
  }
}
