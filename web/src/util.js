import { t, getLang } from './i18n.js';

export const STATUS_COLOR = {
  missing: '#d7301f', single_point: '#f08c00', weak: '#e9c600', strong: '#2b9348',
  absent_everywhere: '#a6a6a6', no_data: '#a6a6a6', not_listed: '#cfcfcf',
};
export const STATUS_ORDER = ['missing', 'single_point', 'weak', 'strong', 'no_data'];
export const statusKey = (s) => (s === 'absent_everywhere' ? 'no_data' : STATUS_COLOR[s] ? s : 'not_listed');
export const statusLabel = (s) => t(statusKey(s));

// Tier labels of enterprises.csv (000 二.6).
const LABELS = {
  fortune500: ['世界500强', 'Fortune Global 500'], china500: ['中国500强', 'China Top 500'], top10: ['行业前10强', 'Industry top 10'],
  chain_leader: ['链主企业', 'Chain leader'], little_giant: ['专精特新“小巨人”', 'Little giant'], srdi: ['专精特新', 'SRDI'],
  listed: ['上市公司', 'Listed'], hightech: ['高新技术企业', 'High-tech'],
};
export const labelName = (l) => (LABELS[l] ? LABELS[l][getLang() === 'en' ? 1 : 0] : l);

export const pct = (x, d = 1) => (Number.isFinite(x) ? (100 * x).toFixed(d) + '%' : '–');
export const num = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '–');
export const int = (x) => (Number.isFinite(x) ? Math.round(x).toLocaleString(getLang() === 'en' ? 'en-US' : 'zh-CN') : '–');

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'style' && typeof v === 'object') Object.assign(e.style, v);
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

export function statusChip(s) {
  const k = statusKey(s);
  return el('span', { class: 'chip status-' + k, style: { background: STATUS_COLOR[k] } }, statusLabel(s));
}

export function esc(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}

export function debounce(f, ms) {
  let h;
  return (...a) => { clearTimeout(h); h = setTimeout(() => f(...a), ms); };
}

// Province short names for tiles and compact labels.
export function shortRegion(name) {
  return String(name || '').replace(/(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)$/, '') || name;
}

// replaceChildren without the null/false placeholders of conditional children.
export function fill(node, ...children) {
  node.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}
