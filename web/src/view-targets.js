// View 3: 目标企业库 — the ranked list; weight sliders re-rank live through the API; portfolio; Excel.
import { t, nm, getLang, groupName } from './i18n.js';
import { state, set, RANK_WEIGHTS, addList } from './state.js';
import * as data from './data.js';
import { xlsxUrl } from './api.js';
import { fill, el, num, pct, int, statusChip, labelName, shortRegion, debounce, esc } from './util.js';

let token = 0;
// gap_fill must stay positive (engine/src/rank/params.cpp gives it the range (0, 100]); the others may be 0.
const MIN_WEIGHT = { gap_fill: 0.05 };

export async function renderTargets(host) {
  const my = ++token;
  if (!host.querySelector('.targets-layout')) fill(host, el('div', { class: 'loading' }, t('loading')));
  let list, regs;
  try {
    [list, regs] = await Promise.all([data.targets(), data.regions()]);
  } catch (e) {
    if (my === token) fill(host, el('p', { class: 'error' }, String(e.message || e)));
    return;
  }
  if (my !== token) return;
  const w = list.weights || {};
  const groups = sourceGroups(regs);
  const sel = new Set((state.from || '').split(',').filter(Boolean));

  const relist = debounce((k, v) => set({ [k]: v }), 250);
  const sliders = el('div', { class: 'sliders', 'data-testid': 'weights' }, RANK_WEIGHTS.map((k) => {
    const v = Number(state[k] !== undefined && state[k] !== '' ? state[k] : w[k] ?? 0);
    const out = el('output', {}, v.toFixed(2));
    return el('label', { class: 'slider' }, el('span', {}, t('w_' + k)),
      el('input', { type: 'range', min: MIN_WEIGHT[k] || 0, max: 1, step: 0.05, value: v, 'data-weight': k,
        oninput: (e) => { out.textContent = Number(e.target.value).toFixed(2); relist(k, e.target.value); } }), out);
  }));
  const reset = el('button', { class: 'mini', onclick: () => set(Object.fromEntries(RANK_WEIGHTS.map((k) => [k, '']))) }, t('reset'));
  const topSel = el('select', { onchange: (e) => set({ top: e.target.value }) }, [20, 50, 100, 200].map((k) => el('option', { value: k, selected: String(k) === String(state.top || 50) }, k)));
  const localBox = el('input', { type: 'checkbox', checked: state.local === '1', onchange: (e) => set({ local: e.target.checked ? '1' : '' }) });
  const chips = el('div', { class: 'group-chips' }, groups.map((g) => el('button', {
    class: 'chip-btn' + (sel.has(g.id) ? ' on' : ''),
    onclick: () => { const s = new Set(sel); s.has(g.id) ? s.delete(g.id) : s.add(g.id); set({ from: [...s].join(',') }); },
  }, groupName(g))));
  const filter = el('input', { type: 'search', placeholder: t('filter'), value: state.q || '', 'data-testid': 'target-filter' });
  const kIn = el('input', { type: 'number', min: 1, max: 50, value: state.k || 5, style: { width: '4em' } });
  const portBox = el('div', { class: 'portfolio-result' });
  const runPortfolio = async () => {
    set({ k: kIn.value });
    fill(portBox, el('p', { class: 'muted' }, t('loading')));
    try {
      const p = await data.targets({ portfolio: kIn.value });
      fill(portBox, 
        el('p', {}, t('portfolio_res', { g: num(p.portfolio_gap_closed ?? p.greedy_gap_closed, 3), t: num(p.topk_gap_closed, 3), b: num(p.total_gap_before, 3) })),
        el('ol', { class: 'compact-list' }, (p.portfolio || []).map((r) => el('li', {}, r.name || r.enterprise, ' ',
          el('span', { class: 'muted' }, shortRegion(r.region_name || r.region) + (r.marginal_gap_closed !== undefined ? ' · +' + num(r.marginal_gap_closed, 3) : ''))))),
        el('button', { class: 'mini', onclick: () => set({ add: (p.portfolio || []).map((r) => r.enterprise).join(','), view: 'whatif' }) }, t('view_whatif') + ' →'));
    } catch (e) { fill(portBox, el('p', { class: 'error' }, String(e.message || e))); }
  };
  const xlsx = el('a', { class: 'button', href: xlsxUrl(data.targetQuery()), download: `targets-${state.region}-${state.chain}.xlsx`, 'data-testid': 'xlsx' }, '⬇ ' + t('download_xlsx'));

  const tbody = el('tbody');
  const picked = new Set(addList());
  const rows = (list.targets || []).concat((list.local || []).map((r) => ({ ...r, _local: true })));
  const fillRows = () => {
    const q = filter.value.trim().toLowerCase();
    fill(tbody, ...rows.filter((r) => !q || [r.name, r.enterprise, r.region_name, ...(r.labels || []).map(labelName), ...(r.links || []).map((l) => l.name)]
      .some((s) => String(s || '').toLowerCase().includes(q))).flatMap((r, i, all) => (r._local && !(i > 0 && all[i - 1]._local)
      ? [el('tr', { class: 'section' }, el('td', { colspan: 8 }, t('local_section'))), targetRow(r, picked)] : [targetRow(r, picked)])));
  };
  filter.addEventListener('input', debounce(() => { state.q = filter.value; fillRows(); }, 150));
  fillRows();
  fill(host, el('div', { class: 'targets-layout' },
    el('div', { class: 'targets-side' },
      el('h4', {}, t('weights'), ' ', reset), sliders,
      el('h4', {}, t('from_regions')), chips,
      el('label', { class: 'row' }, localBox, ' ', t('include_local')),
      el('label', { class: 'row' }, t('top_k'), ' ', topSel),
      el('h4', {}, t('portfolio')),
      el('div', { class: 'row' }, t('portfolio_k'), ' ', kIn, ' ', el('button', { class: 'mini', onclick: runPortfolio }, t('portfolio_run'))),
      portBox,
      el('div', { class: 'row' }, xlsx)),
    el('div', { class: 'targets-main' },
      el('div', { class: 'view-head' }, el('h2', {}, `${list.region_name || state.region} · ${t('view_targets')}`),
        el('span', { class: 'muted' }, t('candidates', { n: int(list.candidates), s: int(list.shown ?? rows.length) })), ' ', filter),
      el('table', { class: 'targets-table', 'data-testid': 'targets-table' },
        el('thead', {}, el('tr', {}, ['', t('rank'), t('firm'), t('region'), t('score'), t('links'), t('labels'), t('reason')].map((h) => el('th', {}, h)))),
        tbody))));
  if (state.k) runPortfolio();
}

function targetRow(r, picked) {
  const comps = r.components || {};
  const title = Object.entries(comps).map(([k, c]) => `${t('w_' + k)}: ${num(c.value, 2)} × ${num(c.weight, 2)} = ${num(c.contribution, 3)}`).join('\n');
  const maxScore = 1;
  const cb = el('input', { type: 'checkbox', checked: picked.has(r.enterprise), title: t('add_whatif'), disabled: r._local,
    onchange: (e) => { const a = addList().filter((x) => x !== r.enterprise); if (e.target.checked) a.push(r.enterprise); set({ add: a.join(',') }); } });
  return el('tr', { class: r._local ? 'local' : '' },
    el('td', {}, cb),
    el('td', { class: 'num' }, r.rank ?? ''),
    el('td', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); showFirm(r.enterprise); } }, r.name || r.enterprise)),
    el('td', {}, shortRegion(r.region_name || r.region)),
    el('td', { class: 'num', title }, el('div', { class: 'scorebar' }, el('i', { style: { width: Math.min(100, 100 * (r.score || 0) / maxScore) + '%' } }), el('span', {}, num(r.score, 3)))),
    el('td', {}, (r.links || []).slice(0, 4).map((l) => el('div', { class: 'link-cell' }, statusChip(l.status), ' ', l.name || l.node))),
    el('td', {}, (r.labels || []).map((l) => el('span', { class: 'tag' }, labelName(l)))),
    el('td', { class: 'small reason-cell' }, r.reason || ''));
}

function sourceGroups(regs) {
  // The group list is the server's (presence carries it); fall back to the documented three (002 第四章第三节).
  const known = new Set((regs.regions || []).map((r) => String(r.id)));
  const g = [
    { id: 'jingjinji', name: '京津冀', members: ['110000', '120000', '130000'] },
    { id: 'yangtze_delta', name: '长三角', members: ['310000', '320000', '330000', '340000'] },
    { id: 'gba', name: '粤港澳大湾区', members: ['440000', '810000', '820000'] },
  ];
  return g.filter((x) => x.members.some((m) => known.has(m)));
}

export async function showFirm(id) {
  const dlg = document.getElementById('firm-dialog') || document.body.appendChild(el('dialog', { id: 'firm-dialog' }));
  fill(dlg, el('p', {}, t('loading')));
  if (!dlg.open) dlg.showModal();
  try {
    const [f, ch] = await Promise.all([data.firm(id), data.chains().catch(() => ({ chains: [] }))]);
    const chainName = new Map((ch.chains || []).map((c) => [c.id, nm(c, c.id)]));
    fill(dlg, 
      el('div', { class: 'panel-head' }, el('h3', {}, f.name || f.id), el('button', { class: 'close', onclick: () => dlg.close() }, '×')),
      el('p', {}, `${f.id} · ${f.region_name || f.region} · ${t('revenue')} ${f.revenue == null ? '–' : int(f.revenue)}`),
      el('div', { class: 'labels' }, (f.labels || []).map((l) => el('span', { class: 'tag' }, labelName(l)))),
      el('table', { class: 'facts' }, el('tr', {}, el('th', {}, t('chain')), el('th', {}, t('links')), el('th', {}, t('weight'))),
        (f.links || []).map((l) => el('tr', {}, el('td', {}, chainName.get(l.chain) || l.chain), el('td', {}, l.node_name || l.node), el('td', { class: 'num' }, num(l.weight, 2))))));
  } catch (e) { fill(dlg, el('p', { class: 'error' }, String(e.message || e)), el('button', { onclick: () => dlg.close() }, t('close'))); }
}
