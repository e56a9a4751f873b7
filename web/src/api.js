// Thin client for the /api/ contract of `chaingap serve`. Errors carry the server's message text.
const cache = new Map();

export class ApiError extends Error {}

async function request(url, init) {
  let res;
  try {
    res = await fetch(url, init);
  } catch (e) {
    throw new ApiError(String(e.message || e));
  }
  const text = await res.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) throw new ApiError((body && body.error) || `HTTP ${res.status}`);
  if (body === null) throw new ApiError('invalid JSON from server');
  return body;
}

export function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) u.set(k, v === true ? '1' : String(v));
  return u.toString();
}

// GET with a small in-memory cache (the dataset behind the server is immutable).
export function get(path, params = {}) {
  const q = qs(params);
  const url = 'api/' + path + (q ? '?' + q : '');
  if (!cache.has(url)) {
    const p = request(url);
    cache.set(url, p);
    p.catch(() => cache.delete(url));
    if (cache.size > 200) cache.delete(cache.keys().next().value);
  }
  return cache.get(url);
}

export function post(path, body) {
  return request('api/' + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

export const xlsxUrl = (params) => 'api/targets.xlsx?' + qs(params);
