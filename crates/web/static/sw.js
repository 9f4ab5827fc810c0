// peergroup service worker: keeps the pages a facilitator opened (their sessions and
// roll-calls) and the static files, so they open again in a hall with no signal. Always
// the network first; the kept copy only when the network fails. Signing out clears it.
"use strict";

const CACHE = "peergroup-pages-v1";
const KEPT = [/^\/$/, /^\/sessions\/\d+$/, /^\/static\//];

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (!KEPT.some((p) => p.test(url.pathname))) return;
  e.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok && !res.redirected) {
          const copy = res.clone();
          caches.open(CACHE).then((c) => c.put(req, copy));
        }
        return res;
      })
      .catch(() => caches.match(req).then((kept) => kept || Response.error()))
  );
});
