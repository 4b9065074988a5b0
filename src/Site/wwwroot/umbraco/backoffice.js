// The back office's small enhancements; every screen works without them.
// - Markdown fields get a live preview rendered by the site's own pipeline (the management API).
// - The edit form saves a draft by itself a while after the editor stops typing.
(function () {
  "use strict";
  var tokenMeta = document.querySelector('meta[name="request-verification-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  function renderPreview(textarea) {
    var target = document.getElementById(textarea.getAttribute("data-markdown-preview"));
    if (!target) return;
    fetch("/umbraco/management/api/v1/markdown/preview", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "RequestVerificationToken": token },
      body: JSON.stringify({ markdown: textarea.value })
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (result) {
      // The HTML comes from the server's sanitizer (raw HTML off, then HtmlSanitizer).
      if (result) target.innerHTML = result.html;
    }).catch(function () { /* the preview is a convenience: the saved text is what counts */ });
  }

  document.querySelectorAll("textarea[data-markdown-preview]").forEach(function (textarea) {
    renderPreview(textarea);
    textarea.addEventListener("input", debounce(function () { renderPreview(textarea); }, 400));
  });

  var form = document.querySelector("form[data-autosave]");
  if (!form) return;
  var id = form.getAttribute("data-autosave");
  var status = form.querySelector("[data-autosave-status]");
  var version = form.querySelector('input[name="version"]');
  var dirty = false;
  var saving = false;
  var stopped = false;
  var inflight = null;

  function say(text) {
    if (status) status.textContent = text;
  }

  function autosave() {
    if (!dirty || saving || stopped) return;
    saving = true;
    dirty = false;
    inflight = fetch("/umbraco/content/" + id + "/autosave", {
      method: "POST",
      credentials: "same-origin",
      headers: { "RequestVerificationToken": token },
      body: new FormData(form)
    }).then(function (response) {
      return response.json().then(function (body) { return { status: response.status, body: body }; });
    }).then(function (result) {
      if (result.status === 200) {
        if (version) version.value = String(result.body.version);
        say(status.getAttribute("data-saved-text") + " (" + new Date(result.body.savedAtUtc).toLocaleTimeString() + ")");
      } else if (result.status === 409) {
        // Someone else saved: stop autosaving; the editor's save button shows both versions.
        stopped = true;
        say(status.getAttribute("data-conflict-text"));
      } else {
        say((result.body.messages || []).join(" "));
      }
    }).catch(function () {
      dirty = true;
    }).finally(function () {
      saving = false;
      inflight = null;
    });
  }

  var later = debounce(autosave, 5000);
  form.addEventListener("input", function () { dirty = true; later(); });
  form.addEventListener("change", function () { dirty = true; later(); });
  // A save while an autosave is on its way waits for it, so that it posts the version the autosave made (otherwise
  // the editor's own autosave would look like someone else's newer version).
  form.addEventListener("submit", function (event) {
    stopped = true;
    if (inflight) {
      event.preventDefault();
      var submitter = event.submitter;
      inflight.then(function () { form.requestSubmit(submitter); });
    }
  });
})();
