// chaingap web app: region and chain pickers, four views, Chinese UI with an English switch; the view
// state is the URL hash (state.js), so a copied URL reproduces what is on screen.
import './style.css';
import { t, nm, setLang, getLang, applyStatic } from './i18n.js';
import { state, readHash, writeHash, set, onChange, RANK_WEIGHTS } from './state.js';
import * as data from './data.js';
import { fill, el, debounce } from './util.js';
import { renderChain, renderPanel } from './view-chain.js';
import { renderMap } from './view-map.js';
import { renderTargets } from './view-targets.js';
import { renderWhatif } from './view-whatif.js';
import { renderChainMap } from './chainmap.js';

const VIEWS = { chain: renderChain, map: renderMap, targets: renderTargets, whatif: renderWhatif };
const $ = (id) => document.getElementById(id);
const statusLine = (msg, cls = '') => { const s = $('status-line'); s.textContent = msg || ''; s.className = cls; };

async function fillPickers() {
  const [ch, rg] = await Promise.all([data.chains(), data.regions()]);
  const regions = rg.regions || [];
  const kids = new Map();
  const byId = new Map(regions.map((r) => [String(r.id), r]));
  for (const r of regions) {
    const p = r.parent && byId.has(String(r.parent)) ? String(r.parent) : '';
    if (!kids.has(p)) kids.set(p, []);
    kids.get(p).push(r);
  }
  const opts = [];
  const walk = (p, depth) => { for (const r of kids.get(p) || []) { opts.push([r, depth]); walk(String(r.id), depth + 1); } };
  walk('', 0);
  const rs = $('region-select');
  fill(rs, ...opts.map(([r, d]) => el('option', { value: r.id }, '\u3000'.repeat(d) + (r.name || r.id) + (r.enterprises !== undefined ? `（${r.enterprises}）` : ''))));
  if (!state.region) state.region = String((opts[0] && opts[0][0].id) || '');
  rs.value = state.region;

  const list = ch.chains || [];
  const cs = $('chain-select');
  const groups = new Map();
  for (const c of list) { const g = c.clusters || ''; if (!groups.has(g)) groups.set(g, []); groups.get(g).push(c); }
  fill(cs, ...[...groups.entries()].map(([g, cl]) => {
    const opt = cl.map((c) => el('option', { value: c.id }, nm(c, c.id)));
    return g ? el('optgroup', { label: g }, opt) : opt;
  }).flat());
  if (!state.chain) state.chain = (list.find((c) => c.id === 'semiconductor') || list[0] || {}).id || '';
  cs.value = state.chain;
  writeHash();
}

let renderToken = 0;
async function render() {
  const my = ++renderToken;
  for (const b of document.querySelectorAll('#tabs button')) b.setAttribute('aria-selected', b.dataset.view === state.view ? 'true' : 'false');
  for (const v of Object.keys(VIEWS)) $('view-' + v).hidden = v !== state.view;
  if (state.view !== 'chain') $('side-panel').hidden = true;
  document.body.classList.toggle('with-panel', state.view === 'chain' && !!state.node);
  statusLine('');
  try {
    await VIEWS[state.view]($('view-' + state.view));
  } catch (e) {
    if (my === renderToken) statusLine(t('error') + ': ' + (e.message || e), 'error');
  }
}

function applyLang() {
  setLang(state.lang);
  applyStatic();
  $('lang-switch').textContent = getLang() === 'en' ? '中文' : 'English';
}

async function main() {
  readHash();
  if (!VIEWS[state.view]) state.view = 'chain';
  applyLang();
  $('lang-switch').addEventListener('click', () => set({ lang: getLang() === 'en' ? 'zh' : 'en' }));
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => set({ view: b.dataset.view }));
  $('region-select').addEventListener('change', (e) => set({ region: e.target.value, add: '' }));
  $('chain-select').addEventListener('change', (e) => set({ chain: e.target.value, node: '', add: '' }));
  try {
    await fillPickers();
  } catch (e) {
    statusLine(t('error') + ': ' + (e.message || e), 'error');
    return;
  }
  onChange(async (keys) => {
    if (keys.includes('lang')) { applyLang(); await fillPickers(); }
    // selecting a link in the chain map only redraws the highlight and the panel
    if (state.view === 'chain' && keys.every((k) => k === 'node' || k === 'add')) {
      if (keys.includes('node')) {
        const host = $('view-chain');
        document.body.classList.toggle('with-panel', !!state.node);
        if (host._redraw) host._redraw();
        if (state.node) renderPanel(host._def, host._gc, await data.gaps());
        else $('side-panel').hidden = true;
      }
      return;
    }
    if (keys.every((k) => k === 'add') && state.view !== 'whatif') return;
    if (keys.every((k) => k === 'k')) return;
    render();
  });
  window.addEventListener('hashchange', async () => { readHash(); applyLang(); await fillPickers().catch(() => {}); render(); });
  window.addEventListener('resize', debounce(() => render(), 200));
  render();
}

main();
export { RANK_WEIGHTS, renderChainMap };
