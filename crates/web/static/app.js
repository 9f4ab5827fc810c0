// peergroup pages: the roll-call works without signal. Each tap is put in a queue on the
// phone (IndexedDB) with an id made here and the time it was tapped, and sent when the
// server answers again, retried every few seconds (a hall with no signal fires no `online`
// event). "Save the roll-call" is queued the same way, behind the taps. Each person shows
// whether their mark is saved, and another facilitator's different mark.
"use strict";

// A print page's button (no inline script: the content security policy forbids it).
document.addEventListener("click", (e) => {
  if (e.target instanceof Element && e.target.closest("[data-print]")) window.print();
});

// A form that creates something is sent once: a second tap while the first is on its way
// (a slow phone, a double tap) does nothing. Coming back to the page lets it go again.
document.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute("data-once")) return;
  if (form.dataset.sent) {
    e.preventDefault();
    return;
  }
  form.dataset.sent = "1";
});
window.addEventListener("pageshow", () => {
  for (const form of document.querySelectorAll("form[data-once]")) delete form.dataset.sent;
});

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => {});
}

(function () {
  const form = document.querySelector("form[data-roll-call]");
  if (!form) return;
  const session = form.dataset.session;
  const csrf = form.querySelector("input[name=csrf]").value;
  const RETRY_MS = 3000;
  let busy = false;

  function db() {
    return new Promise((resolve, reject) => {
      const open = indexedDB.open("peergroup", 1);
      open.onupgradeneeded = () => open.result.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
  }

  async function withStore(mode, work) {
    const d = await db();
    return new Promise((resolve, reject) => {
      const tx = d.transaction("queue", mode);
      const result = work(tx.objectStore("queue"));
      tx.oncomplete = () => resolve(result && "result" in result ? result.result : undefined);
      tx.onerror = () => reject(tx.error);
    });
  }

  const enqueue = (item) => withStore("readwrite", (s) => s.add(item));
  const remove = (seq) => withStore("readwrite", (s) => s.delete(seq));
  const pending = () => withStore("readonly", (s) => s.getAll());

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  function show(person, state, disagreements) {
    const line = document.getElementById("sync_" + person);
    if (!line) return;
    line.dataset.state = state;
    line.textContent = form.dataset[state] || "";
    const box = line.parentElement;
    box.querySelectorAll(".conflict").forEach((c) => c.remove());
    (disagreements || []).forEach((text) => {
      const p = document.createElement("p");
      p.className = "notice bad conflict";
      p.textContent = text;
      box.appendChild(p);
    });
  }

  function markOf(person) {
    const checked = form.querySelector("input[name=mark_" + person + "]:checked");
    const reason = form.querySelector("select[name=reason_" + person + "]");
    if (!checked) return null;
    const status = checked.value;
    return {
      status,
      reason: status === "excused" && reason && reason.value ? reason.value : null,
    };
  }

  async function tapped(person) {
    const m = markOf(person);
    if (!m || (m.status === "excused" && !m.reason)) return;
    await enqueue({
      kind: "mark",
      session,
      body: {
        client_id: newId(),
        person_id: Number(person),
        status: m.status,
        reason: m.reason,
        marked_at: new Date().toISOString(),
      },
    });
    show(person, "pending");
    flush();
  }

  form.addEventListener("change", (e) => {
    const name = e.target.name || "";
    const person = name.replace(/^(mark|reason)_/, "");
    if (person !== name) tapped(person);
  });

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    await enqueue({
      kind: "log",
      session,
      id: newId(),
      body: new URLSearchParams(new FormData(form)).toString(),
    });
    const note = form.querySelector("[data-log-state]");
    note.textContent = form.dataset.logPending;
    note.hidden = false;
    flush();
  });

  // Sends what is queued, oldest first; stops at the first that cannot reach the server.
  async function flush() {
    if (busy) return;
    busy = true;
    try {
      for (const item of await pending()) {
        if (item.session !== session) continue;
        const sent = item.kind === "mark" ? await sendMark(item) : await sendLog(item);
        if (!sent) break;
      }
    } catch (_) {
      // The queue could not be read; the next round tries again.
    } finally {
      busy = false;
    }
  }

  async function sendMark(item) {
    let res;
    try {
      res = await fetch("/sessions/" + session + "/marks", {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "content-type": "application/json",
          "x-csrf-token": csrf,
          "idempotency-key": item.body.client_id,
        },
        body: JSON.stringify(item.body),
      });
    } catch (_) {
      return false;
    }
    if (res.status >= 500 || res.status === 408 || res.status === 429) return false;
    await remove(item.seq);
    if (res.ok) {
      const kept = await res.json();
      show(item.body.person_id, "saved", kept.disagreements);
    } else {
      show(item.body.person_id, "refused");
    }
    return true;
  }

  async function sendLog(item) {
    let res;
    try {
      res = await fetch("/sessions/" + session, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/x-www-form-urlencoded", "idempotency-key": item.id },
        body: item.body,
      });
    } catch (_) {
      return false;
    }
    if (res.status >= 500 || res.status === 408 || res.status === 429) return false;
    await remove(item.seq);
    // The answer is the page after saving (or saying what is missing): show it.
    const page = new DOMParser().parseFromString(await res.text(), "text/html");
    const main = page.querySelector("main");
    if (main) {
      document.querySelector("main").replaceWith(document.adoptNode(main));
      window.scrollTo(0, 0);
    }
    return true;
  }

  setInterval(flush, RETRY_MS);
  window.addEventListener("online", flush);
  flush();
})();
