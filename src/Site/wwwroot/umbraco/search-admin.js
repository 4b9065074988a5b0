// The search index screen while a rebuild runs: polls the management API every second, moves the progress bar,
// words the progress in the status line (read out politely) and reloads the page once the rebuild has ended.
(function () {
  'use strict';
  var panel = document.getElementById('index-admin');
  var progress = document.getElementById('index-progress');
  var statusText = document.getElementById('index-status-text');
  if (!panel || !progress || !statusText || !window.fetch) {
    return;
  }

  var url = panel.getAttribute('data-status-url');
  var template = panel.getAttribute('data-progress-template') || '{0} / {1}';
  var running = panel.getAttribute('data-running-text') || '';
  var finished = panel.getAttribute('data-finished-text') || '';
  var documents = document.getElementById('index-documents');
  var lastWords = '';
  var lastStep = -1;

  function words(done, total) {
    return template.replace('{0}', String(done)).replace('{1}', String(total));
  }

  function say(text) {
    // Only changes are announced: the same words again are not read out again.
    if (text !== lastWords) {
      statusText.textContent = text;
      lastWords = text;
    }
  }

  function poll() {
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        if (documents && typeof status.documents === 'number') {
          documents.textContent = String(status.documents);
        }
        if (!status.rebuilding) {
          say(finished);
          // The page again without the "started" notice: it now shows the finished rebuild.
          window.location.assign(window.location.pathname);
          return;
        }
        var total = status.total || 0;
        var done = status.processed || 0;
        if (total > 0) {
          progress.max = total;
          progress.value = done;
          progress.textContent = words(done, total);
          // Read out every tenth of the way, not every second.
          var step = Math.floor(done * 10 / total);
          if (step !== lastStep) {
            lastStep = step;
            say(running + ' ' + words(done, total));
          }
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        // The refresh link stays for when the status cannot be read; try again a little later.
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
