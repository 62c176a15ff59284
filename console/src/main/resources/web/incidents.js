// Incidents: the job's grouping of alarms (first-out first, the others under it, developments marked), and the
// board's place while a position is in flood: the console switches to this view when a flood starts and back
// when it ends, unless the officer chose a view themselves in between.
import { el, esc, time, askNote, toast } from './util.js';
import { get, post } from './api.js';
import { store, enterpriseName } from './store.js';
import { t } from './i18n.js';

let timer = null;
let switchedByFlood = false;
// Whether the page last knew of a flood: the console switches when one starts, not again while it lasts (an officer
// who went back to the board in a flood stays there).
let floodSeen = false;
// The positions in flood: from each look at the incidents, and between looks from the live feed, which tells at once
// (a look every 3 s, answered slowly while a flood loads the park's machines, came seconds late).
const flooded = new Set();
// Counts the live feed's flood messages: a look asked before the latest of them does not overrule it.
let pushes = 0;

export function startIncidents() {
  stopIncidents();
  poll();
  timer = setInterval(poll, 3000);
}

export function stopIncidents() {
  if (timer) clearInterval(timer);
  timer = null;
  switchedByFlood = false;
  floodSeen = false;
  flooded.clear();
}

// From the live feed: a position went into flood or out of it.
export function floodChanged(enterprise, inFlood) {
  pushes++;
  if (inFlood) flooded.add(enterprise); else flooded.delete(enterprise);
  follow();
  poll(); // the incidents themselves
}

const onBoard = () => ['', '#', '#/', '#/board'].includes(location.hash);
const onIncidents = () => location.hash === '#/incidents';

async function poll() {
  if (!store.me) return;
  const asked = pushes;
  let r;
  try { r = await get('/api/incidents'); } catch (e) { return; }
  if (!r.ok) return;
  store.incidents = r.data;
  if (asked === pushes) { flooded.clear(); r.data.inFlood.forEach(e => flooded.add(e)); }
  if (follow()) return;
  if (onIncidents()) render();
}

// Switches to the incidents when a flood starts and back when it ends, unless the officer chose a view in between;
// true when it switched (the view then draws itself).
function follow() {
  const flood = flooded.size > 0;
  document.body.classList.toggle('in-flood', flood);
  const starting = flood && !floodSeen;
  floodSeen = flood;
  if (starting && onBoard()) { switchedByFlood = true; location.hash = '#/incidents'; return true; }
  if (!flood && switchedByFlood && onIncidents()) { switchedByFlood = false; location.hash = '#/board'; return true; }
  if (!onIncidents()) switchedByFlood = false;
  return false;
}

export async function showIncidents() {
  if (!store.incidents) await poll();
  render();
}

function render() {
  const data = store.incidents || { incidents: [], inFlood: [] };
  const flood = data.inFlood.length
    ? `<div class="banner flood" id="flood-banner">${esc(t('incidents.flood', data.inFlood.map(enterpriseName).join('、')))}</div>` : '';
  const cards = data.incidents.map(card).join('') || `<p class="muted">${esc(t('incidents.none'))}</p>`;
  el('incidents').innerHTML = flood + cards;
  el('incidents').querySelectorAll('button[data-ack]').forEach(b => { b.onclick = () => act(b.dataset.ack, 'ack'); });
  el('incidents').querySelectorAll('button[data-close]').forEach(b => { b.onclick = () => act(b.dataset.close, 'close'); });
  el('incidents').querySelectorAll('details[data-timeline]').forEach(d => {
    d.ontoggle = () => { if (d.open) timeline(d); };
  });
}

const development = d => d ? `<span class="tag development">${esc(t('incidents.development.' + d))}</span>` : '';

function card(i) {
  const alarms = i.alarms.map((a, k) => `<li class="${a.closed ? 'closed' : ''}" data-alert="${esc(a.alertId)}">
      ${k === 0 ? `<span class="tag first-out">${esc(t('incidents.first-out'))}</span>` : ''}${development(a.development)}
      <a href="#/alert/${encodeURIComponent(a.alertId)}">${esc(a.subject)}</a>
      <span class="badge ${esc(a.level)}">${esc(t('level.' + a.level))}</span>
      ${a.kind ? esc(t('kind.' + a.kind.toLowerCase())) : ''} · ${esc(time(a.raisedAt))}
      ${a.acknowledged ? `<span class="muted">${esc(t('state.ACKNOWLEDGED'))}</span>` : ''}</li>`).join('');
  return `<article class="incident ${esc(i.state)}" data-incident="${esc(i.incidentId)}">
    <h3><span class="badge ${esc(i.worstLevel)}">${esc(t('level.' + i.worstLevel))}</span>
      ${esc(enterpriseName(i.enterpriseId))} · ${esc(t('incidents.scope.' + i.scope))} ·
      ${esc(t('incidents.summary', i.alarms[0].subject, i.alarmCount || i.alarms.length))}
      <small class="muted">${esc(t('incidents.state.' + i.state))} · ${esc(time(i.openedAt))}</small></h3>
    <ol class="incident-alarms">${alarms}</ol>
    ${i.alarmCount > i.alarms.length ? `<p class="muted incident-more">${esc(t('incidents.more', i.alarmCount - i.alarms.length))}</p>` : ''}
    <p>${i.state === 'OPEN' ? `<button data-ack="${esc(i.incidentId)}">${esc(t('incidents.ack'))}</button>` : ''}
      <button data-close="${esc(i.incidentId)}">${esc(t('incidents.close'))}</button></p>
    <details data-timeline="${esc(i.incidentId)}"><summary>${esc(t('incidents.timeline'))}</summary><ol></ol></details>
  </article>`;
}

async function timeline(d) {
  const r = await get('/api/incidents/' + encodeURIComponent(d.dataset.timeline));
  if (!r.ok) return;
  d.querySelector('ol').innerHTML = r.data.timeline.map(s =>
    `<li>${esc(time(s.at))} ${esc(t('incidents.step.' + s.type))}</li>`).join('');
}

async function act(id, what) {
  const n = await askNote(t(what === 'ack' ? 'incidents.ack' : 'incidents.close'), t('incidents.note-help'),
    { required: what === 'close', allowForce: what === 'close' && store.me.role === 'PARK_OFFICER' });
  if (!n) return;
  const r = await post(`/api/incidents/${encodeURIComponent(id)}/${what}`, { note: n.note, force: n.force });
  toast(r.ok ? t('incidents.sent') : ((r.data && r.data.error) || t('not-available')), !r.ok);
  poll();
}
