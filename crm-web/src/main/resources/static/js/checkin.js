// Check in, check out and "use my current position" (issue 23). A form marked data-geolocate
// is sent with the phone's position: when it is submitted, the browser is asked for one (the
// page says beside the button why), the hidden fields are filled with what it gives (latitude,
// longitude, accuracy in metres, the time the phone took it) and the form is sent. Without a
// position nothing is sent, and the form's status line says why: permission refused, no fix,
// or a page not served over HTTPS (browsers give positions only to secure pages).
(function () {
  if (window.crmCheckIn) {
    return;
  }
  window.crmCheckIn = true;

  function say(form, what) {
    var status = form.querySelector('.geo-status');
    if (status) {
      status.textContent = status.getAttribute('data-' + what) || '';
      status.hidden = false;
    }
  }

  // Before app.js's handler (capture phase): a form is marked as sent only once it has its position.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-geolocate') || form.dataset.located === 'true') {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (!window.isSecureContext || !navigator.geolocation) {
      say(form, 'insecure');
      return;
    }
    if (form.dataset.locating === 'true') {
      return;
    }
    form.dataset.locating = 'true';
    say(form, 'asking');
    navigator.geolocation.getCurrentPosition(function (position) {
      form.elements.latitude.value = String(position.coords.latitude);
      form.elements.longitude.value = String(position.coords.longitude);
      form.elements.accuracy.value = String(position.coords.accuracy);
      form.elements.positionAt.value = String(Math.round(position.timestamp));
      form.dataset.locating = '';
      form.dataset.located = 'true';
      say(form, 'sending');
      if (form.requestSubmit) {
        form.requestSubmit();
      } else {
        form.submit();
      }
    }, function (error) {
      form.dataset.locating = '';
      say(form, error.code === 1 ? 'denied' : error.code === 3 ? 'timeout' : 'unavailable');
    }, {enableHighAccuracy: true, timeout: 20000, maximumAge: 0});
  }, true);

  // Back to a page kept by the browser: its forms ask for a fresh position again.
  window.addEventListener('pageshow', function (event) {
    if (event.persisted) {
      document.querySelectorAll('form[data-geolocate]').forEach(function (form) {
        form.dataset.located = '';
        form.dataset.submitting = '';
        form.querySelectorAll('button').forEach(function (button) {
          button.disabled = false;
        });
      });
    }
  });
})();
