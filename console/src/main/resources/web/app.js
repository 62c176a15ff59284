// ParkWatch console: login, the live feed (a WebSocket that reconnects by itself) and the views.
import { el, RANK, toast } from './util.js';
import { store } from './store.js';
import { pointStates } from './map.js';
import { get, post, whenLoggedOut } from './api.js';
import { renderBoard, scheduleBoard, initBoard } from './board.js';
import { showDetail, detailNotice } from './detail.js';
import { showOverview, overviewNotice } from './overview.js';
import { initKpi, showKpi } from './kpi.js';
import { showMap, mapNotice, initMap } from './map.js';
import { showWall, stopWall, wallNotice, wallEvent } from './wall.js';
import { startBanners, stopBanners } from './banners.js';
import { startIncidents, stopIncidents, showIncidents, floodChanged } from './incidents.js';
import { showRisk } from './risk.js';
import { showQuality } from './quality.js';
import { initOperations, renderOperations, renderBoardOutOfService } from './operations.js';
import { t, loadLanguage, adoptUser, choose, language, LANGUAGES } from './i18n.js';

let ws = null, retry = 500, soundOn = false, audio = null, lastBeep = { at: 0, rank: 0 };
const SIGNED_IN = ['who', 'sound', 'conn', 'logout'];

el('sound').onclick = () => {
  soundOn = !soundOn;
  if (soundOn && !audio) audio = new AudioContext();
  el('sound').textContent = t(soundOn ? 'sound.on' : 'sound.enable');
};

// In a flood hundreds of alarms a second would be one long noise: at most one sound in 2 s, unless a higher level.
function beep(level) {
  if (!soundOn || !audio) return;
  const now = Date.now();
  if (now - lastBeep.at < 2000 && RANK[level] <= lastBeep.rank) return;
  lastBeep = { at: now, rank: RANK[level] };
  const times = level === 'CRITICAL' ? 3 : level === 'ALARM' ? 2 : 1;
  for (let i = 0; i < times; i++) {
    const o = audio.createOscillator(), g = audio.createGain();
    o.frequency.value = level === 'CRITICAL' ? 1100 : 880;
    o.connect(g); g.connect(audio.destination);
    const t = audio.currentTime + i * 0.35;
    g.gain.setValueAtTime(0.25, t); g.gain.exponentialRampToValueAtTime(0.001, t + 0.3);
    o.start(t); o.stop(t + 0.3);
  }
}

// A new alarm, or a rise in level, is announced: sound and a flashing row.
function louder(a, old) {
  return a.state === 'ACTIVE' && (!old || RANK[a.level] > RANK[old.level]);
}

function connect() {
  ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws?lang=' + language());
  const mine = ws;
  ws.onopen = () => { retry = 500; el('conn').textContent = t('conn.live'); el('conn').className = 'conn up'; };
  ws.onmessage = m => {
    const msg = JSON.parse(m.data);
    if (msg.type === 'snapshot') {
      // a large board comes in parts; the board shows the whole once the last is in (changes meanwhile stand)
      const incoming = store.incoming || (store.incoming = { alerts: new Map(), changed: new Set() });
      msg.alerts.forEach(a => { if (!incoming.changed.has(a.id)) incoming.alerts.set(a.id, a); });
      if (msg.last === false) return;
      store.incoming = null;
      const before = new Map(store.alerts), flash = new Set();
      store.alerts.clear();
      incoming.alerts.forEach(a => {
        store.alerts.set(a.id, a);
        if (!store.firstSnapshot && louder(a, before.get(a.id))) { flash.add(a.id); beep(a.level); }
      });
      store.firstSnapshot = false;
      scheduleBoard(flash);
      detailNotice(); // a fresh snapshot after falling behind: the events meanwhile were not sent one by one
      mapNotice();
      wallNotice();
    } else if (msg.type === 'alert') {
      const a = msg.alert, old = store.alerts.get(a.id);
      store.alerts.set(a.id, a);
      if (store.incoming) { store.incoming.alerts.set(a.id, a); store.incoming.changed.add(a.id); }
      const loud = louder(a, old);
      if (loud) beep(a.level);
      scheduleBoard(loud ? new Set([a.id]) : new Set());
      detailNotice(a.id);
      overviewNotice();
      mapNotice();
      wallNotice();
    } else if (msg.type === 'event') {
      detailNotice(msg.event.alertId);
      wallEvent(msg.event);
    } else if (msg.type === 'flood') {
      floodChanged(msg.enterprise, msg.inFlood);
    }
  };
  ws.onclose = e => {
    if (mine !== ws) return;
    el('conn').textContent = t('conn.reconnecting'); el('conn').className = 'conn down';
    if (e.code === 4401 || !store.me) { loggedOut(); return; } // the session ended
    // the server went away (a restart?): when it answers again, go on if the session still holds
    setTimeout(async () => {
      if (!store.me) return;
      try {
        if (!(await get('/api/me')).ok) return; // 401: whenLoggedOut shows the login
      } catch (err) { /* not up yet: the socket attempt below fails and we come back here */ }
      connect();
    }, retry);
    retry = Math.min(retry * 2, 10000);
  };
}

function loggedOut() {
  if (ws) { const w = ws; ws = null; w.close(); }
  store.me = null; store.alerts.clear(); store.firstSnapshot = true;
  el('nav').hidden = true; SIGNED_IN.forEach(id => { el(id).hidden = true; });
  stopBanners();
  stopIncidents();
  showView('login');
}

async function loggedIn(me) {
  store.me = me;
  await adoptUser(me);
  el('who').textContent = `${me.name} · ${me.role === 'PARK_OFFICER' ? t('role.officer') : me.enterprise}`;
  if (me.park) el('park-name').textContent = me.park;
  pointStates().then(s => {
    s.enterprises.forEach(e => store.names.set(e.id, e.name));
    store.names.set('park', t('kpi.position.park')); // the park's own position (its links to the loggers)
    renderBoard();
  });
  el('nav').hidden = false; SIGNED_IN.forEach(id => { el(id).hidden = false; });
  document.body.classList.toggle('officer', me.role === 'PARK_OFFICER');
  connect();
  startBanners();
  startIncidents();
  route();
}

export function showView(name) {
  document.querySelectorAll('.view').forEach(v => { v.hidden = v.id !== 'view-' + name; });
  document.querySelectorAll('#nav a').forEach(a => a.classList.toggle('here', a.dataset.view === name));
  document.body.classList.toggle('wall-mode', name === 'wall');
  if (name !== 'wall') stopWall();
}

function route() {
  if (!store.me) { showView('login'); return; }
  const [, view, id] = location.hash.split('/');
  if (view === 'alert' && id) { showView('alert'); showDetail(decodeURIComponent(id)); }
  else if (view === 'overview') { showView('overview'); renderOperations(); showOverview(); }
  else if (view === 'kpi') { showView('kpi'); showKpi(); }
  else if (view === 'incidents') { showView('incidents'); showIncidents(); }
  else if (view === 'risk') { showView('risk'); showRisk(); }
  else if (view === 'quality') { showView('quality'); showQuality(); }
  else if (view === 'map') { showView('map'); showMap(); }
  else if (view === 'wall') { showView('wall'); showWall(Number(id) || 20); }
  else { showView('board'); renderBoard(); renderBoardOutOfService(); }
}

el('login-form').onsubmit = async e => {
  e.preventDefault();
  el('login-error').textContent = '';
  const r = await post('/api/login', { username: el('login-user').value, password: el('login-password').value });
  if (!r.ok) { el('login-error').textContent = (r.data && r.data.error) || t('login.failed'); return; }
  el('login-password').value = '';
  const me = await get('/api/me');
  if (me.ok) loggedIn(me.data);
};

el('logout').onclick = async () => { store.me = null; await post('/api/logout'); loggedOut(); toast(t('toast.logged-out')); };
whenLoggedOut(() => { if (store.me) { toast(t('toast.session-ended'), true); } loggedOut(); });
window.addEventListener('hashchange', route);
initBoard();
initOperations();
initKpi();
initMap();

(async () => {
  await loadLanguage();
  el('lang').innerHTML = Object.entries(LANGUAGES).map(([k, v]) => `<option value="${k}">${v}</option>`).join('');
  el('lang').value = language();
  el('lang').onchange = () => choose(el('lang').value);
  const me = await get('/api/me');
  if (me.ok) loggedIn(me.data); else loggedOut();
})();
