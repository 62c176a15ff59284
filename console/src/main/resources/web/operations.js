// How the plants are operated: each plant's and unit's mode (changed from here, with a reason), and the instruments
// out of service with their age (returned to service from here). Shown on the overview and, the list, on the board.
import { el, esc, time, toast, askNote } from './util.js';
import { get, post } from './api.js';
import { t } from './i18n.js';

let last = null;

const modeName = m => { const k = 'mode.' + m, s = t(k); return s === k ? m : s; };

export async function loadOperations() {
  const r = await get('/api/operations');
  if (r.ok) last = r.data;
  return last;
}

function oosTable(ops) {
  if (!ops.outOfService.length) return `<p class="muted">${t('ops.oos-none')}</p>`;
  return `<table class="ops-oos"><thead><tr><th>${t('ops.point')}</th><th>${t('ops.reason')}</th><th>${t('ops.since')}</th>
    <th>${t('ops.expected')}</th><th>${t('ops.age')}</th><th>${t('ops.by')}</th><th></th></tr></thead><tbody>${ops.outOfService.map(o => `
    <tr class="${o.overdue ? 'overdue' : ''}" data-point="${esc(o.point)}"><td>${esc(o.point)} <small>${esc(o.name)}</small></td><td>${esc(o.reason)}</td>
      <td class="num">${time(o.since)}</td><td class="num">${time(o.expectedReturn)}${o.overdue ? ` <b class="unacked">${t('ops.overdue')}</b>` : ''}</td>
      <td class="num">${t('ops.hours', o.ageHours)}</td><td>${esc(o.by)}</td>
      <td><button type="button" class="act" data-return="${esc(o.point)}">${t('ops.return')}</button></td></tr>`).join('')}</tbody></table>`;
}

// The board's short list: only when something is out of service.
export async function renderBoardOutOfService() {
  const ops = await loadOperations();
  if (!ops) return;
  el('board-oos').innerHTML = ops.outOfService.length ? `<h3>${t('ops.oos')}</h3>${oosTable(ops)}` : '';
}

export async function renderOperations() {
  const ops = await loadOperations();
  if (!ops) return;
  el('operations').innerHTML = `<h2>${t('ops.modes')}</h2>
    <table class="ops-modes"><thead><tr><th>${t('ops.subject')}</th><th>${t('ops.mode')}</th><th>${t('ops.since')}</th><th>${t('ops.by')}</th>
      <th>${t('ops.reason')}</th><th>${t('ops.next')}</th><th></th></tr></thead><tbody>${ops.modes.map(m => `
      <tr data-subject="${esc(m.subject)}" class="mode-${esc(m.mode)}"><td>${esc(m.name)}${m.unit ? ` <small>${esc(m.enterprise)}</small>` : ''}</td>
        <td><b>${esc(modeName(m.mode))}</b></td><td class="num">${m.since ? time(m.since) : '–'}</td><td>${esc(m.by || '–')}</td>
        <td>${esc(m.reason || '')}</td><td>${m.next ? `${esc(modeName(m.next.mode))} ${time(m.next.at)}` : '–'}</td>
        <td><button type="button" class="act" data-mode-of="${esc(m.subject)}">${t('ops.change')}</button></td></tr>`).join('')}</tbody></table>
    <h2>${t('ops.oos')}</h2>${oosTable(ops)}`;
}

async function changeMode(subject) {
  const modes = (last ? last.knownModes : ['running']).map(m => [m, modeName(m)]);
  const n = await askNote(`${t('ops.change')}: ${subject}`, t('ops.change-help'), { modes });
  if (!n) return;
  answer(await post('/api/modes', { subject, mode: n.mode, reason: n.note }));
}

export async function takeOutOfService(point) {
  const n = await askNote(`${t('ops.take-out')}: ${point}`, t('ops.take-out-help'), { until: true });
  if (!n) return;
  answer(await post(`/api/points/${encodeURIComponent(point)}/out-of-service`, { reason: n.note, expectedReturn: n.until }));
}

async function returnToService(point) {
  answer(await post(`/api/points/${encodeURIComponent(point)}/return-to-service`, {}));
}

function answer(r) {
  toast(r.ok ? t('ops.done') : (r.data && r.data.error) || t('toast.failed', r.status), !r.ok);
  if (r.ok) { last = r.data; if (!el('view-overview').hidden) renderOperations(); renderBoardOutOfService(); }
}

export function initOperations() {
  for (const id of ['operations', 'board-oos']) {
    el(id).addEventListener('click', e => {
      const m = e.target.closest('button[data-mode-of]');
      if (m) changeMode(m.dataset.modeOf);
      const b = e.target.closest('button[data-return]');
      if (b) returnToService(b.dataset.return);
    });
  }
}
