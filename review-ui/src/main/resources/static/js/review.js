// The review page, keyboard first: focus starts on the first doubtful field; Enter accepts a field and moves
// to the next doubtful one at once (never waiting for the server); digits toggle marks; Ctrl+Enter confirms;
// values are validated as typed, and a field whose check fails after it was accepted is flagged again.
(function () {
  'use strict';
  const form = document.getElementById('review-form');
  if (!form) return;
  const inputs = Array.from(form.querySelectorAll('.field-input'));
  const rowOf = (el) => el.closest('.field-row');
  const doubtful = inputs.filter((el) => el.dataset.doubtful === 'true');
  const zones = new Map(Array.from(document.querySelectorAll('.zone')).map((z) => [z.dataset.key, z]));
  const scroll = document.getElementById('page-scroll');
  const confirmButton = document.getElementById('confirm');

  function highlight(el) {
    document.querySelectorAll('.field-row.current, .zone.current').forEach((n) => n.classList.remove('current'));
    const row = rowOf(el);
    row.classList.add('current');
    // Clear of the sticky 確定 bar (the row's scroll-margin), with its enlarged crop in view.
    row.scrollIntoView({ block: 'nearest' });
    const zone = zones.get(row.dataset.key);
    if (zone) {
      zone.classList.add('current');
      const s = scroll.getBoundingClientRect();
      const z = zone.getBoundingClientRect();
      scroll.scrollTop += (z.top - s.top) - (s.height - z.height) / 2;
      scroll.scrollLeft += (z.left - s.left) - (s.width - z.width) / 2;
    }
  }

  function focusField(el) {
    el.focus();
    if (el.tagName === 'INPUT') el.select();
  }

  function nextDoubtful(from) {
    const open = doubtful.filter((el) => !rowOf(el).classList.contains('accepted'));
    const after = open.filter((el) => inputs.indexOf(el) > inputs.indexOf(from));
    return after[0] || open.find((el) => el !== from) || null;
  }

  const counter = document.getElementById('doubtful-count');
  function count() {
    if (counter) counter.textContent = doubtful.filter((d) => !rowOf(d).classList.contains('accepted')).length;
  }

  // What each text field was last checked for: {text, ok}. An answer counts only for the text it was asked for.
  const checked = new WeakMap();
  const knownInvalid = (el) => { const c = checked.get(el); return !!c && c.text === el.value && c.ok === false; };

  // Accepting is immediate: Enter never waits for the server, so keys typed right after it reach the next field.
  // The row remembers the text it was accepted with; a later check of that text can still flag it.
  function accept(el) {
    const row = rowOf(el);
    if (el.tagName === 'INPUT' && knownInvalid(el)) return false;
    row.classList.add('accepted');
    row.classList.remove('flagged', 'typing-invalid');
    if (el.tagName === 'INPUT') row.dataset.acceptedText = el.value;
    row.querySelector('.status').textContent = '確認済';
    count();
    return true;
  }

  function unaccept(row) {
    row.classList.remove('accepted');
    delete row.dataset.acceptedText;
    count();
  }

  function toggleMark(group, n) {
    const boxes = Array.from(group.querySelectorAll('input[type=checkbox]'));
    const box = boxes[n - 1];
    if (!box) return;
    const single = group.dataset.type === 'choice';
    const turnOn = !box.checked;
    if (single) boxes.forEach((b) => { b.checked = false; });
    box.checked = turnOn;
    rowOf(group).classList.add('edited');
  }

  function showInvalid(row, out, messages) {
    row.classList.add('typing-invalid');
    row.classList.remove('edited-ok');
    row.querySelector('.status').textContent = '形式エラー';
    out.textContent = messages.join(' ');
  }

  // Validation as you type: the server's normaliser shows the value that would be stored. The answer is applied
  // only while the field still holds the text it was asked about; the clerk may have typed on meanwhile.
  const timers = new WeakMap();
  function validate(el) {
    clearTimeout(timers.get(el));
    const row = rowOf(el);
    const out = row.querySelector('.normalised');
    const text = el.value;
    const known = checked.get(el);
    if (known && known.text === text && known.pending) return known.pending;
    const pending = window.todoke.postJson('/api/normalise', { type: el.dataset.type, text })
      .then((r) => {
        const ok = !(r.messages && r.messages.length);
        checked.set(el, { text, ok });
        if (el.value !== text) return ok;
        if (!ok) {
          showInvalid(row, out, r.messages);
          // Accepted before the answer came: no longer accepted, and marked so the clerk comes back to it.
          if (row.classList.contains('accepted') && row.dataset.acceptedText === text) {
            unaccept(row);
            row.classList.add('flagged');
          }
          return false;
        }
        row.classList.remove('typing-invalid', 'flagged');
        // The engine's reasons were about its reading; a value the clerk typed and the check passed answers them.
        if (row.classList.contains('edited')) row.querySelector('.reasons').replaceChildren();
        if (row.classList.contains('accepted')) {
          row.querySelector('.status').textContent = '確認済';
        } else if (row.classList.contains('edited')) {
          row.classList.add('edited-ok');
          row.querySelector('.status').textContent = '修正';
        }
        out.textContent = (r.value === null || r.value === undefined) ? '（空欄）' : '→ ' + r.value;
        return true;
      })
      // The server validates again on confirm; an unreachable check must not block the clerk.
      .catch(() => { if (el.value === text) out.textContent = ''; checked.delete(el); return true; });
    checked.set(el, { text, pending });
    return pending;
  }

  inputs.forEach((el) => {
    el.addEventListener('focus', () => {
      highlight(el);
      // Typing replaces the read value, as on Tab; the caret keys still edit it in place.
      if (el.tagName === 'INPUT') el.select();
    });
    if (el.tagName === 'INPUT') {
      el.addEventListener('input', () => {
        const row = rowOf(el);
        row.classList.add('edited');
        // A value typed after acceptance is not the accepted one, and an answer for older text no longer applies.
        if (row.classList.contains('accepted') && row.dataset.acceptedText !== el.value) {
          unaccept(row);
          row.querySelector('.status').textContent = '修正';
        }
        row.classList.remove('edited-ok');
        row.querySelector('.normalised').textContent = '';
        clearTimeout(timers.get(el));
        timers.set(el, setTimeout(() => validate(el), 120));
      });
    }
  });
  // Marks can be clicked too; keep the checkboxes out of the Tab order.
  form.querySelectorAll('.marks label').forEach((l) => l.addEventListener('mousedown', () => highlight(l)));

  // An Enter that commits an IME conversion (kana to kanji) belongs to the IME, never to "accept and move on".
  let composing = false;
  form.addEventListener('compositionstart', () => { composing = true; });
  form.addEventListener('compositionend', () => { composing = false; });
  const imeKey = (e) => e.isComposing || e.keyCode === 229 || composing;

  document.addEventListener('keydown', (e) => {
    if (imeKey(e) || (dialog && dialog.open)) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    const el = e.target;
    if (!el || !el.classList || !el.classList.contains('field-input')) return;
    if (el.classList.contains('marks') && /^[1-9]$/.test(e.key) && !e.ctrlKey && !e.altKey) {
      e.preventDefault();
      toggleMark(el, Number(e.key));
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
      e.preventDefault();
      if (!accept(el)) return;
      const next = nextDoubtful(el);
      if (next) focusField(next); else if (confirmButton) confirmButton.focus();
      if (el.tagName === 'INPUT') validate(el);
    }
  });

  // 却下 and 帳票ではない ask once, in the page: キャンセル has the focus, Esc cancels, Tab reaches the other button.
  const dialog = document.getElementById('ask-dialog');
  document.querySelectorAll('form.ask').forEach((f) => {
    f.addEventListener('submit', (e) => {
      if (!dialog || f.dataset.asked === 'yes') return;
      e.preventDefault();
      const reason = f.querySelector('input[name=reason]');
      document.getElementById('ask-text').textContent = f.dataset.ask + (reason ? '（理由：' + reason.value + '）' : '');
      document.getElementById('ask-ok').textContent = f.dataset.ok;
      dialog.returnValue = '';
      dialog.onclose = () => {
        if (dialog.returnValue !== 'ok') return;
        f.dataset.asked = 'yes';
        f.requestSubmit();
      };
      dialog.showModal();
    });
  });

  // Start on the first doubtful field, or the first field when nothing is doubtful (a correction).
  const first = doubtful[0] || inputs[0];
  if (first) focusField(first);
  // Show the normalised value of every prefilled doubtful text field right away.
  doubtful.filter((el) => el.tagName === 'INPUT').forEach(validate);
})();
