// The service worker: "Add to home screen" opens the log even offline, and an entry logged without a
// connection is kept on the phone and sent when the app can be reached again.
//
// - It keeps only the shell (the log pages without any entry in them, the offline page, the style and
//   script): never a page with health data (the diary, a result, insights).
// - A log form sent without a connection is queued in IndexedDB with a new id of its own (``uid``) and the
//   moment it was logged, sent as "N minutes ago" (right whatever the phone's clock); the server saves an id
//   once, so sending it twice cannot log it twice.
// - The queue is sent when a page loads with a connection, when the page asks (twitchwise.js), and on
//   Background Sync where the browser has it.
"use strict";

const SHELL = "twitchwise-shell-v2";
const SHELL_URLS = ["/offline", "/log", "/log/twitch", "/log/symptom", "/static/style.css", "/static/twitchwise.js",
  "/static/icon.svg", "/static/icon-192.png"];
const QUEUED_FORMS = ["/log/twitch", "/log/symptom"];
const DATABASE = "twitchwise-queue";

self.addEventListener("install", (event) => {
  event.waitUntil(keepShell(false).then(() => self.skipWaiting()));
});

// The shell is kept page by page, and only as the app served it: a page that came back redirected (to the
// sign-in page, in server mode, before signing in) is not kept, and is fetched again on a later visit.
async function keepShell(missingOnly) {
  const cache = await caches.open(SHELL);
  await Promise.all(SHELL_URLS.map(async (url) => {
    if (missingOnly && await cache.match(url)) { return; }
    try {
      const response = await fetch(url, { credentials: "same-origin" });
      if (response.ok && !response.redirected) {
        await cache.put(url, response);
      } else if (response.body) {
        await response.body.cancel();  // not kept: let its connection go (a browser has few per host)
      }
    } catch (error) { /* no connection: keep what is there */ }
  }));
}

// Signed out (server mode): the log pages kept for the last person are dropped, the style and script kept.
async function forgetPages() {
  const cache = await caches.open(SHELL);
  await Promise.all(SHELL_URLS.filter((url) => !url.startsWith("/static/")).map((url) => cache.delete(url)));
}

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== SHELL).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === "POST" && QUEUED_FORMS.includes(url.pathname)) {
    event.respondWith(sendOrQueue(request));
    return;
  }
  if (request.method !== "GET") { return; }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request)
      .then((response) => {
        const signIn = new URL(response.url).pathname === "/login";
        event.waitUntil(signIn ? forgetPages() : Promise.all([flush(), keepShell(true)]));
        return response;
      })
      .catch(() => caches.match(SHELL_URLS.includes(url.pathname) ? url.pathname : "/offline")
        .then((cached) => cached || caches.match("/offline"))));
    return;
  }
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(fetch(request).catch(() => caches.match(request)));
  }
});

self.addEventListener("message", (event) => {
  if (event.data === "flush") { event.waitUntil(flush()); }
});

self.addEventListener("sync", (event) => {
  if (event.tag === "twitchwise-queue") { event.waitUntil(flush()); }
});

async function sendOrQueue(request) {
  const body = await request.clone().text();
  try {
    const response = await fetch(request);
    flush();
    return response;
  } catch (error) {
    const form = new URLSearchParams(body);
    form.set("uid", newUid());
    const entry = { path: new URL(request.url).pathname, body: form.toString(), queuedAt: Date.now() };
    await store("readwrite", (queue) => queue.add(entry));
    if (self.registration.sync) {
      self.registration.sync.register("twitchwise-queue").catch(() => undefined);
    }
    return new Response(QUEUED_PAGE, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}

async function flush() {
  const waiting = await store("readonly", (queue) => queue.getAll());
  const keys = await store("readonly", (queue) => queue.getAllKeys());
  for (let i = 0; i < waiting.length; i += 1) {
    // When it was logged, as a time ago: right however far the phone's clock is from the server's.
    const form = new URLSearchParams(waiting[i].body);
    if (!form.get("at")) {
      form.set("at", `${Math.max(0, Math.round((Date.now() - waiting[i].queuedAt) / 60000))} minutes ago`);
    }
    let response;
    try {
      response = await fetch(waiting[i].path, {
        method: "POST", body: form.toString(), credentials: "same-origin", redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
      });
    } catch (error) {
      return; // still offline: try again later
    }
    // Saved (a redirect to the diary), or refused for good (a 4xx the same form would always get): done.
    if (response.type === "opaqueredirect" || (response.status >= 200 && response.status < 500)) {
      await store("readwrite", (queue) => queue.delete(keys[i]));
    }
  }
}

function store(mode, action) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore("forms", { autoIncrement: true });
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const transaction = opening.result.transaction("forms", mode);
      const asked = action(transaction.objectStore("forms"));
      transaction.oncomplete = () => resolve(asked.result);
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

function newUid() {
  const bytes = new Uint8Array(16);
  self.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

const QUEUED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Saved on this phone · twitchwise</title>
<link rel="stylesheet" href="/static/style.css"></head><body><main id="main">
<h1>Saved on this phone</h1>
<p>You are offline. This entry is kept on this phone and will be added to your diary, with the time you logged it,
as soon as twitchwise can be reached again.</p>
<p><a class="button primary" href="/log">Log another</a></p>
</main></body></html>`;
