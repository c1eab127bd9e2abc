// Shared helpers: CSRF-protected JSON calls and the zoomable pages of a fax (mouse and keyboard).
(function () {
  'use strict';
  const meta = (name) => { const m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : null; };

  window.todoke = {
    postJson(url, body) {
      const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      const header = meta('_csrf_header');
      if (header) headers[header] = meta('_csrf');
      return fetch(url, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' })
        .then((r) => { if (!r.ok) throw new Error('HTTP ' + r.status); return r.json(); });
    }
  };

  // Zoom: pages are sized in percent of the pane, zones in percent of the page, so zones follow any zoom.
  const scroll = document.getElementById('page-scroll');
  if (!scroll) return;
  let zoom = 1;
  const label = document.getElementById('zoom-level');
  const apply = () => { scroll.style.setProperty('--zoom', zoom); if (label) label.textContent = Math.round(zoom * 100) + '%'; };
  const set = (z) => { zoom = Math.min(4, Math.max(0.5, z)); apply(); };
  const on = (id, f) => { const b = document.getElementById(id); if (b) b.addEventListener('click', f); };
  on('zoom-in', () => set(zoom * 1.25));
  on('zoom-out', () => set(zoom / 1.25));
  on('zoom-fit', () => set(1));
  scroll.addEventListener('wheel', (e) => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    set(e.deltaY < 0 ? zoom * 1.1 : zoom / 1.1);
  }, { passive: false });
  window.todoke.setZoom = set;
  apply();

  // Every page of the fax is in the pane: PageDown / PageUp (anywhere on the page) go to the next / previous one,
  // the page strip's numbers to any; Alt with + / - / 0 zooms by keyboard.
  const pages = Array.from(scroll.querySelectorAll('.page'));
  const goTo = (page) => { if (page) scroll.scrollTop = page.offsetTop - pages[0].offsetTop; };
  const current = () => {
    const top = scroll.scrollTop + 2;
    let at = 0;
    pages.forEach((p, i) => { if (p.offsetTop - pages[0].offsetTop <= top) at = i; });
    return at;
  };
  document.querySelectorAll('.page-link').forEach((a) => a.addEventListener('click', (e) => {
    e.preventDefault();
    goTo(document.getElementById(a.getAttribute('href').slice(1)));
  }));
  document.addEventListener('keydown', (e) => {
    if (e.isComposing || e.keyCode === 229 || e.ctrlKey || e.metaKey) return;
    if ((e.key === 'PageDown' || e.key === 'PageUp') && !e.altKey && pages.length > 1) {
      e.preventDefault();
      goTo(pages[Math.min(pages.length - 1, Math.max(0, current() + (e.key === 'PageDown' ? 1 : -1)))]);
    } else if (e.altKey && (e.key === '+' || e.key === '=' || e.key === ';')) {
      e.preventDefault();
      set(zoom * 1.25);
    } else if (e.altKey && e.key === '-') {
      e.preventDefault();
      set(zoom / 1.25);
    } else if (e.altKey && e.key === '0') {
      e.preventDefault();
      set(1);
    }
  });
})();
