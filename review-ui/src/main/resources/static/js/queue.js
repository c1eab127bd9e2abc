// The queue: N (or Enter) opens the next record, so a clerk never needs the mouse; the list, the counts and the
// status line refresh themselves in place (the focus, the open breakdown and the 元に戻す banner stay).
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

  async function refresh() {
    const live = document.getElementById('queue-live');
    const r = await fetch(live.dataset.src, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (r.redirected || !r.ok) {
      // Signed out (or the session ended): show the sign-in rather than a stale list.
      if (r.redirected) location.reload();
      return;
    }
    const next = new DOMParser().parseFromString(await r.text(), 'text/html').getElementById('queue-live');
    if (!next) return;
    const open = live.querySelector('details[open]');
    if (open && open.id) next.querySelector('#' + open.id)?.setAttribute('open', '');
    const focusedId = live.contains(document.activeElement) ? document.activeElement.id : null;
    live.replaceWith(next);
    if (focusedId) document.getElementById(focusedId)?.focus();
  }
  window.todokeQueueRefresh = refresh;
  const seconds = Number(document.body.dataset.refreshSeconds) || 30;
  setInterval(() => { refresh().catch(() => { /* offline for a moment: the next tick tries again */ }); }, seconds * 1000);
})();
