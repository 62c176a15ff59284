// The live alarm board: one row per alert, most urgent first, with the actions a person may take.
import { el, esc, fmt, time, RANK, toast, askNote } from './util.js';
import { command } from './api.js';
import { store, enterpriseName } from './store.js';
import { t } from './i18n.js';

// unanswered first: active, then recovered but never acknowledged; answered next; closed last
export function urgency(a) {
  const held = { MASKED: 3, SHELVED: 3, OUT_OF_SERVICE: 3, SUPPRESSED_BY_MODE: 3 };
  return { ACTIVE: 0, RECOVERED: a.acknowledgedBy ? 4 : 1, ACKNOWLEDGED: 2, CLOSED: 5, ...held }[a.state] ?? 6;
}

// At most this many rows are drawn: in a flood the board stays quick (the counts above cover every alert), and the
// rows drawn are the most urgent; the filters reach the rest.
export const ROWS_SHOWN = 200;

function order(a, b) {
  if (a.urgency !== b.urgency) return a.urgency - b.urgency;
  if (a.alert.level !== b.alert.level) return RANK[b.alert.level] - RANK[a.alert.level];
  return b.alert.raisedAt < a.alert.raisedAt ? -1 : b.alert.raisedAt > a.alert.raisedAt ? 1 : 0;
}

// One render per frame however many changes arrive (hundreds a second in a flood), and never more than a quarter of
// the page's time: a slow render (a weak PC, thousands of alarms) waits three times its own length before the next.
let frame = null, notBefore = 0;
const flashing = new Set();
export function scheduleBoard(flashIds = new Set()) {
  flashIds.forEach(id => flashing.add(id));
  if (frame) return;
  const run = () => {
    const wait = notBefore - performance.now();
    if (wait > 0) { frame = setTimeout(run, wait); return; }
    frame = null;
    const flash = new Set(flashing);
    flashing.clear();
    const t0 = performance.now();
    renderBoard(flash);
    notBefore = performance.now() + 3 * (performance.now() - t0);
  };
  // a tab in the background draws no frames, but its title (the count of unanswered alarms) must still change
  frame = document.hidden ? setTimeout(run, 250) : requestAnimationFrame(run);
}

// The filters as they are set now, read once per render (not once per alert).
function matcher() {
  const f = id => el(id).value;
  const text = f('f-text').toLowerCase(), state = f('f-state');
  const enterprise = f('f-enterprise'), level = f('f-level'), kind = f('f-kind');
  return a => (!enterprise || a.enterprise === enterprise)
    && (!level || a.level === level)
    && (!state || (state === 'open' ? a.state !== 'CLOSED' : a.state === state))
    && (!kind || a.kind === kind)
    && (!text || [a.point, a.tank, a.rule, a.message, a.enterprise, enterpriseName(a.enterprise)].join(' ')
      .toLowerCase().includes(text));
}

// A filter's choices, rewritten only when they change (a list someone has open is not pulled from under them).
const offered = new Map();
function options(id, values, label = v => v) {
  const key = t('filter.all') + '\u0000' + [...values].sort().map(v => v + '\u0001' + label(v)).join('\u0000');
  if (offered.get(id) === key) return;
  offered.set(id, key);
  const sel = el(id), keep = sel.value;
  sel.innerHTML = `<option value="">${t('filter.all')}</option>` + [...values].sort()
    .map(v => `<option value="${esc(v)}">${esc(label(v))}</option>`).join('');
  sel.value = keep;
}

// What this person may do with this alert now (the server checks again).
export function actionsFor(a) {
  const officer = store.me && store.me.role === 'PARK_OFFICER';
  const acts = [];
  if (a.state !== 'CLOSED' && !a.acknowledgedBy) acts.push(['ack', t('act.ack')]);
  if (a.state !== 'CLOSED') acts.push(['comment', t('act.comment')]);
  if (a.state === 'RECOVERED' || (officer && a.state !== 'CLOSED')) acts.push(['close', t('act.close')]);
  // a level-2 gas alarm can never be shelved (GB/T 50493): no button for it
  const criticalGas = a.level === 'CRITICAL' && a.kind.startsWith('gas');
  if (a.shelvedBy) acts.push(['unshelve', t('act.unshelve')]);
  else if (a.state !== 'CLOSED' && !criticalGas) acts.push(['shelve', t('act.shelve')]);
  return acts;
}

export function actionButtons(a) {
  return actionsFor(a).map(([act, label]) =>
    `<button type="button" class="act act-${act}" data-act="${act}" data-id="${esc(a.id)}">${label}</button>`).join(' ');
}

// Runs an action; notes are asked for in a dialog. Shared by the board and the detail view.
export async function act(action, id) {
  const a = store.alerts.get(id);
  let body = {};
  if (action === 'comment') {
    const n = await askNote(t('act.comment'), t('note.comment-help'));
    if (!n) return;
    body = { note: n.note };
  } else if (action === 'close') {
    const officer = store.me.role === 'PARK_OFFICER';
    const n = await askNote(t('act.close'), a && a.state === 'RECOVERED' ? t('note.close-help')
      : t('note.force-help'), { allowForce: officer && a && a.state !== 'RECOVERED' });
    if (!n) return;
    body = { note: n.note, force: n.force };
  } else if (action === 'shelve') {
    const n = await askNote(t('act.shelve'), t('note.shelve-help'), { minutes: true });
    if (!n) return;
    body = { reason: n.note, minutes: n.minutes };
  }
  const r = await command(id, action, body);
  toast(r.text, !r.ok);
}

// Why an alarm is held back: who shelved it until when, the permit, the reason or the mode.
export function heldBackNote(a) {
  if (a.shelvedBy) return `<br><small title="${esc(a.shelveReason)}">${t('board.shelved-until', esc(a.shelvedBy), time(a.shelvedUntil))}</small>`;
  if (a.heldBack === 'MASKED') return `<br><small>${t('board.permit', esc(a.heldBackBy))}</small>`;
  if (a.heldBackBy) return `<br><small>${t('board.held-by', esc(a.heldBackBy))}</small>`;
  return '';
}

// The cells of an alert's row.
function cells(a) {
  return `
      <td><span class="badge ${a.level}">${t('level.' + a.level)}</span></td>
      <td class="state state-${a.state}">${t('state.' + a.state)}${a.repeatCount > 1 ? ` ×${a.repeatCount}` : ''}${a.acknowledgedBy ? `<br><small>${t('board.acked-by', esc(a.acknowledgedBy))}</small>` : ''}${heldBackNote(a)}</td>
      <td class="num">${time(a.raisedAt)}</td>
      <td><a href="#/alert/${encodeURIComponent(a.id)}">${esc(a.point)}</a>${a.tank ? ` <small>(${esc(a.tank)})</small>` : ''}</td>
      <td>${esc(enterpriseName(a.enterprise))}</td>
      <td class="num">${fmt(a.lastValue)} ${esc(a.unit)}</td>
      <td class="num">${fmt(a.peakValue)} ${esc(a.unit)}</td>
      <td>${esc(a.rule)}</td>
      <td>${esc(a.message)}</td>
      <td class="actions">${actionButtons(a)}</td>`;
}

// Rows already drawn are kept while their alert is unchanged and only moved when the order changes: a new alarm at
// the top is one row added, not all of them drawn again (which, hundreds of times a second, froze the page).
const drawn = new Map(); // alert id -> { html, tr }
// A new or louder alarm's row flashes for 6 s; in a flood only the first few at a time, not a screen of blinking.
const FLASH_MS = 6000, MAX_FLASHING = 10;
const flashingUntil = new Map();

function drawRows(shown, flashIds) {
  const tbody = el('rows'), now = Date.now();
  for (const [id, until] of flashingUntil) if (until < now) flashingUntil.delete(id);
  flashIds.forEach(id => { if (flashingUntil.size < MAX_FLASHING) flashingUntil.set(id, now + FLASH_MS); });
  shown.forEach((a, i) => {
    const html = cells(a);
    let row = drawn.get(a.id);
    if (!row) {
      const tr = document.createElement('tr');
      tr.id = 'a-' + a.id;
      Object.assign(tr.dataset, { id: a.id, point: a.point, rule: a.rule });
      drawn.set(a.id, row = { html: null, tr });
    }
    if (row.html !== html) {
      row.tr.innerHTML = html;
      row.html = html;
    }
    const cls = `${a.level} ${a.state}${flashingUntil.has(a.id) ? ' flash' : ''}`;
    if (row.tr.className !== cls) row.tr.className = cls;
    const here = tbody.children[i];
    if (here !== row.tr) tbody.insertBefore(row.tr, here || null);
  });
  while (tbody.children.length > shown.length) {
    const gone = tbody.lastElementChild;
    drawn.delete(gone.dataset.id);
    gone.remove();
  }
}

export function renderBoard(flashIds = new Set()) {
  const list = [...store.alerts.values()];
  const n = { CRITICAL: 0, ALARM: 0, WARN: 0, unanswered: 0, RECOVERED: 0, SHELVED: 0 };
  const enterprises = new Set(), kinds = new Set(), matching = [], matches = matcher();
  for (const a of list) {
    const u = urgency(a);
    if ((a.state === 'ACTIVE' || a.state === 'ACKNOWLEDGED') && a.level in n) n[a.level]++;
    if (u <= 1) n.unanswered++;
    if (a.state === 'RECOVERED' || a.state === 'SHELVED') n[a.state]++;
    enterprises.add(a.enterprise);
    kinds.add(a.kind);
    if (matches(a)) matching.push({ alert: a, urgency: u });
  }
  el('n-critical').textContent = n.CRITICAL;
  el('n-alarm').textContent = n.ALARM;
  el('n-warn').textContent = n.WARN;
  el('n-unacked').textContent = n.unanswered;
  el('n-recovered').textContent = n.RECOVERED;
  el('n-shelved').textContent = n.SHELVED;
  options('f-enterprise', enterprises, enterpriseName);
  options('f-kind', kinds, k => t('kind.' + k));
  const shown = matching.sort(order).slice(0, ROWS_SHOWN).map(x => x.alert);
  el('board-more').hidden = matching.length <= ROWS_SHOWN;
  el('board-more').textContent = t('board.more', ROWS_SHOWN.toLocaleString(), matching.length.toLocaleString());
  drawRows(shown, flashIds);
  // never claim "quiet" before the server has said so
  el('empty').textContent = t(store.firstSnapshot ? 'board.waiting' : 'board.quiet');
  el('empty').style.display = matching.length ? 'none' : 'block';
  document.title = (n.unanswered ? `(${n.unanswered}) ` : '') + t('board.title');
}

export function initBoard() {
  ['f-enterprise', 'f-level', 'f-state', 'f-kind', 'f-text'].forEach(id => el(id).addEventListener('input', () => renderBoard()));
  el('rows').addEventListener('click', e => {
    const b = e.target.closest('button[data-act]');
    if (b) act(b.dataset.act, b.dataset.id);
  });
}
