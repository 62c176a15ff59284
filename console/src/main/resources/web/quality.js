// Data quality as the national monitoring system measures it: online rate, completeness, timeliness and abnormal
// share per enterprise, data logger and point, for the park's day so far (whole hours the job has closed).
import { el, esc } from './util.js';
import { get } from './api.js';
import { enterpriseName } from './store.js';
import { t } from './i18n.js';

const pct = v => (Math.round(v * 1000) / 10).toFixed(1) + '%';
const ms = v => v < 0 ? '–' : v + ' ms';
const cls = v => v < 0.9 ? 'poor' : '';

function table(rows, first) {
  return `<table class="quality-table"><thead><tr><th>${esc(first)}</th><th>${esc(t('quality.enterprise'))}</th>
    <th>${esc(t('quality.online'))}</th><th>${esc(t('quality.complete'))}</th><th>${esc(t('quality.received'))}</th>
    <th>${esc(t('quality.delay'))}</th><th>${esc(t('quality.abnormal'))}</th></tr></thead><tbody>${rows.map(r =>
    `<tr data-subject="${esc(r.subject)}"><td>${esc(r.level === 'enterprise' ? enterpriseName(r.subject) : r.subject)}</td>
      <td>${esc(enterpriseName(r.enterpriseId))}</td><td class="${cls(r.onlineRate)}">${pct(r.onlineRate)}</td>
      <td class="${cls(r.completeness)}">${pct(r.completeness)}</td><td class="num">${r.received} / ${r.expected}</td>
      <td>${ms(r.delayMedianMs)} · ${ms(r.delayP95Ms)}</td><td>${pct(r.abnormalShare)}</td></tr>`).join('')}</tbody></table>`;
}

export async function showQuality() {
  const r = await get('/api/data-quality');
  if (!r.ok) { el('quality').innerHTML = `<p class="error">${esc((r.data && r.data.error) || t('not-available'))}</p>`; return; }
  const d = r.data;
  el('quality').innerHTML = `<p class="muted">${esc(t('quality.period'))}</p>
    <h3>${esc(t('quality.enterprises'))}</h3>${table(d.enterprises, t('quality.enterprise'))}
    <h3>${esc(t('quality.loggers'))}</h3>${table(d.loggers, t('quality.logger'))}
    <details><summary>${esc(t('quality.points', d.points.length))}</summary>${table(d.points, t('quality.point'))}</details>`;
}
