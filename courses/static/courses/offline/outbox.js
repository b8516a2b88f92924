// The learner's results waiting to be sent: xAPI statements and saved H5P
// states, kept in IndexedDB so that both the pages and the site's service
// worker can send them (docs/offline.md).
//
// Items are sent in the order they were added, statements in batches; one
// sender at a time (a Web Lock shared by the tabs and the worker), and an
// item leaves the store only once the server answered it. A statement keeps
// its id, so sending it again after a lost answer stores nothing twice (the
// server drops a re-sent id with the same content). Refusals for good (4xx)
// are dropped, as before; "not now" (no network, 5xx, 401, 403: signed out
// or another person signed in) keeps everything for later.
(function (scope) {
  "use strict";

  const DB = "virage-outbox";
  const STORE = "items";
  const BATCH = 50;
  const MAX_ITEMS = 2000; // a misbehaving exercise cannot fill the storage
  const LOCK = "virage-outbox";

  function request(idbRequest) {
    return new Promise((resolve, reject) => {
      idbRequest.onsuccess = () => resolve(idbRequest.result);
      idbRequest.onerror = () => reject(idbRequest.error);
    });
  }

  let opening = null;
  function open() {
    if (!opening) {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => {
        const store = req.result.createObjectStore(STORE, { keyPath: "seq", autoIncrement: true });
        store.createIndex("owner", "owner");
      };
      opening = request(req);
    }
    return opening;
  }

  async function transaction(mode, work) {
    const db = await open();
    const tx = db.transaction(STORE, mode);
    const result = await work(tx.objectStore(STORE));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    return result;
  }

  function pending(owner) {
    return transaction("readonly", (store) =>
      request(store.index("owner").getAll(IDBKeyRange.only(owner))),
    ).then((items) => items.sort((a, b) => a.seq - b.seq));
  }

  async function push(item) {
    return transaction("readwrite", async (store) => {
      const count = await request(store.index("owner").count(IDBKeyRange.only(item.owner)));
      if (count >= MAX_ITEMS) return false;
      if (item.kind === "state") {
        // Only the last state of a block matters: it replaces one not sent yet.
        const items = await request(store.index("owner").getAll(IDBKeyRange.only(item.owner)));
        for (const old of items) {
          if (old.kind === "state" && old.url === item.url) store.delete(old.seq);
        }
      }
      store.add(Object.assign({ added: Date.now() }, item));
      return true;
    });
  }

  function remove(seqs) {
    return transaction("readwrite", (store) => {
      for (const seq of seqs) store.delete(seq);
    });
  }

  function later(status) {
    return status === 0 || status === 401 || status === 403 || status === 408 || status === 429 || status >= 500;
  }

  async function send(item, body, csrf) {
    const headers = { "X-CSRFToken": csrf || item.csrf || "" };
    if (item.kind === "statement") {
      headers["Content-Type"] = "application/json";
      headers["X-Experience-API-Version"] = "1.0.3";
    } else {
      headers["Content-Type"] = "application/x-www-form-urlencoded";
    }
    try {
      const response = await fetch(item.url, {
        method: "POST",
        credentials: "same-origin",
        headers,
        body,
      });
      return response.status;
    } catch (error) {
      return 0;
    }
  }

  async function sendAll(owner, csrf) {
    for (;;) {
      const items = await pending(owner);
      if (!items.length) return true;
      const first = items[0];
      if (first.kind !== "statement") {
        const status = await send(first, first.body, csrf);
        if (later(status)) return false;
        await remove([first.seq]);
        continue;
      }
      const batch = [];
      for (const item of items) {
        if (item.kind !== "statement" || batch.length >= BATCH) break;
        batch.push(item);
      }
      const body = "[" + batch.map((item) => item.body).join(",") + "]";
      const status = await send(first, body, csrf);
      if (status === 400 && batch.length > 1) {
        // One bad statement refuses the batch: send them one by one.
        for (const item of batch) {
          const single = await send(item, "[" + item.body + "]", csrf);
          if (later(single)) return false;
          await remove([item.seq]);
        }
      } else if (later(status)) {
        return false;
      } else {
        await remove(batch.map((item) => item.seq)); // stored, or refused for good
      }
    }
  }

  // Sends ``owner``'s items in order; true when none is left.
  async function flush(owner, csrf) {
    if (!owner) return true;
    if (scope.navigator && scope.navigator.locks) {
      return scope.navigator.locks.request(LOCK, () => sendAll(owner, csrf));
    }
    return sendAll(owner, csrf);
  }

  // Everyone's items (the worker, which knows no learner, sends each
  // owner's in turn; the server refuses another person's for now).
  async function owners() {
    const items = await transaction("readonly", (store) => request(store.getAll()));
    return Array.from(new Set(items.map((item) => item.owner)));
  }

  scope.VirageOutbox = { push, pending, flush, owners };
})(self);
