// Warnings about ParkWatch itself for park officers: a delivery channel failing, demo passwords in force.
// Silence must never look like calm, so these stay on screen until the cause is gone.
import { el } from './util.js';
import { get } from './api.js';
import { store } from './store.js';

let timer = null;

async function refresh() {
  if (!store.me) return;
  let r;
  try { r = await get('/api/status'); } catch (e) { return; }
  if (!r.ok) return;
  const box = el('banners');
  box.replaceChildren(...r.data.warnings.map(w => {
    const d = document.createElement('div');
    d.className = 'banner ' + (w.kind === 'DELIVERY_FAILING' ? 'failing' : 'demo');
    d.dataset.kind = w.kind;
    d.textContent = w.message;
    return d;
  }));
  box.hidden = r.data.warnings.length === 0;
}

export function startBanners() {
  stopBanners();
  refresh();
  timer = setInterval(refresh, 15000);
}

export function stopBanners() {
  if (timer) clearInterval(timer);
  timer = null;
  el('banners').replaceChildren();
  el('banners').hidden = true;
}
