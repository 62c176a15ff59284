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

function order(a, b) {
  if (urgency(a) !== urgency(b)) return urgency(a) - urgency(b);
  if (a.level !== b.level) return RANK[b.level] - RANK[a.level];
  return b.raisedAt.localeCompare(a.raisedAt);
}

function matches(a) {
  const f = id => el(id).value;
  const text = f('f-text').toLowerCase(), state = f('f-state');
  return (!f('f-enterprise') || a.enterprise === f('f-enterprise'))
    && (!f('f-level') || a.level === f('f-level'))
    && (!state || (state === 'open' ? a.state !== 'CLOSED' : a.state === state))
    && (!f('f-kind') || a.kind === f('f-kind'))
    && (!text || [a.point, a.tank, a.rule, a.message, a.enterprise, enterpriseName(a.enterprise)].join(' ')
      .toLowerCase().includes(text));
}

function options(id, values, label = v => v) {
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

export function renderBoard(flashIds = new Set()) {
  const list = [...store.alerts.values()];
  const open = l => list.filter(a => (a.state === 'ACTIVE' || a.state === 'ACKNOWLEDGED') && a.level === l).length;
  el('n-critical').textContent = open('CRITICAL');
  el('n-alarm').textContent = open('ALARM');
  el('n-warn').textContent = open('WARN');
  el('n-unacked').textContent = list.filter(a => urgency(a) <= 1).length;
  el('n-recovered').textContent = list.filter(a => a.state === 'RECOVERED').length;
  el('n-shelved').textContent = list.filter(a => a.state === 'SHELVED').length;
  options('f-enterprise', new Set(list.map(a => a.enterprise)), enterpriseName);
  options('f-kind', new Set(list.map(a => a.kind)), k => t('kind.' + k));
  const shown = list.filter(matches).sort(order);
  el('rows').innerHTML = shown.map(a => `
    <tr id="a-${esc(a.id)}" data-id="${esc(a.id)}" data-point="${esc(a.point)}" data-rule="${esc(a.rule)}" class="${a.level} ${a.state}${flashIds.has(a.id) ? ' flash' : ''}">
      <td><span class="badge ${a.level}">${t('level.' + a.level)}</span></td>
      <td class="state state-${a.state}">${t('state.' + a.state)}${a.repeatCount > 1 ? ` ×${a.repeatCount}` : ''}${a.acknowledgedBy ? `<br><small>${t('board.acked-by', esc(a.acknowledgedBy))}</small>` : ''}${heldBackNote(a)}</td>
      <td class="num">${time(a.raisedAt)}</td>
      <td><a href="#/alert/${encodeURIComponent(a.id)}">${esc(a.point)}</a>${a.tank ? ` <small>(${esc(a.tank)})</small>` : ''}</td>
      <td>${esc(enterpriseName(a.enterprise))}</td>
      <td class="num">${fmt(a.lastValue)} ${esc(a.unit)}</td>
      <td class="num">${fmt(a.peakValue)} ${esc(a.unit)}</td>
      <td>${esc(a.rule)}</td>
      <td>${esc(a.message)}</td>
      <td class="actions">${actionButtons(a)}</td>
    </tr>`).join('');
  // never claim "quiet" before the server has said so
  el('empty').textContent = t(store.firstSnapshot ? 'board.waiting' : 'board.quiet');
  el('empty').style.display = shown.length ? 'none' : 'block';
  const unanswered = list.filter(a => urgency(a) <= 1).length;
  document.title = (unanswered ? `(${unanswered}) ` : '') + t('board.title');
}

export function initBoard() {
  ['f-enterprise', 'f-level', 'f-state', 'f-kind', 'f-text'].forEach(id => el(id).addEventListener('input', () => renderBoard()));
  el('rows').addEventListener('click', e => {
    const b = e.target.closest('button[data-act]');
    if (b) act(b.dataset.act, b.dataset.id);
  });
}
