// Alarm performance over a period, as ISA-18.2 / EEMUA 191 measure it (definitions in docs/console-api.md).
import { el, esc, time } from './util.js';
import { get } from './api.js';
import { enterpriseName } from './store.js';
import { t, localInput, fromLocalInput, language } from './i18n.js';

const rating = p => `<span class="rating ${p.perHour > 12 ? 'bad' : p.perHour > 6 ? 'mid' : 'good'}">${t(p.perHour > 12 ? 'kpi.rating.over' : p.perHour > 6 ? 'kpi.rating.manageable' : 'kpi.rating.acceptable')}</span>`;
const position = p => p.enterprise ? t('kpi.position.enterprise', esc(enterpriseName(p.enterprise))) : t('kpi.position.park');

export function initKpi() {
  el('kpi-period').addEventListener('change', () => {
    const custom = el('kpi-period').value === 'custom';
    el('kpi-from').disabled = el('kpi-to').disabled = !custom;
  });
  el('kpi-form').onsubmit = e => { e.preventDefault(); showKpi(); };
  el('kpi-from').disabled = el('kpi-to').disabled = true;
}

export async function showKpi() {
  const p = el('kpi-period').value;
  let to = Date.now(), from;
  if (p === 'custom' && el('kpi-from').checkValidity() && el('kpi-to').checkValidity() && el('kpi-from').value && el('kpi-to').value) {
    from = fromLocalInput(el('kpi-from').value); to = fromLocalInput(el('kpi-to').value);
  } else {
    from = to - Number(p === 'custom' ? 1 : p) * 86400000;
  }
  el('kpi-from').value = localInput(from); el('kpi-to').value = localInput(to);
  const t0 = performance.now();
  const r = await get(`/api/kpi?from=${from}&to=${to}`);
  if (!r.ok) { el('kpi').innerHTML = `<p class="error">${esc((r.data && r.data.error) || t('not-available'))}</p>`; return; }
  const k = r.data;
  const table = (head, rows) => rows.length ? `<table class="kpi"><thead><tr>${head.map(h => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>` : `<p class="muted">${t('kpi.none')}</p>`;
  el('kpi').innerHTML = `
    <p class="muted">${t('kpi.summary', time(k.from), time(k.to), k.hours, `<b id="kpi-total">${k.annunciations}</b>`,
      k.byLevel.CRITICAL, k.byLevel.ALARM, k.byLevel.WARN, Math.round(performance.now() - t0))}</p>
    <h3>${t('kpi.rate')}</h3>
    <p class="muted">${t('kpi.rate-help')}</p>
    ${table([t('kpi.col.position'), t('kpi.col.alarms'), t('kpi.col.per-hour'), t('kpi.col.busiest'), t('kpi.col.rating')], k.positions.map(p =>
      [position(p), p.alarms, p.perHour, p.peakPer10Min, rating(p)]))}
    <h3>${t('kpi.top')} <small class="muted">${t('kpi.top-help', k.topTenSharePercent)}</small></h3>
    ${table([t('kpi.col.rule'), t('kpi.col.subject'), t('kpi.col.enterprise'), t('kpi.col.count'), t('kpi.col.share'), t('kpi.col.last-message')], k.topTen.map(f =>
      [esc(f.rule), esc(f.subject), esc(enterpriseName(f.enterprise)), f.count, f.sharePercent, esc(f.lastMessage)]))}
    <h3>${t('kpi.chattering')} <small class="muted">${t('kpi.chattering-help')}</small></h3>
    ${table([t('kpi.col.rule'), t('kpi.col.subject'), t('kpi.col.enterprise'), t('kpi.col.most-in-60s'), t('kpi.col.annunciations')], k.chattering.map(c =>
      [esc(c.rule), esc(c.subject), esc(enterpriseName(c.enterprise)), c.maxIn60s, c.annunciations]))}
    <h3>${t('kpi.standing')} <small class="muted">${t('kpi.standing-help')}</small></h3>
    ${table([t('kpi.col.alert'), t('kpi.col.rule'), t('kpi.col.subject'), t('kpi.col.enterprise'), t('kpi.col.level'), t('kpi.col.raised'), t('kpi.col.open-hours')], k.standing.map(s =>
      [`<a href="#/alert/${encodeURIComponent(s.alertId)}">${t('kpi.open')}</a>`, esc(s.rule), esc(s.subject), esc(enterpriseName(s.enterprise)), t('level.' + s.level), time(s.raisedAt), s.openHours]))}
    <h3>${t('kpi.floods')} <small class="muted">${t('kpi.floods-help', k.floodTimePercent)}</small></h3>
    ${table([t('kpi.col.from'), t('kpi.col.to'), t('kpi.col.alarms'), t('kpi.col.peak')], k.floods.map(f => [time(f.start), time(f.end), f.annunciations, f.peakPer10Min]))}
    <h3>${t('kpi.held-back')} <small class="muted">${t('kpi.held-back-help')}</small></h3>
    <p id="kpi-held-back">${t('kpi.shelves', k.heldBack.shelves, k.heldBack.shelvedHours, k.heldBack.longestShelvedHours)}</p>
    ${table([t('kpi.col.held-back'), t('kpi.col.count')], Object.entries(k.heldBack.raisedHeldBack).map(([why, n]) => [t('state.' + why), n]))}
    <h3>${t('ops.oos')}</h3><div id="kpi-oos"></div>
    <h3>${t('kpi.response')} <small class="muted">${t('kpi.response-help')}</small>
      <a href="/api/kpi/response?from=${from}&to=${to}&format=csv&lang=${language()}" download="response.csv">${t('kpi.csv')}</a></h3>
    <div id="kpi-response"></div>`;
  const resp = await get(`/api/kpi/response?from=${from}&to=${to}`);
  if (resp.ok) {
    const row = (who, x) => [who, x.level ? t('level.' + x.level) : '–', esc(x.tierName || '–'), x.reached, x.inTime,
      `${x.inTimePercent}%`, x.medianSeconds ?? '–', x.p90Seconds ?? '–', x.escalated, x.unanswered];
    el('kpi-response').innerHTML = table([t('kpi.col.enterprise'), t('kpi.col.level'), t('kpi.col.tier'), t('kpi.col.reached'),
      t('kpi.col.in-time'), t('kpi.col.in-time-share'), t('kpi.col.median-s'), t('kpi.col.p90-s'), t('kpi.col.escalated'),
      t('kpi.col.unanswered')], [...resp.data.rows.map(x => row(esc(enterpriseName(x.enterprise)), x)),
      row(`<b>${t('kpi.park-total')}</b>`, resp.data.park)]);
  }
  const ops = await get('/api/operations');
  if (ops.ok) el('kpi-oos').innerHTML = table([t('ops.point'), t('ops.reason'), t('ops.since'), t('ops.age'), t('ops.expected')],
    ops.data.outOfService.map(o => [esc(o.point), esc(o.reason), time(o.since), t('ops.hours', o.ageHours),
      time(o.expectedReturn) + (o.overdue ? ` <b class="unacked">${t('ops.overdue')}</b>` : '')]));
}
