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
  // a disabled button is not sent: the one pressed goes as a hidden field when it says which
  // action it is (e.g. "save and submit")
  var pressed = event.submitter;
  form.querySelectorAll('input[data-pressed]').forEach(function (kept) {
    kept.remove();
  });
  if (pressed && pressed.name && pressed.hasAttribute('data-once')) {
    var kept = document.createElement('input');
    kept.type = 'hidden';
    kept.name = pressed.name;
    kept.value = pressed.value;
    kept.setAttribute('data-pressed', 'data-pressed');
    form.appendChild(kept);
  }
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
// Row forms: a due row's folds on My day (quick log, reschedule, check in) hold no form until
// opened; then the page's one copy (a <template>) is filled in for the row's customer. The
// click on the summary comes before the fold opens, so the form is there when it shows.
(function () {
  function fill(fold) {
    var template = document.getElementById(fold.getAttribute('data-row-form'));
    if (!template || fold.querySelector('form')) {
      return;
    }
    var customer = fold.getAttribute('data-customer');
    var form = template.content.firstElementChild.cloneNode(true);
    form.setAttribute('action', form.getAttribute('action').replace('CUSTOMER', customer));
    form.querySelectorAll('[id]').forEach(function (field) {
      field.id = field.id.replace('CUSTOMER', customer);
    });
    form.querySelectorAll('label[for]').forEach(function (label) {
      label.htmlFor = label.htmlFor.replace('CUSTOMER', customer);
    });
    var token = form.elements.namedItem('submissionToken');
    if (token) {
      token.value = fold.getAttribute('data-token') || '';
    }
    var grade = form.querySelector('.quick-grade');
    if (grade && fold.getAttribute('data-prospect') !== 'true') {
      grade.remove();
    } else if (grade) {
      var closeClass = fold.getAttribute('data-close-class') || '';
      form.elements.namedItem('closeClass').value = closeClass;
      form.elements.namedItem('closeClassShown').value = closeClass;
    }
    fold.appendChild(form);
  }
  document.addEventListener('click', function (event) {
    var summary = event.target.closest && event.target.closest('details[data-row-form] > summary');
    if (summary) {
      fill(summary.parentElement);
    }
  }, true);
  // opened some other way (find in page, a script): toggle does not bubble, so listen while capturing
  document.addEventListener('toggle', function (event) {
    var fold = event.target;
    if (fold.open && fold.matches && fold.matches('details[data-row-form]')) {
      fill(fold);
    }
  }, true);
})();

// The customer form's city list shows the chosen province's cities; a city chosen first sets
// its province. Without this file every city is listed by province and the server checks the pair.
document.querySelectorAll('select[data-city-of]').forEach(function (city) {
  var province = document.getElementById(city.getAttribute('data-city-of'));
  if (!province) {
    return;
  }
  function narrow() {
    city.querySelectorAll('optgroup').forEach(function (group) {
      var shown = !province.value || group.getAttribute('data-province') === province.value;
      group.hidden = !shown;
      group.disabled = !shown;
    });
    var chosen = city.options[city.selectedIndex];
    if (chosen && chosen.parentElement.disabled) {
      city.value = '';
    }
  }
  province.addEventListener('change', narrow);
  city.addEventListener('change', function () {
    var chosen = city.options[city.selectedIndex];
    if (chosen && chosen.parentElement.tagName === 'OPTGROUP' && !province.value) {
      province.value = chosen.parentElement.getAttribute('data-province');
      narrow();
    }
  });
  narrow();
});
