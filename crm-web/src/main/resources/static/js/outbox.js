// The outbox (issue 23): contact logs saved on the phone (IndexedDB) while there was no
// connection, and their sending. Used by the pages (offline.js) and by the service worker
// (sw.js, Background Sync), so nothing here touches the page.
//
// An entry: { id, user, customerId, customerName, action, token, multipart, createdAt,
//   fields: [[name, value]] or [[name, blob, fileName]] for a file, state, message, errors }.
// state: 'waiting' | 'signin' (the session ended: kept until the user signs in again) |
//   'invalid' (the server refused a field: kept with its messages to correct) |
//   'conflict' (the customer is no longer in the user's book: kept until discarded).
// An entry is sent only under the user who saved it, with the form's one-time submission token:
// a resend after a lost answer is recognised by the server and stored once.
(function (global) {
  'use strict';

  var DB_NAME = 'crm-offline';
  var STORE = 'outbox';
  var SESSION_URL = '/outbox/session';

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = global.indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        var store = request.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
        store.createIndex('user', 'user');
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  // One transaction; `work` makes one request on the store, whose result is the answer.
  function withStore(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var transaction = db.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () { db.close(); resolve(request ? request.result : undefined); };
        transaction.onerror = transaction.onabort = function () { db.close(); reject(transaction.error); };
      });
    });
  }

  function add(entry) {
    return withStore('readwrite', function (store) { return store.add(entry); });
  }

  function put(entry) {
    return withStore('readwrite', function (store) { return store.put(entry); });
  }

  function get(id) {
    return withStore('readonly', function (store) { return store.get(id); });
  }

  function remove(id) {
    return withStore('readwrite', function (store) { return store.delete(id); });
  }

  /** The entries of one user, oldest first. */
  function of(user) {
    if (!user) {
      return Promise.resolve([]);
    }
    return withStore('readonly', function (store) { return store.index('user').getAll(user); });
  }

  /** A form's fields as an entry keeps them: text as text, a chosen file as its bytes and name. */
  function fieldsOf(formData) {
    var fields = [];
    formData.forEach(function (value, name) {
      if (name === '_csrf') {
        return; // a fresh token is asked for when the entry is sent
      }
      if (typeof value === 'string') {
        fields.push([name, value]);
      } else if (value.size > 0 || value.name) {
        fields.push([name, value, value.name || 'file']);
      }
    });
    return fields;
  }

  /** The request body: the form's own encoding (multipart only when it has a file). */
  function bodyOf(entry, csrfParameter, csrfToken) {
    var hasFile = entry.fields.some(function (field) { return typeof field[1] !== 'string'; });
    var body = entry.multipart || hasFile ? new FormData() : new URLSearchParams();
    entry.fields.forEach(function (field) {
      if (typeof field[1] === 'string') {
        body.append(field[0], field[1]);
      } else {
        body.append(field[0], field[1], field[2]);
      }
    });
    if (csrfParameter) {
      body.append(csrfParameter, csrfToken);
    }
    return body;
  }

  function isJson(response) {
    return (response.headers.get('Content-Type') || '').indexOf('json') >= 0;
  }

  function landedOnSignIn(response) {
    return response.redirected && new URL(response.url).pathname === '/login';
  }

  /**
   * Posts a log form to the server and reads its answer: 'sent' (stored now or before), 'invalid'
   * (with the server's messages), 'conflict', 'signin', 'retry' (the server could not answer now).
   * A failed connection rejects, and the caller keeps the entry.
   */
  function post(action, body, timeoutMs) {
    var controller = global.AbortController ? new AbortController() : null;
    var timer = controller && timeoutMs ? setTimeout(function () { controller.abort(); }, timeoutMs) : null;
    return fetch(action, {
      method: 'POST', body: body, credentials: 'same-origin',
      headers: { Accept: 'application/json' }, signal: controller ? controller.signal : undefined
    }).then(function (response) {
      if (timer) {
        clearTimeout(timer);
      }
      if (landedOnSignIn(response) || response.status === 401) {
        return { outcome: 'signin', status: response.status };
      }
      var read = isJson(response) ? response.json() : Promise.resolve(null);
      return read.then(function (answer) {
        var status = answer && answer.status;
        if (status === 'created' || status === 'duplicate') {
          return { outcome: 'sent', answer: answer };
        }
        if (status === 'invalid' || status === 'stale') {
          return { outcome: 'invalid', answer: answer };
        }
        if (response.status === 413) {
          return { outcome: 'invalid', answer: { tooLarge: true } };
        }
        if (status === 'gone' || response.status === 404 || response.status === 403 || response.status === 409) {
          return { outcome: 'conflict', answer: answer, status: response.status };
        }
        return { outcome: 'retry', status: response.status };
      });
    }, function (failed) {
      if (timer) {
        clearTimeout(timer);
      }
      throw failed;
    });
  }

  /** Who is signed in here, with a CSRF token; null when nobody is (the session ended). Rejects offline or on a server error. */
  function session() {
    return fetch(SESSION_URL, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (landedOnSignIn(response) || response.status === 401) {
          return null;
        }
        if (response.ok && isJson(response)) {
          return response.json();
        }
        throw new Error('no answer now: ' + response.status); // e.g. 503: tried again later
      });
  }

  function record(entry, result) {
    if (result.outcome === 'sent') {
      return remove(entry.id);
    }
    if (result.outcome === 'retry') {
      return null;
    }
    entry.state = result.outcome;
    var answer = result.answer || {};
    entry.message = answer.message || null;
    entry.errors = answer.fieldErrors || null;
    entry.globalErrors = answer.errors || null;
    entry.tooLarge = !!answer.tooLarge;
    return put(entry);
  }

  /**
   * Sends the waiting entries of the user signed in now; entries of anyone else stay as they
   * are. When nobody is signed in, the entries of `pageUser` (the user the page was shown to)
   * are marked "sign in to send". Resolves to { offline, signedOut, sent, left }.
   */
  function flushNow(pageUser) {
    return session().then(function (signedIn) {
      if (!signedIn || !signedIn.user) {
        return of(pageUser).then(function (entries) {
          return Promise.all(entries.filter(function (e) { return e.state === 'waiting'; }).map(function (e) {
            e.state = 'signin';
            return put(e);
          }));
        }).then(function () { return { signedOut: true }; });
      }
      return of(signedIn.user).then(function (entries) {
        var due = entries.filter(function (e) { return e.state === 'waiting' || e.state === 'signin'; });
        var sent = 0;
        // one after the other, in the order they were saved; a failed connection stops the round
        return due.reduce(function (previous, entry) {
          return previous.then(function (stop) {
            if (stop) {
              return true;
            }
            return post(entry.action, bodyOf(entry, signedIn.csrfParameter, signedIn.csrfToken), 30000)
              .then(function (result) {
                if (result.outcome === 'sent') {
                  sent++;
                }
                return Promise.resolve(record(entry, result)).then(function () { return result.outcome === 'retry'; });
              });
          });
        }, Promise.resolve(false)).then(function () { return { sent: sent }; });
      });
    }).catch(function () {
      return { offline: true };
    });
  }

  /** As flushNow, one round at a time across the app's tabs and its service worker. */
  function flush(pageUser) {
    var locks = global.navigator && global.navigator.locks;
    return locks ? locks.request('crm-outbox', function () { return flushNow(pageUser); }) : flushNow(pageUser);
  }

  global.CrmOutbox = {
    add: add, put: put, get: get, remove: remove, of: of,
    fieldsOf: fieldsOf, bodyOf: bodyOf, post: post, flush: flush
  };
})(self);
