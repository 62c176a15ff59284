// The park at a glance: enterprises, their tanks and units, each point with its latest value and worst state.
import { el, esc, fmt, time } from './util.js';
import { get } from './api.js';
import { t } from './i18n.js';

let timer = null, pending = null;

export async function showOverview() {
  clearInterval(timer);
  await render();
  timer = setInterval(() => { if (!el('view-overview').hidden) render(); else clearInterval(timer); }, 5000);
}

export function overviewNotice() {
  if (el('view-overview').hidden || pending) return;
  pending = setTimeout(() => { pending = null; render(); }, 500);
}

const ago = at => at == null ? t('overview.no-data') : t('overview.seconds-ago', Math.max(0, Math.round((Date.now() - at) / 1000)));
const status = s => `<span class="status-tag ${s}">${t('status.' + s)}</span>`;

async function render() {
  const r = await get('/api/overview');
  if (!r.ok) return;
  el('overview').innerHTML = r.data.enterprises.map(e => `
    <article class="enterprise status-${e.status}" id="ent-${esc(e.id)}">
      <header><h2>${esc(e.name)}</h2>${status(e.status)}
        ${e.shutDown ? `<span class="status-tag SHUTDOWN">${t('overview.shut-down')}</span>` : ''}
        <span class="logger ${e.logger.offline ? 'offline' : 'online'}">${t('overview.logger')} ${e.logger.offline
          ? `<a href="#/alert/${encodeURIComponent(e.logger.alertId)}">${t('overview.offline')}</a>` : t('overview.online')} · ${t('overview.last-reading', ago(e.logger.lastReadingAt))}</span>
        <span class="muted">${t('overview.open-alerts', e.openAlerts)}</span></header>
      <div class="units">${e.units.map(u => `
        <section class="unit status-${u.status}"><h3>${esc(u.name)} ${status(u.status)}${u.shutDown ? ` <small>${t('overview.shut-down')}</small>` : ''}</h3>
          <ul>${u.points.map(p => `
            <li class="point status-${p.status}" title="${esc(p.name)}">
              ${p.alertId ? `<a href="#/alert/${encodeURIComponent(p.alertId)}">${esc(p.id)}</a>` : esc(p.id)}
              <span class="num">${fmt(p.value)} ${esc(p.unit)}</span>
              <small title="${p.readingAt ? time(p.readingAt) : ''}">${esc(t('kind.' + p.kind))}${p.quality && p.quality !== 'N' ? ` · ${t('overview.quality', esc(p.quality))}` : ''}</small>
            </li>`).join('')}</ul>
        </section>`).join('')}</div>
    </article>`).join('') || `<p class="muted">${t('overview.none')}</p>`;
}
