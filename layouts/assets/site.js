// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  // Wide screens show the navigation open (browsers without ::details-content need the attribute);
  // narrow screens start folded, and the reader opens it with the "Menu" control.
  var fold = document.getElementById('siteNavFold');
  var wide = window.matchMedia('(min-width: 60rem)');
  function sync() {
    if (fold) fold.open = wide.matches;
  }
  if (fold) {
    sync();
    if (wide.addEventListener) wide.addEventListener('change', sync);
  }
})();
