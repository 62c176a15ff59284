// The park on its site plan (一张图): areas, tanks and units, detectors, each coloured by its worst state now;
// a detector with an unanswered alarm flashes. Zoom with the wheel or the buttons, pan by dragging; hovering
// shows the latest value, clicking opens the alert (or the detector's recent readings).
import { el, esc, fmt, time } from './util.js';
import { get } from './api.js';
import { store } from './store.js';
import { t } from './i18n.js';
import { lineChart } from './chart.js';

const RANK = { CRITICAL: 9, ALARM: 8, WARN: 7, RECOVERED: 6, SHELVED: 5, OUT_OF_SERVICE: 4, SUPPRESSED_BY_MODE: 3, MASKED: 2, NORMAL: 1 };
const worst = list => list.reduce((w, s) => (RANK[s] || 0) > (RANK[w] || 0) ? s : w, 'NORMAL');
let plan = null;

export async function loadPlan() {
  if (plan) return plan;
  const r = await get('/api/site-plan');
  plan = r.ok ? r.data : { areas: [], outline: [] };
  return plan;
}

// The state of every point the reader may see, from the park overview.
export async function pointStates() {
  const r = await get('/api/overview');
  const points = new Map(), enterprises = new Map(), units = new Map();
  if (!r.ok) return { points, enterprises, units };
  for (const e of r.data.enterprises) {
    enterprises.set(e.id, e);
    for (const u of e.units) {
      units.set(e.id + '|' + u.name, u);
      u.points.forEach(p => points.set(p.id, { ...p, enterprise: e.id, unitName: u.name }));
    }
  }
  return { points, enterprises, units };
}

// Points with an alarm nobody has answered yet: these flash until someone does.
function unanswered() {
  const out = new Set();
  for (const a of store.alerts.values()) if (a.state === 'ACTIVE' && !a.acknowledgedBy) out.add(a.point);
  return out;
}

const poly = pts => pts.map(p => p.join(',')).join(' ');

// The plan as SVG; `compact` (the wall screen) leaves out the small labels.
export function drawPlan(p, states, { compact = false } = {}) {
  if (!p.areas.length) return `<p class="muted">${t('map.no-plan')}</p>`;
  const flashing = unanswered();
  const label = (x, y, text, cls) => `<text x="${x}" y="${y}" class="${cls}">${esc(text)}</text>`;
  const areas = p.areas.map(a => {
    const ent = states.enterprises.get(a.enterprise);
    const status = ent ? ent.status : 'NORMAL';
    const first = a.outline[0] || [0, 0];
    const units = a.units.map(u => {
      const unit = states.units.get(a.enterprise + '|' + u.id);
      const s = unit ? unit.status : 'NORMAL';
      const shape = u.shape === 'circle'
        ? `<circle cx="${u.x}" cy="${u.y}" r="${u.r}" class="unit-shape status-${s}"/>`
        : `<rect x="${u.x - u.w / 2}" y="${u.y - u.h / 2}" width="${u.w}" height="${u.h}" class="unit-shape status-${s}"/>`;
      const top = u.shape === 'circle' ? u.y - u.r - 6 : u.y - u.h / 2 - 6;
      return `<g class="unit" data-unit="${esc(u.id)}">${shape}${label(u.x, top, u.id, 'unit-label')}</g>`;
    }).join('');
    const points = a.points.map(m => {
      const pt = states.points.get(m.point);
      const s = pt ? pt.status : 'NORMAL';
      const tip = pt ? `${pt.name} (${m.point})\n${fmt(pt.value)} ${pt.unit} · ${pt.readingAt ? time(pt.readingAt) : t('overview.no-data')}`
        + (s !== 'NORMAL' ? `\n${t('status.' + s)}` : '') : m.point;
      return `<g class="marker status-${s}${flashing.has(m.point) ? ' flash' : ''}" data-point="${esc(m.point)}"${pt && pt.alertId ? ` data-alert="${esc(pt.alertId)}"` : ''}>
        <circle cx="${m.x}" cy="${m.y}" r="9"/><title>${esc(tip)}</title></g>`;
    }).join('');
    // the enterprise's risk colour (风险预警) beside its name, apart from the alarm colours of the area
    const risk = states.risk && states.risk.get(a.enterprise);
    const riskTag = risk && risk.colour ? `<g class="risk-tag risk-${esc(risk.colour)}"><rect x="${first[0] + 8}" y="${first[1] + 30}"
        width="96" height="22" rx="4"/><text x="${first[0] + 56}" y="${first[1] + 46}">${esc(risk.colourName)}</text></g>` : '';
    return `<g class="area status-${status}" data-enterprise="${esc(a.enterprise)}"${risk && risk.colour ? ` data-risk="${esc(risk.colour)}"` : ''}>
      <polygon points="${poly(a.outline)}" class="area-shape"/>
      ${label(first[0] + 8, first[1] + 22, ent ? ent.name : a.enterprise, 'area-label')}${riskTag}${units}${points}</g>`;
  }).join('');
  const bg = p.background ? `<image href="${p.background}" x="0" y="0" width="${p.width}" height="${p.height}" preserveAspectRatio="none"/>` : '';
  return `<svg class="plan${compact ? ' compact' : ''}" viewBox="0 0 ${p.width} ${p.height}" role="img" aria-label="${t('map.label')}">
    ${bg}<polygon points="${poly(p.outline)}" class="park-outline"/>${areas}</svg>`;
}

// Wheel zoom and drag pan on an SVG, by its viewBox.
export function zoomable(svg, p) {
  if (!svg) return;
  let box = [0, 0, p.width, p.height], drag = null;
  const apply = () => svg.setAttribute('viewBox', box.join(' '));
  const zoom = (f, cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2) => {
    const w = Math.min(p.width, Math.max(p.width / 20, box[2] * f)), h = w * p.height / p.width;
    box = [cx - (cx - box[0]) * w / box[2], cy - (cy - box[1]) * h / box[3], w, h];
    apply();
  };
  svg.addEventListener('wheel', e => {
    e.preventDefault();
    const r = svg.getBoundingClientRect();
    zoom(e.deltaY > 0 ? 1.25 : 0.8, box[0] + (e.clientX - r.left) / r.width * box[2], box[1] + (e.clientY - r.top) / r.height * box[3]);
  }, { passive: false });
  svg.addEventListener('pointerdown', e => { drag = { x: e.clientX, y: e.clientY, box: [...box] }; });
  svg.addEventListener('pointermove', e => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    box[0] = drag.box[0] - (e.clientX - drag.x) / r.width * box[2];
    box[1] = drag.box[1] - (e.clientY - drag.y) / r.height * box[3];
    apply();
  });
  ['pointerup', 'pointerleave'].forEach(ev => svg.addEventListener(ev, () => { drag = null; }));
  return { zoomIn: () => zoom(0.8), zoomOut: () => zoom(1.25), reset: () => { box = [0, 0, p.width, p.height]; apply(); } };
}

let timer = null, pending = null, view = null;

export async function showMap() {
  clearInterval(timer);
  await render(true);
  timer = setInterval(() => { if (!el('view-map').hidden) render(false); else clearInterval(timer); }, 5000);
}

export function mapNotice() {
  if (el('view-map').hidden || pending) return;
  pending = setTimeout(() => { pending = null; render(false); }, 500);
}

async function render(fresh) {
  const p = await loadPlan();
  const [states, risk] = await Promise.all([pointStates(), get('/api/risk')]);
  states.risk = new Map(risk.ok ? risk.data.enterprises.map(e => [e.enterprise, e]) : []);
  const keep = el('map-canvas').querySelector('svg');
  const kept = keep ? keep.getAttribute('viewBox') : null;
  el('map-canvas').innerHTML = drawPlan(p, states);
  const svg = el('map-canvas').querySelector('svg');
  view = zoomable(svg, p);
  if (!fresh && kept && svg) svg.setAttribute('viewBox', kept); // a refresh keeps the reader's zoom
  if (fresh) el('map-point').innerHTML = '';
}

async function showPoint(id) {
  const to = Date.now(), from = to - 30 * 60000;
  const r = await get(`/api/points/${encodeURIComponent(id)}/readings?from=${from}&to=${to}`);
  if (!r.ok) { el('map-point').innerHTML = `<p class="error">${esc(r.data && r.data.error)}</p>`; return; }
  el('map-point').innerHTML = `<h3>${esc(r.data.name)} <small>${esc(id)}</small></h3>${lineChart(r.data.readings, { unit: r.data.unit })}`;
}

export function initMap() {
  el('map-canvas').addEventListener('click', e => {
    const g = e.target.closest('g.marker');
    if (!g) return;
    if (g.dataset.alert) location.hash = '#/alert/' + encodeURIComponent(g.dataset.alert);
    else showPoint(g.dataset.point);
  });
  el('map-zoom-in').onclick = () => view && view.zoomIn();
  el('map-zoom-out').onclick = () => view && view.zoomOut();
  el('map-reset').onclick = () => view && view.reset();
}
