// The monitoring center's wall screen (大屏): the park on its plan, counts by level, the alarms nobody has
// answered, the newest events, the enterprises and the park's alarm rate. Readable from a distance, no
// interaction needed: the main panel turns between the plan and the enterprises by itself. It runs for days
// without a reload, so it keeps nothing that grows: the DOM is rewritten in place, the events are a short ring.
import { el, esc, time } from './util.js';
import { get } from './api.js';
import { store } from './store.js';
import { t, clock } from './i18n.js';
import { loadPlan, pointStates, drawPlan } from './map.js';
import { urgency } from './board.js';

const EVENTS_KEPT = 12;
const events = [];
let timers = [], pending = null, panel = 0, rate = null;

export function wallEvent(e) {
  events.unshift(e);
  events.length = Math.min(events.length, EVENTS_KEPT);
  wallNotice();
}

export function wallNotice() {
  if (el('view-wall').hidden || pending) return;
  pending = setTimeout(() => { pending = null; render(); }, 1000);
}

// turnSeconds: how long each main panel stays (#/wall/10 for ten seconds; 20 by default).
export async function showWall(turnSeconds = 20) {
  stopWall();
  if (store.me && store.me.park) el('wall-park').textContent = store.me.park;
  await render();
  refreshRate();
  timers = [
    setInterval(() => { if (el('view-wall').hidden) stopWall(); else render(); }, 5000),
    setInterval(() => { el('wall-clock').textContent = time(Date.now()); }, 1000),
    setInterval(() => { panel = 1 - panel; turn(); }, Math.max(3, turnSeconds) * 1000),
    setInterval(refreshRate, 60000),
  ];
}

export function stopWall() {
  timers.forEach(clearInterval);
  timers = [];
}

function turn() {
  el('wall-panel-map').hidden = panel !== 0;
  el('wall-panel-ents').hidden = panel !== 1;
  el('wall-panel-name').textContent = t(panel === 0 ? 'wall.panel.map' : 'wall.panel.enterprises');
}

async function refreshRate() {
  const to = Date.now();
  const r = await get(`/api/kpi?from=${to - 86400000}&to=${to}`);
  if (!r.ok) return;
  const park = r.data.positions.find(p => !p.enterprise) || r.data.positions[0];
  rate = { day: r.data.annunciations, perHour: park ? park.perHour : 0, busiest: park ? park.peakPer10Min : 0 };
}

async function render() {
  const list = [...store.alerts.values()];
  const open = l => list.filter(a => (a.state === 'ACTIVE' || a.state === 'ACKNOWLEDGED') && a.level === l).length;
  el('w-critical').textContent = open('CRITICAL');
  el('w-alarm').textContent = open('ALARM');
  el('w-warn').textContent = open('WARN');
  const waiting = list.filter(a => urgency(a) <= 1).sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  el('w-unacked').textContent = waiting.length;
  el('wall-unanswered').innerHTML = waiting.slice(0, 8).map(a => `
    <li class="${a.level}"><span class="badge ${a.level}">${t('level.' + a.level)}</span>
      <b>${esc(a.message)}</b> <span class="num">${time(a.raisedAt)}</span></li>`).join('')
    || `<li class="quiet">${t('wall.none-unanswered')}</li>`;
  el('wall-events').innerHTML = events.map(e => `
    <li><span class="num">${time(e.detectedAt)}</span> <b>${t('event.' + e.type)}</b> ${esc(e.message)}</li>`).join('')
    || `<li class="quiet">${t('wall.no-events')}</li>`;
  el('wall-rate').innerHTML = rate ? t('wall.rate', rate.day, rate.perHour, rate.busiest) : '–';
  const [p, states] = await Promise.all([loadPlan(), pointStates()]);
  el('wall-panel-map').innerHTML = drawPlan(p, states, { compact: true });
  el('wall-panel-ents').innerHTML = `<table class="wall-ents">${[...states.enterprises.values()].map(e => `
    <tr class="status-${e.status}"><td>${esc(e.name)}</td><td><span class="status-tag ${e.status}">${t('status.' + e.status)}</span></td>
      <td>${t('overview.open-alerts', e.openAlerts)}</td>
      <td class="${e.logger.offline ? 'offline' : ''}">${t('overview.logger')} ${t(e.logger.offline ? 'overview.offline' : 'overview.online')}</td></tr>`).join('')}</table>`;
}
