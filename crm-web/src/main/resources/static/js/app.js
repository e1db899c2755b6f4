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
