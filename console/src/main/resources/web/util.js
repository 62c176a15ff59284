// Small helpers shared by the views.
export const el = id => document.getElementById(id);
export const esc = s => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
export const fmt = v => v == null ? '–' : (Math.round(v * 100) / 100).toString();
export { dateTime as time } from './i18n.js';
export const RANK = { WARN: 1, ALARM: 2, CRITICAL: 3 };

export function toast(text, bad = false) {
  const t = el('toast');
  t.textContent = text;
  t.className = 'toast show' + (bad ? ' bad' : '');
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.className = 'toast'; }, 5000);
}

// Asks for a note in a modal dialog; resolves to {note, force, minutes} or null when cancelled.
export function askNote(title, help, { allowForce = false, required = true, minutes = false, modes = null, until = false } = {}) {
  const d = el('note-dialog');
  el('note-title').textContent = title;
  el('note-help').textContent = help;
  el('note-text').value = '';
  el('note-text').required = required;
  el('note-force').checked = false;
  el('note-force-label').hidden = !allowForce;
  el('note-minutes-label').hidden = !minutes;
  el('note-mode-label').hidden = !modes;
  if (modes) el('note-mode').innerHTML = modes.map(([v, label]) => `<option value="${esc(v)}">${esc(label)}</option>`).join('');
  el('note-until-label').hidden = !until;
  el('note-until').required = until;
  el('note-until').value = '';
  return new Promise(resolve => {
    d.onclose = () => resolve(d.returnValue === 'ok' ? { note: el('note-text').value, force: el('note-force').checked,
      minutes: Number(el('note-minutes').value), mode: el('note-mode').value, until: el('note-until').value } : null);
    d.returnValue = '';
    d.showModal();
    el('note-text').focus();
  });
}
