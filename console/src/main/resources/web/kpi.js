// Alarm performance over a period, as ISA-18.2 / EEMUA 191 measure it (definitions in docs/console-api.md).
import { el, esc, time } from './util.js';
import { get } from './api.js';

const local = t => new Date(t - new Date(t).getTimezoneOffset() * 60000).toISOString().slice(0, 16);

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
  if (p === 'custom' && el('kpi-from').value && el('kpi-to').value) {
    from = new Date(el('kpi-from').value).getTime(); to = new Date(el('kpi-to').value).getTime();
  } else {
    from = to - Number(p === 'custom' ? 1 : p) * 86400000;
  }
  el('kpi-from').value = local(from); el('kpi-to').value = local(to);
  const t0 = performance.now();
  const r = await get(`/api/kpi?from=${from}&to=${to}`);
  if (!r.ok) { el('kpi').innerHTML = `<p class="error">${esc((r.data && r.data.error) || 'not available')}</p>`; return; }
  const k = r.data;
  const table = (head, rows) => rows.length ? `<table class="kpi"><thead><tr>${head.map(h => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map(r => `<tr>${r.map(c => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>` : '<p class="muted">none</p>';
  el('kpi').innerHTML = `
    <p class="muted">${time(k.from)} – ${time(k.to)} (${k.hours} h): <b id="kpi-total">${k.annunciations}</b> alarms annunciated
      (critical ${k.byLevel.CRITICAL}, alarm ${k.byLevel.ALARM}, warning ${k.byLevel.WARN}). Computed in ${Math.round(performance.now() - t0)} ms.</p>
    <h3>Alarm rate per operator position</h3>
    <p class="muted">ISA-18.2: up to 6 per hour very likely acceptable, up to 12 the maximum manageable; EEMUA 191 asks under 1 per 10 minutes in steady operation.</p>
    ${table(['Position', 'Alarms', 'Per hour', 'Busiest 10 min', 'Rating'], k.positions.map(p =>
      [esc(p.position), p.alarms, p.perHour, p.peakPer10Min, `<span class="rating ${p.perHour > 12 ? 'bad' : p.perHour > 6 ? 'mid' : 'good'}">${esc(p.rating)}</span>`]))}
    <h3>Ten most frequent alarms <small class="muted">${k.topTenSharePercent} % of all (ISA-18.2: a few bad actors often make most of the load)</small></h3>
    ${table(['Rule', 'Point / subject', 'Enterprise', 'Count', 'Share %', 'Last message'], k.topTen.map(f =>
      [esc(f.rule), esc(f.subject), esc(f.enterprise), f.count, f.sharePercent, esc(f.lastMessage)]))}
    <h3>Chattering alarms <small class="muted">back 3 or more times within 60 s</small></h3>
    ${table(['Rule', 'Point / subject', 'Enterprise', 'Most in 60 s', 'Annunciations'], k.chattering.map(c =>
      [esc(c.rule), esc(c.subject), esc(c.enterprise), c.maxIn60s, c.annunciations]))}
    <h3>Standing alarms <small class="muted">open more than 24 h at the end of the period</small></h3>
    ${table(['Alert', 'Rule', 'Point / subject', 'Enterprise', 'Level', 'Raised', 'Open (h)'], k.standing.map(s =>
      [`<a href="#/alert/${encodeURIComponent(s.alertId)}">open</a>`, esc(s.rule), esc(s.subject), esc(s.enterprise), s.level, time(s.raisedAt), s.openHours]))}
    <h3>Floods <small class="muted">more than 10 alarms in 10 minutes · ${k.floodTimePercent} % of the period in flood (ISA-18.2: under 1 %)</small></h3>
    ${table(['From', 'To', 'Alarms', 'Peak per 10 min'], k.floods.map(f => [time(f.start), time(f.end), f.annunciations, f.peakPer10Min]))}`;
}
