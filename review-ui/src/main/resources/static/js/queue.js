// The queue: N (or Enter) opens the next record, so a clerk never needs the mouse.
(function () {
  'use strict';
  const form = document.getElementById('next-form');
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.altKey || e.metaKey) return;
    const t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    if (e.key === 'n' || e.key === 'N' || (e.key === 'Enter' && (t === document.body || t === null))) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
})();
