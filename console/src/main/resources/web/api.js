// The console's JSON API (docs/console-api.md). The session travels in an HttpOnly cookie; every call asks for
// the page's language, so refusals and alert sentences come back in it.
import { t, language } from './i18n.js';

let onLoggedOut = () => {};
export function whenLoggedOut(f) { onLoggedOut = f; }

export async function call(method, path, body) {
  const opts = { method, headers: {}, credentials: 'same-origin' };
  if (body !== undefined) { opts.headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
  const res = await fetch(path + (path.includes('?') ? '&' : '?') + 'lang=' + language(), opts);
  const data = (res.headers.get('content-type') || '').startsWith('application/json') ? await res.json() : null;
  if (res.status === 401 && path !== '/api/login') onLoggedOut();
  return { status: res.status, ok: res.ok, data };
}

export const get = path => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});

// Acknowledge, comment or close; answers with a sentence for the toast and whether it worked.
export async function command(alertId, action, body) {
  const r = await post(`/api/alerts/${encodeURIComponent(alertId)}/${action}`, body);
  if (r.status === 200) return { ok: true, text: r.data.event.message };
  if (r.status === 202) return { ok: true, text: t('toast.sent-no-answer') };
  return { ok: false, text: (r.data && r.data.error) || t('toast.failed', r.status) };
}
