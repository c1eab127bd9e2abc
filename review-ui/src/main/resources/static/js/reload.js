// A read-only page that shows the state now (滞留状況): reloads itself every data-reload-seconds.
(function () {
  'use strict';
  const seconds = Number(document.body.dataset.reloadSeconds) || 30;
  setTimeout(() => location.reload(), seconds * 1000);
})();
