// A small SVG line chart of a point's readings, with the limits the alert crossed and the moments it changed.
import { esc, fmt } from './util.js';
import { t, clock, dateTime as time } from './i18n.js';

export function lineChart(samples, { limits = [], unit, marks = [], width = 760, height = 240, long = false } = {}) {
  if (!samples.length) return `<p class="muted">${t('chart.no-readings')}</p>`;
  const pad = { l: 52, r: 12, t: 12, b: 28 };
  const t0 = samples[0].t, t1 = Math.max(samples[samples.length - 1].t, t0 + 1000);
  let lo = Math.min(...samples.map(s => s.v)), hi = Math.max(...samples.map(s => s.v));
  limits.forEach(l => { lo = Math.min(lo, l.v); hi = Math.max(hi, l.v); });
  if (hi === lo) { hi += 1; lo -= 1; }
  const span = hi - lo; hi += span * 0.08; lo -= span * 0.08;
  const x = t => pad.l + (t - t0) / (t1 - t0) * (width - pad.l - pad.r);
  const y = v => pad.t + (hi - v) / (hi - lo) * (height - pad.t - pad.b);
  const line = samples.map(s => `${x(s.t).toFixed(1)},${y(s.v).toFixed(1)}`).join(' ');
  const bad = samples.filter(s => s.quality && s.quality !== 'N')
    .map(s => `<circle cx="${x(s.t).toFixed(1)}" cy="${y(s.v).toFixed(1)}" r="3" class="bad"><title>${t('chart.quality', esc(s.quality))}</title></circle>`).join('');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map(f => {
    const v = lo + (hi - lo) * f;
    return `<text x="${pad.l - 6}" y="${y(v) + 4}" text-anchor="end">${fmt(v)}</text><line x1="${pad.l}" x2="${width - pad.r}" y1="${y(v)}" y2="${y(v)}" class="grid"/>`;
  }).join('');
  const times = [0, 0.5, 1].map(f => {
    const t = t0 + (t1 - t0) * f;
    return `<text x="${x(t)}" y="${height - 8}" text-anchor="${f === 0 ? 'start' : f === 1 ? 'end' : 'middle'}">${long ? time(t) : clock(t)}</text>`;
  }).join('');
  const limitLine = limits.map(l => `<line x1="${pad.l}" x2="${width - pad.r}" y1="${y(l.v)}" y2="${y(l.v)}" class="limit ${esc(l.level)}"/><text x="${width - pad.r}" y="${y(l.v) - 4}" text-anchor="end" class="limit-label">${t('level.' + l.level)} ${fmt(l.v)} ${esc(unit)}</text>`).join('');
  const markLines = marks.filter(m => m.t >= t0 && m.t <= t1).map(m =>
    `<line x1="${x(m.t)}" x2="${x(m.t)}" y1="${pad.t}" y2="${height - pad.b}" class="mark ${esc(m.cls)}"/><text x="${x(m.t) + 3}" y="${pad.t + 10}" class="mark-label">${esc(m.label)}</text>`).join('');
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${t('chart.label')}">
    ${ticks}${times}${limitLine}${markLines}<polyline points="${line}" class="series"/>${bad}</svg>`;
}
