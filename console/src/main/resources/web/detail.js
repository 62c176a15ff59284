// One alert: what it is, the chart of its point around it, what happened (timeline), and the actions.
import { el, esc, fmt, time, toast, askNote } from './util.js';
import { get, post } from './api.js';
import { store, enterpriseName } from './store.js';
import { lineChart } from './chart.js';
import { actionButtons, act } from './board.js';
import { takeOutOfService } from './operations.js';
import { t } from './i18n.js';

let current = null, timer = null, pending = null, period = 'around';
// the alarm's record (its neighbours' readings), fetched at most every 30 s
let report = { id: null, at: 0, data: null };

// The chart's period: around the alert (10 minutes before it to its end), or the last hours or days.
const PERIODS = { around: null, '1h': 3600e3, '6h': 6 * 3600e3, '24h': 86400e3, '7d': 7 * 86400e3, '30d': 30 * 86400e3 };

const what = type => t('event.' + type);

// events ParkWatch causes itself, named for people
const SYSTEM_ACTORS = { escalation: 'detail.by-escalation', reminder: 'detail.by-reminder', roster: 'detail.by-roster',
  shelving: 'detail.by-shelving' };

// the rationalization's fields, in the order an operator reads them
const RATIONALE = { action: 'detail.action', responseTime: 'detail.response-time', consequence: 'detail.consequence',
  cause: 'detail.cause', priority: 'detail.priority', alarmClass: 'detail.class' };

export async function showDetail(id) {
  if (id !== current) period = 'around';
  current = id;
  clearInterval(timer);
  el('detail').innerHTML = `<p class="muted">${t('loading')}</p>`;
  await render();
  timer = setInterval(() => { if (current === id && !el('view-alert').hidden) render(); else clearInterval(timer); }, 5000);
}

// The feed told us something changed about an alert: refresh if it is the one shown (at most every 300 ms).
// A change of alert id (or, without an id, of whatever alert is shown) is shown in a moment.
export function detailNotice(id = current) {
  if (id !== current || el('view-alert').hidden || pending) return;
  pending = setTimeout(() => { pending = null; render(); }, 300);
}

async function render() {
  const id = current;
  const r = await get(`/api/alerts/${encodeURIComponent(id)}`);
  if (id !== current) return;
  if (!r.ok) { el('detail').innerHTML = `<p class="error">${esc((r.data && r.data.error) || t('not-available'))}</p>`; return; }
  const { alert: a, timeline, rationale: why, ruleVersion: version } = r.data;
  store.alerts.set(a.id, a);
  const raised = Date.parse(a.raisedAt);
  const end = a.state === 'CLOSED' ? Date.parse(a.updatedAt) + 10 * 60000 : Date.now();
  let chart = `<p class="muted">${t('detail.group-alert')}</p>`;
  const isPoint = !a.point.includes(':');
  if (isPoint) {
    const span = PERIODS[period];
    const from = span ? Date.now() - span : raised - 10 * 60000, to = span ? Date.now() : end;
    const rr = await get(`/api/points/${encodeURIComponent(a.point)}/readings?from=${from}&to=${to}`);
    if (id !== current) return;
    // each limit the alert crossed on its way up (alarm, then critical ...), once
    const limits = [...new Map(timeline.filter(e => e.type === 'RAISED' || e.type === 'LEVEL_CHANGED' || e.type === 'REPEATED')
      .map(e => [e.limit, { v: e.limit, level: e.level }])).values()];
    const marks = timeline.filter(e => ['RAISED', 'LEVEL_CHANGED', 'RECOVERED', 'REPEATED'].includes(e.type))
      .map(e => ({ t: e.eventTime, label: what(e.type), cls: e.type }));
    const periods = `<div class="periods">${t('chart.period')}: ${Object.keys(PERIODS).map(k =>
      `<button type="button" class="period${k === period ? ' here' : ''}" data-period="${k}">${t('chart.' + k)}</button>`).join(' ')}</div>`;
    const note = !rr.ok ? '' : rr.data.historyError ? `<p class="error">${esc(rr.data.historyError)}</p>`
      : rr.data.source === 'history' ? `<p class="muted">${t('chart.from-history')}</p>`
      : from < rr.data.coversSince ? `<p class="muted" id="chart-reach">${t('chart.covers-since', time(rr.data.coversSince))}</p>` : '';
    chart = periods + note + (rr.ok ? lineChart(rr.data.readings, { limits, unit: a.unit, marks, long: to - from > 86400e3 })
      : `<p class="error">${esc(rr.data && rr.data.error)}</p>`);
  }
  if (report.id !== id || Date.now() - report.at > 30000) {
    const rep = await get(`/api/alerts/${encodeURIComponent(id)}/report`);
    if (id !== current) return;
    report = { id, at: Date.now(), data: rep.ok ? rep.data : null };
  }
  const others = report.data ? report.data.context.points.filter(p => p.relation !== 'alarm' && p.readings.length) : [];
  const neighbours = others.length ? `<h3>${t('detail.neighbours')}</h3><div class="neighbours" id="detail-neighbours">${others.map(p =>
    `<div class="neighbour"><b>${esc(p.pointId)}</b> <small>${esc(p.name)} · ${t('page.relation.' + p.relation)}</small>
      ${lineChart(p.readings, { limits: [], unit: p.unit, marks: [{ t: raised, label: what('RAISED'), cls: 'RAISED' }] })}</div>`).join('')}</div>` : '';
  el('detail').innerHTML = `
    <div class="detail-head ${a.level} ${a.state}">
      <span class="badge ${a.level}">${t('level.' + a.level)}</span> <b class="state-${a.state}" id="detail-state">${t('state.' + a.state)}</b>
      <h2>${esc(a.point)}${a.tank ? ` · ${esc(a.tank)}` : ''} <small>${esc(enterpriseName(a.enterprise))}</small></h2>
      <p>${esc(a.message)}</p>
      <dl>
        <dt>${t('detail.rule')}</dt><dd>${esc(a.rule)} (${esc(t('kind.' + a.kind))}, ${t('direction.' + a.direction)})</dd>
        <dt>${t('detail.raised')}</dt><dd>${time(a.raisedAt)}</dd>
        <dt>${t('detail.last-peak')}</dt><dd>${fmt(a.lastValue)} / ${fmt(a.peakValue)} ${esc(a.unit)}</dd>
        <dt>${t('detail.acknowledged')}</dt><dd>${a.acknowledgedBy ? `${esc(a.acknowledgedBy)}, ${time(a.acknowledgedAt)}` : `<b class="unacked">${t('detail.not-yet')}</b>`}</dd>
        <dt>${t('detail.notified')}</dt><dd>${esc(a.notified || '–')}</dd>
        ${a.closedBy ? `<dt>${t('detail.closed')}</dt><dd>${esc(a.closedBy)}: ${esc(a.closeNote)}</dd>` : ''}
        ${a.heldBack && !a.shelvedBy ? `<dt>${t('detail.held-back')}</dt><dd id="detail-held-back">${t('state.' + a.heldBack)}: ${esc(a.heldBackBy)}</dd>` : ''}
        ${version ? `<dt>${t('detail.rule-version')}</dt><dd id="detail-rule-version"><code>${esc(version.tag)}</code>${version.version ? ` · ${t('detail.rule-version-applied', version.version, time(version.appliedAt), esc(version.appliedBy || '–'), esc(version.reason || '–'))}` : ''}</dd>` : ''}
        ${a.shelvedBy ? `<dt>${t('detail.shelved')}</dt><dd id="detail-shelved">${t('board.shelved-until', esc(a.shelvedBy), time(a.shelvedUntil))}: ${esc(a.shelveReason)}</dd>` : ''}
      </dl>
      <div class="actions" id="detail-actions">${actionButtons(a)}${isPoint && a.state !== 'CLOSED' ? ` <button type="button" class="act act-shelve-point" data-point="${esc(a.point)}">${t('act.shelve-point')}</button>` : ''}${isPoint ? ` <button type="button" class="act act-oos" data-oos="${esc(a.point)}">${t('ops.take-out')}</button>` : ''} <a class="act" href="/api/alerts/${encodeURIComponent(a.id)}/report?format=html" target="_blank">${t('detail.report')}</a></div>
    </div>
    <h3>${t('detail.rationale')}</h3>
    ${why ? `<dl class="rationale" id="detail-rationale">${Object.entries(RATIONALE).filter(([k]) => why[k]).map(([k, label]) =>
      `<dt>${t(label)}</dt><dd>${esc(k === 'priority' ? t('priority.' + why[k]) : why[k])}</dd>`).join('')}</dl>`
      : `<p class="muted">${t('detail.no-rationale')}</p>`}
    <h3>${t('detail.readings')}</h3>
    ${chart}
    ${neighbours}
    <h3>${t('detail.timeline')}</h3>
    <ol class="timeline">${timeline.map(e => `
      <li class="ev ${e.type}"><span class="num">${time(e.detectedAt)}</span> <b>${what(e.type)}</b>
        ${e.actor ? ` ${t('detail.by', `<b>${esc(SYSTEM_ACTORS[e.actor] ? t(SYSTEM_ACTORS[e.actor]) : e.actor)}</b>`)}` : ''} ${e.level ? `<span class="badge small ${e.level}">${t('level.' + e.level)}</span>` : ''}
        <div>${esc(e.message)}${e.note && e.type !== 'COMMAND_REFUSED' ? `<br><i>${esc(e.note)}</i>` : ''}</div></li>`).join('')}
    </ol>`;
}

el('detail').addEventListener('click', e => {
  const p = e.target.closest('button[data-period]');
  if (p) { period = p.dataset.period; render(); return; }
  const b = e.target.closest('button[data-act]');
  if (b) act(b.dataset.act, b.dataset.id);
  const sp = e.target.closest('button[data-point]');
  if (sp) shelvePoint(sp.dataset.point);
  const o = e.target.closest('button[data-oos]');
  if (o) takeOutOfService(o.dataset.oos);
});

async function shelvePoint(point) {
  const n = await askNote(t('act.shelve-point'), t('note.shelve-point-help'), { minutes: true });
  if (!n) return;
  const r = await post(`/api/points/${encodeURIComponent(point)}/shelve`, { reason: n.note, minutes: n.minutes });
  if (!r.data || !r.data.alarms) { toast((r.data && r.data.error) || t('toast.failed', r.status), true); return; }
  const ok = r.data.alarms.filter(x => x.status === 200).length;
  toast(t('toast.point-shelved', ok, r.data.alarms.length - ok), ok === 0);
  render();
}
