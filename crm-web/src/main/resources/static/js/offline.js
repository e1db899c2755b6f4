// Offline use of the field pages (issue 23), the pages' side; the service worker is sw.js, the
// outbox's storage and sending outbox.js. Every page works without this file.
//  - registers the service worker, which keeps the field pages for use without a connection;
//  - signing out (and the sign-in page) forgets the pages kept for the user;
//  - the log form: sent by a script (same URL, a JSON answer); without a connection it is saved
//    on the phone ("waiting to send"), with its one-time submission token, and sent later;
//  - the header's badge counts the user's entries waiting; the outbox page lists them;
//  - the outbox is sent on page load, when the connection returns and every 30 s.
// Words come from the page (messages in both languages), never from here.
(function () {
  'use strict';

  var RETRY_MS = 30000;
  var LIVE_TIMEOUT_MS = 15000;
  var user = meta('crm-user');
  var source = meta('crm-page-source') || 'network';
  // a page the service worker served from the phone: "kept:<when it was kept, ms>"
  var keptAt = source.indexOf('kept:') === 0 ? Number(source.slice(5)) : null;
  var badge = document.querySelector('[data-outbox-badge]');
  var stringsElement = document.getElementById('offline-strings');
  var strings = stringsElement ? stringsElement.dataset : {};

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  function say(text, value) {
    return (text || '').replace('%n', value);
  }

  if (user) {
    registerWorker(); // for signed-in users only: nothing to keep before that
  }
  forgetOnSignOut();
  quickLogWithoutConnection();
  if (keptAt && badge) {
    showKept();
  }
  if (!user || !window.indexedDB || !window.CrmOutbox) {
    return;
  }
  var logMarker = document.querySelector('[data-outbox-form]');
  var logForm = logMarker ? logMarker.closest('form') : null;
  var outboxList = document.getElementById('outbox-list');
  if (logForm) {
    enhanceLogForm(logForm, logMarker);
  }
  if (outboxList) {
    document.getElementById('outbox-send').addEventListener('click', flushAndShow);
  }
  refresh().then(function (entries) {
    if (entries.some(due)) {
      flushAndShow();
    }
  });
  window.addEventListener('online', flushAndShow);
  setInterval(function () {
    CrmOutbox.of(user).then(function (entries) {
      if (entries.some(due) && navigator.onLine !== false) {
        flushAndShow();
      }
    });
  }, RETRY_MS);

  // --- the service worker and signing out ---

  function registerWorker() {
    if (!('serviceWorker' in navigator)) {
      return;
    }
    var controlled = !!navigator.serviceWorker.controller;
    navigator.serviceWorker.register('/sw.js').then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      if (controlled || !registration.active) {
        return;
      }
      // this page, its styles, scripts and fonts were loaded before the worker controlled it
      var urls = performance.getEntriesByType('resource').map(function (entry) { return entry.name; });
      registration.active.postMessage({ type: 'keep-assets', urls: urls });
      if (!keptAt) {
        registration.active.postMessage({ type: 'keep-page', url: location.href.split('#')[0] });
      }
    }).catch(function () {
      // no service worker here (plain HTTP outside localhost): the pages work online only
    });
  }

  function forgetOnSignOut() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (form.method === 'post' && new URL(form.action, location.href).pathname === '/logout') {
        forgetPages();
      }
    }, true);
    if (location.pathname === '/login') {
      forgetPages();
    }
  }

  /**
   * By the worker when it controls the page: it forgets in turn with keeping, so a page kept just
   * after signing in stays kept. Deleting here as well could land after the worker had kept the
   * next user's first page (My day) and drop it. A page it does not control deletes here.
   */
  function forgetPages() {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage({ type: 'signed-out' });
      return;
    }
    if (window.caches) {
      caches.keys().then(function (names) {
        names.forEach(function (name) {
          if (name.indexOf('crm-pages-') === 0 || name === 'crm-meta') {
            caches.delete(name);
          }
        });
      });
    }
  }

  /**
   * My day's quick log takes the server's time, so it needs the connection. Without one, what was
   * typed goes on to the customer's full log form (kept on the phone), which saves it here.
   */
  function quickLogWithoutConnection() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      var quick = /^\/customers\/(\d+)\/logs\/quick$/.exec(new URL(form.action, location.href).pathname);
      if (!quick || navigator.onLine !== false || !window.sessionStorage) {
        return;
      }
      event.preventDefault();
      event.stopPropagation(); // not "submitting": this form is not sent
      var typed = {};
      ['channel', 'summary'].forEach(function (name) {
        var control = form.elements.namedItem(name);
        typed[name] = control ? control.value : '';
      });
      sessionStorage.setItem('crm-quick-log-' + quick[1], JSON.stringify(typed));
      location.assign('/customers/' + quick[1] + '/logs/new?back=my-day');
    }, true);
  }

  /** What a quick log handed on (above) fills the full form's fields of the same names. */
  function takeQuickLog(form, customerId) {
    var key = 'crm-quick-log-' + customerId;
    var typed = window.sessionStorage && sessionStorage.getItem(key);
    if (!typed) {
      return;
    }
    sessionStorage.removeItem(key);
    typed = JSON.parse(typed);
    Array.prototype.forEach.call(form.elements, function (control) {
      if (control.name in typed) {
        if (control.type === 'radio') {
          control.checked = control.value === typed[control.name];
        } else if (control.type !== 'hidden') {
          control.value = typed[control.name];
        }
      }
    });
  }

  function showKept() {
    var note = document.createElement('p');
    note.className = 'alert alert-info small mt-3 mb-0 kept-page';
    note.setAttribute('role', 'status');
    note.textContent = say(badge.dataset.keptText, timeOf(keptAt));
    var body = document.querySelector('.app-body');
    if (body) {
      body.insertBefore(note, body.firstChild);
    }
  }

  function timeOf(ms) {
    var at = new Date(ms);
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    return at.getFullYear() + '-' + pad(at.getMonth() + 1) + '-' + pad(at.getDate()) + ' '
        + pad(at.getHours()) + ':' + pad(at.getMinutes());
  }

  // --- the outbox: sending and counting ---

  function due(entry) {
    return entry.state === 'waiting' || entry.state === 'signin';
  }

  function flushAndShow() {
    return CrmOutbox.flush(user).then(refresh, refresh);
  }

  /** The badge, the saved note on the log form and the outbox page, from the phone's storage. */
  function refresh() {
    return CrmOutbox.of(user).then(function (entries) {
      if (badge) {
        badge.hidden = entries.length === 0;
        var text = say(badge.dataset.text, entries.length);
        badge.querySelector('.outbox-badge-text').textContent = text;
        badge.querySelector('.outbox-badge-count').textContent = String(entries.length);
        badge.setAttribute('title', text);
        badge.setAttribute('aria-label', text);
        badge.classList.toggle('attention', entries.some(function (e) { return !due(e); }));
      }
      if (logForm) {
        showSavedNote(entries);
      }
      if (outboxList) {
        showOutbox(entries);
      }
      return entries;
    }, function () {
      return [];
    });
  }

  function requestBackgroundSync() {
    if (navigator.serviceWorker && window.SyncManager) {
      navigator.serviceWorker.ready.then(function (registration) {
        return registration.sync.register('crm-outbox');
      }).catch(function () {
        // no Background Sync: the pages send the outbox themselves
      });
    }
  }

  // --- the log form ---

  function enhanceLogForm(form, marker) {
    var editing = /^#outbox-(\d+)$/.exec(location.hash);
    if (keptAt && !form.querySelector('.is-invalid')) {
      freshen(form);
    }
    if (editing) {
      prefill(form, Number(editing[1]), marker);
    } else {
      takeQuickLog(form, marker.dataset.customerId);
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (form.dataset.outboxBusy === 'true') {
        return; // a second tap while the first is on its way
      }
      form.dataset.outboxBusy = 'true';
      submitLog(form, marker);
    });
  }

  /**
   * A form kept on the phone was rendered when it was kept: it gets a submission token of its
   * own (two logs written on one kept form must not share one) and, unless the user typed one,
   * a time moved on by how long it was kept.
   */
  function freshen(form) {
    var token = form.elements.namedItem('submissionToken');
    if (token) {
      token.value = newToken();
    }
    var time = form.elements.namedItem('occurredAt');
    if (time && time.value && time.value === time.defaultValue) {
      var moved = new Date(new Date(time.value + 'Z').getTime() + Math.max(0, Date.now() - keptAt));
      if (!isNaN(moved.getTime())) {
        time.value = moved.toISOString().slice(0, 16);
      }
    }
  }

  function newToken() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-'
        + hex.slice(20);
  }

  function submitLog(form, marker) {
    var data = new FormData(form);
    var csrf = form.querySelector('input[type=hidden][name="_csrf"]');
    var entry = {
      user: user,
      customerId: marker.dataset.customerId,
      customerName: marker.dataset.customerName,
      action: new URL(form.action, location.href).pathname + new URL(form.action, location.href).search,
      token: data.get('submissionToken'),
      multipart: form.enctype === 'multipart/form-data',
      createdAt: Date.now(),
      fields: CrmOutbox.fieldsOf(data),
      state: 'waiting'
    };
    if (form.dataset.outboxEntry) {
      entry.id = Number(form.dataset.outboxEntry);
    }
    var edited = entry.id ? CrmOutbox.put(entry) : Promise.resolve();
    if (navigator.onLine === false) {
      edited.then(function () { return keep(form, entry, 'waiting'); });
      return;
    }
    edited.then(function () {
      return CrmOutbox.post(form.action, CrmOutbox.bodyOf(entry, csrf && csrf.name, csrf && csrf.value),
          LIVE_TIMEOUT_MS);
    }).then(function (result) {
      if (result.outcome === 'sent') {
        return (entry.id ? CrmOutbox.remove(entry.id) : Promise.resolve()).then(function () {
          location.assign(result.answer.location);
        });
      }
      if (result.outcome === 'signin' || (result.outcome === 'conflict' && !result.answer)) {
        // the session ended, or a refusal that is not the form's (a page kept from an older session
        // carries an old CSRF token): kept here, and sent at once with a fresh token if it can be
        return keep(form, entry, 'waiting').then(flushAndShow);
      }
      if (result.outcome === 'conflict') {
        // the customer left the user's book: what was typed stays here to copy, not lost on a 404 page
        return keep(form, entry, 'conflict');
      }
      // a field refused, or the server could not answer now: its own page says why, as without this
      // script (an edited entry stays waiting with what was typed; if this post stores it, its token ends it)
      form.submit();
    }, function () {
      keep(form, entry, 'waiting');
    });
  }

  /** No connection (or the session ended): the entry goes to the phone's outbox. */
  function keep(form, entry, state) {
    entry.state = state;
    return (entry.id ? CrmOutbox.put(entry) : CrmOutbox.add(entry)).then(function (id) {
      entry.id = id;
      form.dataset.outboxSaved = String(id);
      form.hidden = true;
      requestBackgroundSync();
      return refresh();
    });
  }

  function showSavedNote(entries) {
    var saved = logForm.dataset.outboxSaved;
    if (!saved) {
      return;
    }
    var note = document.getElementById('outbox-saved');
    if (!note) {
      note = document.createElement('div');
      note.id = 'outbox-saved';
      note.setAttribute('role', 'status');
      var title = document.createElement('p');
      title.className = 'fw-semibold mb-1 outbox-saved-title';
      var hint = document.createElement('p');
      hint.className = 'small mb-2 outbox-saved-hint';
      var actions = document.createElement('div');
      actions.className = 'd-flex flex-wrap gap-2';
      actions.appendChild(link('/outbox', strings.openOutbox, 'btn btn-sm btn-primary'));
      var cancel = logForm.querySelector('.form-actions a[href]');
      actions.appendChild(link(cancel ? cancel.getAttribute('href') : '/my-day', strings.back,
          'btn btn-sm btn-outline-secondary'));
      note.appendChild(title);
      note.appendChild(hint);
      note.appendChild(actions);
      logForm.parentNode.insertBefore(note, logForm.nextSibling);
    }
    var entry = entries.filter(function (e) { return String(e.id) === saved; })[0];
    note.className = 'alert mt-2 ' + (entry ? 'alert-warning' : 'alert-success');
    var waiting = entry && due(entry);
    note.querySelector('.outbox-saved-title').textContent = !entry ? strings.sent
      : waiting ? say(strings.saved, entries.length) : stateText(entry);
    note.querySelector('.outbox-saved-hint').textContent = !waiting ? ''
      : entry.state === 'signin' ? strings.signinHint : strings.savedHint;
  }

  /** Opening the form from the outbox (#outbox-<id>): what was typed, the server's messages beside it. */
  function prefill(form, id, marker) {
    CrmOutbox.get(id).then(function (entry) {
      if (!entry || entry.user !== user || String(entry.customerId) !== marker.dataset.customerId) {
        return;
      }
      form.dataset.outboxEntry = String(id);
      var values = {};
      var files = {};
      entry.fields.forEach(function (field) {
        var into = typeof field[1] === 'string' ? values : files;
        (into[field[0]] = into[field[0]] || []).push(field);
      });
      Array.prototype.forEach.call(form.elements, function (control) {
        // hidden fields (the grade's version, the way back) stay as this page has them
        if (!control.name || control.type === 'hidden') {
          return;
        }
        if (control.type === 'file') {
          restoreFiles(control, files[control.name]);
        } else if (values[control.name]) {
          var typed = values[control.name].map(function (field) { return field[1]; });
          if (control.type === 'radio' || control.type === 'checkbox') {
            control.checked = typed.indexOf(control.value) >= 0;
          } else {
            control.value = typed[0];
          }
        }
      });
      var token = form.elements.namedItem('submissionToken');
      if (token) {
        token.value = entry.token;
      }
      showErrors(form, entry);
    });
  }

  function restoreFiles(input, fields) {
    if (!fields || !window.DataTransfer) {
      return;
    }
    try {
      var transfer = new DataTransfer();
      fields.forEach(function (field) {
        transfer.items.add(new File([field[1]], field[2], { type: field[1].type }));
      });
      input.files = transfer.files;
    } catch (unsupported) {
      // the files stay in the outbox entry; the user chooses them again
    }
  }

  function showErrors(form, entry) {
    Object.keys(entry.errors || {}).forEach(function (name) {
      var control = form.elements.namedItem(name);
      if (!control) {
        return;
      }
      var first = control.length !== undefined && !control.tagName ? control[0] : control;
      var after = first.type === 'radio' ? first.closest('fieldset') || first : first;
      if (first.classList) {
        first.classList.add('is-invalid');
      }
      entry.errors[name].forEach(function (message) {
        var error = document.createElement('p');
        error.className = 'invalid-feedback d-block field-error';
        error.textContent = message;
        after.parentNode.insertBefore(error, after.nextSibling);
      });
    });
    var top = [entry.message].concat(entry.globalErrors || []).filter(Boolean);
    if (entry.tooLarge) {
      top.push(strings.tooLarge);
    }
    if (top.length) {
      var alert = document.createElement('p');
      alert.className = 'error alert alert-danger';
      alert.textContent = top.join(' ');
      form.insertBefore(alert, form.firstChild);
    }
  }

  // --- the outbox page ---

  function showOutbox(entries) {
    document.getElementById('outbox-empty').hidden = entries.length > 0;
    document.getElementById('outbox-send').hidden = !entries.some(due);
    while (outboxList.firstChild) {
      outboxList.removeChild(outboxList.firstChild);
    }
    entries.forEach(function (entry) {
      outboxList.appendChild(entryCard(entry));
    });
  }

  function entryCard(entry) {
    var card = document.createElement('li');
    card.className = 'card card-body mb-2 outbox-entry';
    card.id = 'outbox-entry-' + entry.id;
    card.dataset.state = entry.state;
    var title = document.createElement('h2');
    title.className = 'h6 mb-1';
    title.appendChild(link('/customers/' + entry.customerId, entry.customerName, ''));
    card.appendChild(title);
    var values = textFields(entry);
    var when = document.createElement('p');
    when.className = 'small text-body-secondary mb-1';
    when.textContent = [label('channel', values.channel), (values.occurredAt || '').replace('T', ' ')]
      .filter(Boolean).join(' · ');
    card.appendChild(when);
    var state = document.createElement('p');
    state.className = 'mb-1 outbox-state ' + (due(entry) ? 'text-body-secondary' : 'text-danger fw-semibold');
    state.textContent = stateText(entry);
    card.appendChild(state);
    if (values.summary) {
      var summary = document.createElement('p');
      summary.className = 'mb-2 outbox-summary';
      summary.textContent = values.summary;
      card.appendChild(summary);
    }
    if (entry.state === 'invalid') {
      var errors = document.createElement('ul');
      errors.className = 'small text-danger mb-2 outbox-errors';
      Object.keys(entry.errors || {}).forEach(function (name) {
        entry.errors[name].forEach(function (message) {
          var item = document.createElement('li');
          item.textContent = fieldLabel(name) ? labelled(fieldLabel(name), message) : message;
          errors.appendChild(item);
        });
      });
      (entry.globalErrors || []).concat(entry.tooLarge ? [strings.tooLarge] : []).forEach(function (message) {
        var item = document.createElement('li');
        item.textContent = message;
        errors.appendChild(item);
      });
      card.appendChild(errors);
    }
    var actions = document.createElement('div');
    actions.className = 'd-flex flex-wrap gap-2';
    if (entry.state === 'invalid') {
      actions.appendChild(link('/customers/' + entry.customerId + '/logs/new#outbox-' + entry.id, strings.correct,
          'btn btn-sm btn-primary'));
    }
    if (entry.state === 'conflict') {
      actions.appendChild(button(strings.retry, 'btn btn-sm btn-outline-primary', function () {
        entry.state = 'waiting';
        CrmOutbox.put(entry).then(flushAndShow);
      }));
    }
    actions.appendChild(button(strings.copy, 'btn btn-sm btn-outline-secondary outbox-copy', function (copy) {
      copyText(entry, copy);
    }));
    actions.appendChild(button(strings.discard, 'btn btn-sm btn-outline-danger outbox-discard', function () {
      if (window.confirm(strings.discardConfirm)) {
        CrmOutbox.remove(entry.id).then(refresh);
      }
    }));
    card.appendChild(actions);
    return card;
  }

  function stateText(entry) {
    return {
      waiting: strings.stateWaiting, signin: strings.stateSignin, invalid: strings.stateInvalid,
      conflict: strings.stateConflict
    }[entry.state] || '';
  }

  function textFields(entry) {
    var values = {};
    entry.fields.forEach(function (field) {
      if (typeof field[1] === 'string' && !(field[0] in values)) {
        values[field[0]] = field[1];
      }
    });
    return values;
  }

  /** A channel's or a field's name as the pages say it (offline/strings.html). */
  function label(kind, code) {
    var element = stringsElement && code
      ? stringsElement.querySelector('[data-kind="' + kind + '"][data-code="' + CSS.escape(code) + '"]') : null;
    return element ? element.textContent : null;
  }

  function fieldLabel(name) {
    return label('field', name);
  }

  /** "label: value" as the page's language writes it. */
  function labelled(name, value) {
    return (strings.labelled || '%l: %v').replace('%l', name).replace('%v', value);
  }

  /** What the user typed, as text to paste elsewhere: each labelled field on a line. */
  function copyText(entry, copyButton) {
    var values = textFields(entry);
    var lines = [entry.customerName];
    Object.keys(values).forEach(function (name) {
      var value = name === 'channel' ? label('channel', values[name]) : values[name];
      if (fieldLabel(name) && value) {
        lines.push(labelled(fieldLabel(name), value));
      }
    });
    var text = lines.join('\n');
    var done = function () { copyButton.textContent = strings.copied; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { copyBySelection(text, done); });
    } else {
      copyBySelection(text, done);
    }
  }

  function copyBySelection(text, done) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', 'readonly');
    area.className = 'visually-hidden';
    document.body.appendChild(area);
    area.select();
    try {
      if (document.execCommand('copy')) {
        done();
      }
    } finally {
      document.body.removeChild(area);
    }
  }

  function link(href, text, className) {
    var a = document.createElement('a');
    a.href = href;
    a.textContent = text || '';
    if (className) {
      a.className = className;
    }
    return a;
  }

  function button(text, className, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = className;
    b.textContent = text || '';
    b.addEventListener('click', function () { onClick(b); });
    return b;
  }
})();
