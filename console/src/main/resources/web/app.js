// ParkWatch live alarm board: one row per alert, kept current over a WebSocket that reconnects by itself.
(() => {
  const alerts = new Map();           // alert id -> alert view
  const RANK = { WARN: 1, ALARM: 2, CRITICAL: 3 };
  const el = id => document.getElementById(id);
  let soundOn = false, audio = null, retry = 500, firstSnapshot = true;

  el('sound').onclick = () => {
    soundOn = !soundOn;
    if (soundOn && !audio) audio = new AudioContext();
    el('sound').textContent = soundOn ? '🔊 Sound on' : '🔇 Enable sound';
  };

  function beep(level) {
    if (!soundOn || !audio) return;
    const times = level === 'CRITICAL' ? 3 : level === 'ALARM' ? 2 : 1;
    for (let i = 0; i < times; i++) {
      const o = audio.createOscillator(), g = audio.createGain();
      o.frequency.value = level === 'CRITICAL' ? 1100 : 880;
      o.connect(g); g.connect(audio.destination);
      const t = audio.currentTime + i * 0.35;
      g.gain.setValueAtTime(0.25, t); g.gain.exponentialRampToValueAtTime(0.001, t + 0.3);
      o.start(t); o.stop(t + 0.3);
    }
  }

  // unanswered first: active, then recovered but never acknowledged; answered next; closed last
  function urgency(a) {
    return { ACTIVE: 0, RECOVERED: a.acknowledgedBy ? 4 : 1, ACKNOWLEDGED: 2, SUPPRESSED: 3, CLOSED: 5 }[a.state] ?? 6;
  }

  function order(a, b) {
    if (urgency(a) !== urgency(b)) return urgency(a) - urgency(b);
    if (a.level !== b.level) return RANK[b.level] - RANK[a.level];
    return b.raisedAt.localeCompare(a.raisedAt);
  }

  function matches(a) {
    const f = id => el(id).value;
    const text = f('f-text').toLowerCase();
    return (!f('f-enterprise') || a.enterprise === f('f-enterprise'))
      && (!f('f-level') || a.level === f('f-level'))
      && (!f('f-state') || a.state === f('f-state'))
      && (!f('f-kind') || a.kind === f('f-kind'))
      && (!text || [a.point, a.tank, a.rule, a.message, a.enterprise].join(' ').toLowerCase().includes(text));
  }

  const fmt = v => (Math.round(v * 100) / 100).toString();
  const time = iso => new Date(iso).toLocaleString();
  const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));

  function options(id, values) {
    const sel = el(id), keep = sel.value;
    sel.innerHTML = '<option value="">all</option>' + [...values].sort().map(v => `<option>${esc(v)}</option>`).join('');
    sel.value = keep;
  }

  function render(flashIds = new Set()) {
    const list = [...alerts.values()];
    const open = l => list.filter(a => (a.state === 'ACTIVE' || a.state === 'ACKNOWLEDGED') && a.level === l).length;
    el('n-critical').textContent = open('CRITICAL');
    el('n-alarm').textContent = open('ALARM');
    el('n-warn').textContent = open('WARN');
    el('n-recovered').textContent = list.filter(a => a.state === 'RECOVERED').length;
    options('f-enterprise', new Set(list.map(a => a.enterprise)));
    options('f-kind', new Set(list.map(a => a.kind)));
    const shown = list.filter(matches).sort(order);
    el('rows').innerHTML = shown.map(a => `
      <tr id="a-${esc(a.id)}" data-id="${esc(a.id)}" class="${a.level} ${a.state}${flashIds.has(a.id) ? ' flash' : ''}">
        <td><span class="badge ${a.level}">${a.level}</span></td>
        <td class="state-${a.state}">${a.state}${a.repeatCount > 1 ? ` ×${a.repeatCount}` : ''}${a.acknowledgedBy ? `<br><small>ack: ${esc(a.acknowledgedBy)}</small>` : ''}${a.suppressedBy ? `<br><small>permit ${esc(a.suppressedBy)}</small>` : ''}</td>
        <td class="num">${time(a.raisedAt)}</td>
        <td>${esc(a.point)}${a.tank ? ` <small>(${esc(a.tank)})</small>` : ''}</td>
        <td>${esc(a.enterprise)}</td>
        <td class="num">${fmt(a.lastValue)} ${esc(a.unit)}</td>
        <td class="num">${fmt(a.peakValue)} ${esc(a.unit)}</td>
        <td>${esc(a.rule)}</td>
        <td>${esc(a.message)}</td>
      </tr>`).join('');
    // never claim "quiet" before the server has said so
    el('empty').textContent = firstSnapshot ? 'Waiting for the alarm feed…' : 'No alerts. The park is quiet.';
    el('empty').style.display = shown.length ? 'none' : 'block';
    const active = list.filter(a => urgency(a) <= 1).length; // unanswered
    document.title = (active ? `(${active}) ` : '') + 'ParkWatch · alarm board';
  }

  // A new alarm, or a rise in level, is announced: sound and a flashing row.
  function take(a) {
    const old = alerts.get(a.id);
    alerts.set(a.id, a);
    const louder = a.state === 'ACTIVE' && (!old || RANK[a.level] > RANK[old.level]);
    if (louder) beep(a.level);
    return louder;
  }

  function connect() {
    const ws = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/ws');
    ws.onopen = () => { retry = 500; el('conn').textContent = 'live'; el('conn').className = 'conn up'; };
    ws.onmessage = m => {
      const msg = JSON.parse(m.data);
      if (msg.type === 'snapshot') {
        const before = new Map(alerts);
        alerts.clear();
        const flash = new Set();
        msg.alerts.forEach(a => {
          const old = before.get(a.id);
          alerts.set(a.id, a);
          if (!firstSnapshot && a.state === 'ACTIVE' && (!old || RANK[a.level] > RANK[old.level])) { flash.add(a.id); beep(a.level); }
        });
        firstSnapshot = false;
        render(flash);
      } else if (msg.type === 'alert') {
        render(take(msg.alert) ? new Set([msg.alert.id]) : new Set());
      }
    };
    ws.onclose = () => {
      el('conn').textContent = 'reconnecting…'; el('conn').className = 'conn down';
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  ['f-enterprise', 'f-level', 'f-state', 'f-kind', 'f-text'].forEach(id => el(id).addEventListener('input', () => render()));
  render();
  connect();
})();
