// View 4: what-if — pick firms to attract, see the chain map before and after (POST /api/whatif).
import { t, nm } from './i18n.js';
import { state, set, addList } from './state.js';
import * as data from './data.js';
import { post } from './api.js';
import { renderChainMap } from './chainmap.js';
import { legend } from './view-chain.js';
import { fill, el, num, statusChip, shortRegion } from './util.js';
import { showFirm } from './view-targets.js';

let token = 0;

export async function renderWhatif(host) {
  const my = ++token;
  fill(host, el('div', { class: 'loading' }, t('loading')));
  const [def, list] = await Promise.all([data.chainDef(state.chain), data.targets({ top: 100 })]);
  if (my !== token) return;
  const picked = addList();
  const known = new Map((list.targets || []).map((r) => [r.enterprise, r]));
  const pickedBox = el('div', { class: 'picked', 'data-testid': 'whatif-picked' },
    picked.length ? picked.map((id) => el('span', { class: 'pick' },
      el('a', { href: '#', onclick: (e) => { e.preventDefault(); showFirm(id); } }, known.get(id) ? known.get(id).name : id),
      el('button', { class: 'x', title: '×', onclick: () => set({ add: addList().filter((x) => x !== id).join(',') }) }, '×')))
      : el('span', { class: 'muted' }, t('whatif_none')));
  const result = el('div', { class: 'whatif-result', 'data-testid': 'whatif-result' });
  const pool = el('table', { class: 'targets-table compact' },
    el('thead', {}, el('tr', {}, ['', t('rank'), t('firm'), t('region'), t('score'), t('links')].map((h) => el('th', {}, h)))),
    el('tbody', {}, (list.targets || []).slice(0, 40).map((r) => el('tr', {},
      el('td', {}, el('input', { type: 'checkbox', checked: picked.includes(r.enterprise), 'data-firm': r.enterprise,
        onchange: (e) => { const a = addList().filter((x) => x !== r.enterprise); if (e.target.checked) a.push(r.enterprise); set({ add: a.join(',') }); } })),
      el('td', { class: 'num' }, r.rank), el('td', {}, r.name || r.enterprise), el('td', {}, shortRegion(r.region_name || r.region)),
      el('td', { class: 'num' }, num(r.score, 3)),
      el('td', {}, (r.links || []).slice(0, 3).map((l) => el('div', { class: 'link-cell' }, statusChip(l.status), ' ', l.name || l.node)))))));
  fill(host, 
    el('div', { class: 'view-head' }, el('h2', {}, t('whatif_pick')), el('span', { class: 'muted' }, t('whatif_hint'))),
    el('div', { class: 'toolbar' }, pickedBox,
      el('button', { class: 'primary', disabled: !picked.length, 'data-testid': 'whatif-run', onclick: () => run(def, result) }, t('whatif_run')),
      el('button', { class: 'mini', disabled: !picked.length, onclick: () => set({ add: '' }) }, t('whatif_clear'))),
    result,
    el('details', { open: !picked.length }, el('summary', {}, t('view_targets') + ' (top 40)'), pool));
  if (picked.length) run(def, result);
}

async function run(def, result) {
  const my = token;
  fill(result, el('p', { class: 'muted' }, t('loading')));
  let r;
  try {
    r = await post('whatif', { region: state.region, chain: state.chain, add: addList() });
  } catch (e) {
    fill(result, el('p', { class: 'error' }, String(e.message || e)));
    return;
  }
  if (my !== token) return;
  const before = data.chainOf(r.before, state.chain), after = data.chainOf(r.after, state.chain);
  const changes = (r.changes || []).filter((c) => !c.chain || c.chain === state.chain);
  const changed = new Set(changes.map((c) => c.node));
  const left = el('div', { class: 'chart' }), right = el('div', { class: 'chart' });
  fill(result, 
    el('p', { class: 'total' }, t('whatif_total', { b: num(r.total_gap_before, 3), a: num(r.total_gap_after, 3) })),
    el('h4', {}, t('whatif_changes')),
    changes.length ? el('table', { class: 'facts changes' }, changes.map((c) => el('tr', {},
      el('td', {}, c.name || c.node), el('td', {}, statusChip(c.status_before), ' → ', statusChip(c.status_after)),
      el('td', { class: 'num' }, `${num(c.gap_before, 3)} → ${num(c.gap_after, 3)}`)))) : el('p', { class: 'muted' }, t('whatif_nochange')),
    legend(null),
    el('div', { class: 'before-after' },
      el('div', {}, el('h4', {}, t('whatif_before'), ' ', el('span', { class: 'muted' }, nm(before || def))), left),
      el('div', {}, el('h4', {}, t('whatif_after')), right)));
  renderChainMap(left, def, before, { compact: true, changed });
  renderChainMap(right, def, after, { compact: true, changed });
}
