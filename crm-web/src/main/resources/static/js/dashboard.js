// Draws each chart from the configuration the server rendered beside its table.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return; // the tables carry the same numbers
  }
  document.querySelectorAll('[data-chart]').forEach(function (holder) {
    var canvas = holder.querySelector('canvas');
    new Chart(canvas, JSON.parse(holder.getAttribute('data-chart')));
  });
});
