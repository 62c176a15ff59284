// The page's words in the reader's language: lang-zh-cn.json (the default) and lang-en.json, one key set
// (PageCatalogueTest checks). Alert sentences come from the server already in the same language (?lang=).
export const LANGUAGES = { 'zh-CN': '中文', en: 'English' };
const CHOSEN = 'parkwatch.lang';
let words = {}, lang = 'zh-CN', zone = 'Asia/Shanghai';

// The reader's choice on this browser, else the browser's language, else Chinese.
function initial() {
  const saved = localStorage.getItem(CHOSEN);
  if (saved && LANGUAGES[saved]) return saved;
  const browser = (navigator.languages || [navigator.language]).find(l => l && (l.startsWith('zh') || l.startsWith('en')));
  return browser && browser.startsWith('en') ? 'en' : 'zh-CN';
}

export async function loadLanguage(l = initial()) {
  const r = await fetch(`/lang-${l.toLowerCase()}.json`);
  words = await r.json();
  lang = l;
  document.documentElement.lang = l;
  translate(document);
}

// After login: the language of the user's entry in users.yaml, unless this browser chose one.
export async function adoptUser(me) {
  if (me.timeZone) zone = me.timeZone;
  if (!localStorage.getItem(CHOSEN) && me.language && LANGUAGES[me.language] && me.language !== lang) {
    await loadLanguage(me.language);
  }
}

export function choose(l) {
  localStorage.setItem(CHOSEN, l);
  location.reload(); // everything, the live feed included, comes again in the new language
}

export const language = () => lang;

// t('overview.open-alerts', 3): the word of a key, {0}... filled in; a missing key shows itself, never nothing.
export function t(key, ...args) {
  const w = words[key];
  return (w === undefined ? key : w).replace(/\{(\d+)\}/g, (m, i) => args[i] ?? '');
}

// Elements carry their key: data-i18n (text), data-i18n-placeholder, data-i18n-title.
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(e => { e.placeholder = t(e.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-title]').forEach(e => { e.title = t(e.dataset.i18nTitle); });
}

// 2026-11-30 14:05:09 in the park's time zone, whatever the browser's. A formatter costs far more to make than to
// use (a board in a flood formats thousands of times a second): one per zone and shape, kept.
const DATE_TIME = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' };
const CLOCK = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
const formatters = new Map();
function parts(t, opts) {
  const key = zone + (opts === CLOCK ? ' clock' : ' date-time');
  let f = formatters.get(key);
  if (!f) formatters.set(key, f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hourCycle: 'h23', ...opts }));
  return Object.fromEntries(f.formatToParts(new Date(t)).map(p => [p.type, p.value]));
}
export function dateTime(t) {
  if (t == null) return '–';
  const p = parts(t, DATE_TIME);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
export function clock(t) {
  const p = parts(t, CLOCK);
  return `${p.hour}:${p.minute}:${p.second}`;
}
// Period inputs: "yyyy-MM-dd HH:mm" on the park's wall clock (24 hours, whatever the browser's locale).
export function localInput(t) {
  return dateTime(t).slice(0, 16);
}
export function fromLocalInput(v) {
  // the input is the park's wall clock: find the instant that shows as it
  const guess = Date.parse(v.trim().replace(' ', 'T') + ':00Z');
  const shown = Date.parse(dateTime(guess).replace(' ', 'T') + 'Z');
  return guess - (shown - guess);
}
