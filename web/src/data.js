// Data loaders over the API, shared by the views.
import { get } from './api.js';
import { state, weights } from './state.js';

export const chains = () => get('chains');
export const chainDef = (id) => get('chains/' + encodeURIComponent(id));
export const regions = () => get('regions');
export const gaps = (region = state.region, chain = state.chain) => get('gaps', { region, chain });
export const firm = (id) => get('firms/' + encodeURIComponent(id));
export const presence = (chain, node, level) => get('presence', { chain, node, level });

// Query of the target list as the URL state describes it.
export function targetQuery(extra = {}) {
  return { region: state.region, chain: state.chain, top: state.top || 50, local: state.local === '1', from_regions: state.from, ...weights(), ...extra };
}
export const targets = (extra) => get('targets', targetQuery(extra));

// The gap report's entry for one chain, or null.
export function chainOf(report, chain) {
  return ((report && report.chains) || []).find((c) => c.chain === chain || c.id === chain) || null;
}
// Ids of a node and all nodes below it.
export function subtree(def, id) {
  const kids = new Map();
  for (const n of def.nodes || []) if (n.parent) { if (!kids.has(n.parent)) kids.set(n.parent, []); kids.get(n.parent).push(n.id); }
  const out = new Set();
  const walk = (x) => { out.add(x); for (const c of kids.get(x) || []) walk(c); };
  walk(id);
  return out;
}
