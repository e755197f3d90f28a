// Warns before an idle session expires (WCAG 2.2.1) and lets the user extend it without losing the page.
(function () {
  var script = document.currentScript;
  var idleMinutes = Number(script && script.getAttribute('data-idle-minutes')) || 30;
  var warnBeforeMs = Math.min(2 * 60 * 1000, idleMinutes * 60 * 1000 / 2);
  var dialog = document.getElementById('session-warning');
  if (!dialog) return;
  var form = dialog.querySelector('form');
  var timer;
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      dialog.hidden = false;
      var button = dialog.querySelector('button');
      if (button) button.focus();
    }, idleMinutes * 60 * 1000 - warnBeforeMs);
  }
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (r) {
        if (r.ok) { dialog.hidden = true; schedule(); }
        else { window.location.href = '/sign-in?expired=1&next=' + encodeURIComponent(location.pathname); }
      });
  });
  schedule();
})();
