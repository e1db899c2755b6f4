// Progressive enhancements only; every form works without this file.
document.addEventListener('submit', function (event) {
  var form = event.target;
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // A second tap on a slow phone connection must not send the form twice (the server
  // also recognises a resubmitted contact log by its token).
  if (form.dataset.submitting === 'true') {
    event.preventDefault();
    return;
  }
  form.dataset.submitting = 'true';
  form.querySelectorAll('button[data-once]').forEach(function (button) {
    button.disabled = true;
  });
});
// A field that only means something for one choice of another (data-shown-with names the
// select, data-shown-value the choice) is hidden while that choice is not made; without this
// file it stays visible and its hint says when it counts.
document.querySelectorAll('[data-shown-with]').forEach(function (part) {
  var select = document.getElementById(part.getAttribute('data-shown-with'));
  if (!select) {
    return;
  }
  var sync = function () {
    part.hidden = select.value !== part.getAttribute('data-shown-value');
  };
  select.addEventListener('change', sync);
  sync();
});
// The menu marks the page you are on (its link, or the link of the section it belongs to).
(function () {
  var here = window.location.pathname;
  var best = null;
  document.querySelectorAll('nav.menu a').forEach(function (link) {
    var path = new URL(link.href).pathname;
    var inside = here === path || (path !== '/' && here.indexOf(path + '/') === 0);
    if (inside && (!best || path.length > new URL(best.href).pathname.length)) {
      best = link;
    }
  });
  if (best) {
    best.classList.add('active');
    best.setAttribute('aria-current', 'page');
  }
})();
