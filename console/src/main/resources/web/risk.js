// Early warning (风险预警): each enterprise's live colour with its reasons, the park's, the latest warnings, and the
// daily safety commitment (安全承诺): who has committed today, and the form an enterprise's control room fills in.
import { el, esc, time, toast } from './util.js';
import { get, post } from './api.js';
import { t } from './i18n.js';

const badge = (colour, name) => colour
  ? `<span class="risk-badge risk-${esc(colour)}">${esc(name || t('risk.colour.' + colour))}</span>`
  : `<span class="risk-badge">${esc(t('risk.not-yet'))}</span>`;

export async function showRisk() {
  const [risk, commitments] = await Promise.all([get('/api/risk'), get('/api/commitments')]);
  if (!risk.ok || !commitments.ok) { el('risk').textContent = t('not-available'); return; }
  const r = risk.data;
  const park = r.park ? `<p class="risk-park" id="risk-park">${esc(t('risk.park'))} ${badge(r.park.colour, r.park.colourName)}
      <span class="muted">${esc(t('risk.score', r.park.score))}</span></p>` : '';
  const rows = r.enterprises.map(e => `<tr data-enterprise="${esc(e.enterprise)}" data-colour="${esc(e.colour || '')}">
      <td>${badge(e.colour, e.colourName)}</td><td>${esc(e.name)}</td>
      <td class="num">${e.score == null ? '–' : esc(e.score)}</td>
      <td><ul class="risk-reasons">${(e.reasons || []).slice(0, 5).map(x =>
        `<li>${esc(x.text)} <span class="muted">+${esc(x.points)}</span></li>`).join('')}</ul></td>
      <td class="muted">${e.at ? esc(time(Date.parse(e.at))) : ''}</td></tr>`).join('');
  const warnings = r.warnings.map(w => `<li class="${w.rising ? 'rising' : 'falling'}">${esc(time(Date.parse(w.at)))}
      ${badge(w.colour, w.colourName)} ${esc(w.text)}</li>`).join('') || `<li class="muted">${esc(t('risk.no-warnings'))}</li>`;
  el('risk').innerHTML = `${park}
    <table class="risk-table"><thead><tr><th>${esc(t('risk.colour'))}</th><th>${esc(t('risk.enterprise'))}</th>
      <th>${esc(t('risk.score-head'))}</th><th>${esc(t('risk.reasons'))}</th><th>${esc(t('risk.at'))}</th></tr></thead>
      <tbody>${rows}</tbody></table>
    <h3>${esc(t('risk.warnings'))}</h3><ol class="risk-warnings" id="risk-warnings">${warnings}</ol>
    <h3>${esc(t('commitment.title', commitments.data.day, commitments.data.due))}</h3>
    <div id="commitments">${commitments.data.enterprises.map(c => commitment(c, commitments.data)).join('')}</div>`;
  el('risk').querySelectorAll('form[data-commit]').forEach(f => { f.onsubmit = e => { e.preventDefault(); submit(f); }; });
}

function commitment(c, all) {
  const status = c.commitment ? `<span class="tag done">${esc(t('commitment.done', time(Date.parse(c.commitment.at)), c.commitment.by))}</span>`
    : c.missing ? `<span class="tag missing">${esc(t('commitment.missing'))}</span>` : `<span class="tag">${esc(t('commitment.pending'))}</span>`;
  const sources = c.hazardSources.map(h => `<label>${esc(h.name)} <small class="muted">${esc(t('risk.grade.' + h.grade))}</small>
      <select name="${esc(h.id)}">${all.states.map(s => `<option value="${esc(s)}" ${((c.commitment && c.commitment.hazardSources[h.id]) || h.mode) === s ? 'selected' : ''}>${esc(t('mode.' + s))}</option>`).join('')}</select></label>`).join('');
  const ops = all.operations.map(o => `<label class="check"><input type="checkbox" name="op" value="${esc(o)}"
      ${c.commitment && c.commitment.specialOperations.includes(o) ? 'checked' : ''}> ${esc(t('operation.' + o))}</label>`).join('');
  return `<article class="commitment" data-enterprise="${esc(c.enterprise)}"><h4>${esc(c.name)} ${status}</h4>
    <form data-commit="${esc(c.enterprise)}">
      <fieldset><legend>${esc(t('commitment.sources'))}</legend>${sources || `<span class="muted">${esc(t('commitment.no-sources'))}</span>`}</fieldset>
      <fieldset><legend>${esc(t('commitment.operations'))}</legend>${ops}</fieldset>
      <label>${esc(t('commitment.on-duty'))} <input name="onDuty" value="${esc(c.commitment ? c.commitment.onDuty.join('、') : '')}"
        placeholder="${esc(t('commitment.on-duty-help'))}"></label>
      <button type="submit">${esc(t('commitment.submit'))}</button></form></article>`;
}

async function submit(f) {
  const hazardSources = {};
  f.querySelectorAll('select').forEach(s => { hazardSources[s.name] = s.value; });
  const body = {
    enterprise: f.dataset.commit, hazardSources,
    specialOperations: [...f.querySelectorAll('input[name=op]:checked')].map(i => i.value),
    onDuty: f.querySelector('input[name=onDuty]').value.split(/[,，、\s]+/).filter(x => x),
  };
  const r = await post('/api/commitments', body);
  toast(r.ok ? t('commitment.sent') : ((r.data && r.data.error) || t('not-available')), !r.ok);
  if (r.ok) showRisk();
}


