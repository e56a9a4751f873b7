// The view state lives in the URL hash (#view=chain&region=500000&chain=semiconductor&node=…), so a
// copied link reproduces the view.
export const RANK_WEIGHTS = ['gap_fill', 'strength', 'downstream_demand', 'quality', 'size', 'relatedness', 'source_region'];
const KEYS = ['view', 'lang', 'region', 'chain', 'node', 'from', 'top', 'local', 'k', 'add', 'q', 'level', ...RANK_WEIGHTS];

export const state = { view: 'chain', lang: 'zh', region: '', chain: '', node: '', from: '', top: '50', local: '', k: '', add: '', q: '', level: '0' };
const listeners = [];

export function readHash() {
  const h = new URLSearchParams(location.hash.replace(/^#/, ''));
  for (const k of KEYS) if (h.has(k)) state[k] = h.get(k);
}

export function writeHash() {
  const h = new URLSearchParams();
  for (const k of KEYS) if (state[k] !== undefined && state[k] !== '' && !(k === 'top' && state[k] === '50') && !(k === 'level' && state[k] === '0')) h.set(k, state[k]);
  const s = '#' + h.toString();
  if (location.hash !== s) history.replaceState(null, '', s);
}

export function set(patch) {
  const changed = Object.keys(patch).filter((k) => state[k] !== patch[k]);
  if (!changed.length) return;
  Object.assign(state, patch);
  writeHash();
  for (const f of listeners) f(changed);
}
export const onChange = (f) => listeners.push(f);

export function weights() {
  const w = {};
  for (const k of RANK_WEIGHTS) if (state[k] !== undefined && state[k] !== '') w[k] = state[k];
  return w;
}
export const addList = () => (state.add ? state.add.split(',').filter(Boolean) : []);
