// The review page, keyboard first: focus starts on the first doubtful field; Enter accepts a field and moves
// to the next doubtful one; digits toggle marks; Ctrl+Enter confirms; values are validated as typed.
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

  function accept(el) {
    const row = rowOf(el);
    if (row.classList.contains('typing-invalid')) return false;
    row.classList.add('accepted');
    row.querySelector('.status').textContent = '確認済';
    const remaining = doubtful.filter((d) => !rowOf(d).classList.contains('accepted')).length;
    const counter = document.getElementById('doubtful-count');
    if (counter) counter.textContent = remaining;
    return true;
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

  // Validation as you type: the server's normaliser shows the value that would be stored.
  const timers = new WeakMap();
  // Resolves to true when the text is a valid value of the field's type.
  function validate(el) {
    clearTimeout(timers.get(el));
    const row = rowOf(el);
    const out = row.querySelector('.normalised');
    return window.todoke.postJson('/api/normalise', { type: el.dataset.type, text: el.value })
      .then((r) => {
        if (r.messages && r.messages.length) {
          row.classList.add('typing-invalid');
          row.classList.remove('edited-ok');
          row.querySelector('.status').textContent = '形式エラー';
          out.textContent = r.messages.join(' ');
          return false;
        }
        row.classList.remove('typing-invalid');
        if (row.classList.contains('edited')) {
          row.classList.add('edited-ok');
          row.querySelector('.status').textContent = '修正';
        }
        out.textContent = (r.value === null || r.value === undefined) ? '（空欄）' : '→ ' + r.value;
        return true;
      })
      // The server validates again on confirm; an unreachable check must not block the clerk.
      .catch(() => { out.textContent = ''; return true; });
  }

  inputs.forEach((el) => {
    el.addEventListener('focus', () => {
      highlight(el);
      // Typing replaces the read value, as on Tab; the caret keys still edit it in place.
      if (el.tagName === 'INPUT') el.select();
    });
    if (el.tagName === 'INPUT') {
      el.addEventListener('input', () => {
        rowOf(el).classList.add('edited');
        clearTimeout(timers.get(el));
        timers.set(el, setTimeout(() => validate(el), 120));
      });
    }
  });
  // Marks can be clicked too; keep the checkboxes out of the Tab order.
  form.querySelectorAll('.marks label').forEach((l) => l.addEventListener('mousedown', () => highlight(l)));

  document.addEventListener('keydown', (e) => {
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
      // A text field is accepted only once its value is known to be valid (the check may still be in flight).
      const valid = el.tagName === 'INPUT' ? validate(el) : Promise.resolve(true);
      valid.then((ok) => {
        if (!ok || !accept(el)) return;
        const next = nextDoubtful(el);
        if (next) focusField(next); else if (confirmButton) confirmButton.focus();
      });
    }
  });

  // Start on the first doubtful field, or the first field when nothing is doubtful (a correction).
  const first = doubtful[0] || inputs[0];
  if (first) focusField(first);
  // Show the normalised value of every prefilled doubtful text field right away.
  doubtful.filter((el) => el.tagName === 'INPUT').forEach(validate);
})();
