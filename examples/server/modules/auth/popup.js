// The sign-in popup's last page (served as /auth/popup.js under a CSP with no inline script).
// It strips the callback's query from history, reports to the storefront window that opened it,
// with postMessage to that storefront's exact origin (from the server's allowlist, never "*"), and closes.
(function () {
  'use strict';
  var script = document.currentScript;
  history.replaceState(null, '', location.pathname);
  var origin = script && script.getAttribute('data-origin');
  if (origin && window.opener) {
    var message = { type: 'vitrine-login', provider: script.getAttribute('data-provider'), status: script.getAttribute('data-status') };
    var error = script.getAttribute('data-error');
    if (error) message.error = error;
    window.opener.postMessage(message, origin);
    window.close();
  }
  var button = document.getElementById('close');
  if (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      window.close();
    });
  }
})();
