// Shared helpers: CSRF-protected JSON calls and the zoomable page image.
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
})();
