// Progressive enhancement only: every page works without this file.
// The body map of the check toggles the matching checkbox in the list of places.
"use strict";
(function () {
  function boxFor(key) {
    return document.querySelector('input[type="checkbox"][data-site="' + key + '"]');
  }
  function show() {
    var chosen = Array.prototype.map.call(
      document.querySelectorAll('input[type="checkbox"][data-site]:checked'),
      function (box) { return box.value; });
    var out = document.getElementById("chosen-sites");
    if (out) { out.textContent = chosen.length ? chosen.join(", ") : "none yet"; }
  }
  function sync(key) {
    var box = boxFor(key);
    document.querySelectorAll('[data-toggle-site="' + key + '"]').forEach(function (area) {
      area.classList.toggle("chosen", !!(box && box.checked));
      area.setAttribute("aria-checked", box && box.checked ? "true" : "false");
    });
  }
  function toggle(key) {
    var box = boxFor(key);
    if (!box) { return; }
    box.checked = !box.checked;
    sync(key);
    show();
  }
  document.addEventListener("click", function (event) {
    var area = event.target.closest && event.target.closest("[data-toggle-site]");
    if (area) { toggle(area.getAttribute("data-toggle-site")); }
  });
  document.addEventListener("keydown", function (event) {
    var area = event.target.closest && event.target.closest("[data-toggle-site]");
    if (area && (event.key === " " || event.key === "Enter")) {
      event.preventDefault();
      toggle(area.getAttribute("data-toggle-site"));
    }
  });
  document.addEventListener("change", function (event) {
    var key = event.target.getAttribute && event.target.getAttribute("data-site");
    if (key) { sync(key); show(); }
  });
})();

// Each step of the check is a new page: move keyboard and screen-reader focus to its heading, or to the
// problem to fix when a form came back with one, so nobody starts again from the top of the page.
(function () {
  var target = document.getElementById("form-error") || document.getElementById("step-h");
  if (target) {
    if (!target.hasAttribute("tabindex")) { target.setAttribute("tabindex", "-1"); }
    target.focus({ preventScroll: false });
  }
})();

// A citation that points into the folded "for clinicians" list opens it, so the source is shown.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest('a[href^="#src-"]');
  if (!link) { return; }
  var target = document.getElementById(link.getAttribute("href").slice(1));
  var folded = target && target.closest("details");
  if (folded) { folded.open = true; }
});

// Chips: a tap fills the field with a common answer (which the field reads like any typed words).
document.querySelectorAll("[data-chips-for]").forEach(function (row) { row.hidden = false; });
document.addEventListener("click", function (event) {
  var chip = event.target.closest && event.target.closest("button[data-fill]");
  if (!chip) { return; }
  var field = document.getElementById(chip.parentElement.getAttribute("data-chips-for"));
  if (field) { field.value = chip.getAttribute("data-fill"); field.focus(); }
});

// Charts on a phone: a tap anywhere on a chart picks the nearest bar (a 6-px bar is no target for a thumb), and
// the arrow keys move along the bars once the chart has focus; the bar's words go below the chart, where a screen
// reader announces them. The same words are each bar's title for a mouse.
function pickBar(chart, mark) {
  var out = document.getElementById(chart.getAttribute("data-values"));
  var title = mark.querySelector("title");
  if (out && title) { out.textContent = title.textContent; }
  var day = mark.getAttribute("data-day");
  document.querySelectorAll("svg[data-values] rect.picked").forEach(function (other) { other.classList.remove("picked"); });
  // the same day (or week) is marked on every chart that tells into the same words: a day's factors line up
  document.querySelectorAll('svg[data-values="' + chart.getAttribute("data-values") + '"]').forEach(function (other) {
    var same = other.querySelector('rect[data-day="' + day + '"]');
    if (same) { same.classList.add("picked"); }
  });
  chart.setAttribute("data-picked", day);
}
function barsOf(chart) { return Array.prototype.slice.call(chart.querySelectorAll("rect[data-day]")); }
document.addEventListener("click", function (event) {
  var chart = event.target.closest && event.target.closest("svg[data-values]");
  if (!chart) { return; }
  var bars = barsOf(chart);
  if (!bars.length) { return; }
  var box = chart.getBoundingClientRect();
  var index = Math.floor((event.clientX - box.left) / box.width * bars.length);
  pickBar(chart, bars[Math.max(0, Math.min(bars.length - 1, index))]);
});
document.addEventListener("keydown", function (event) {
  var chart = event.target.closest && event.target.closest("svg[data-values]");
  if (!chart || (event.key !== "ArrowLeft" && event.key !== "ArrowRight")) { return; }
  var bars = barsOf(chart);
  var at = bars.findIndex(function (bar) { return bar.getAttribute("data-day") === chart.getAttribute("data-picked"); });
  if (at < 0) { at = event.key === "ArrowLeft" ? bars.length : -1; }
  at = Math.max(0, Math.min(bars.length - 1, at + (event.key === "ArrowLeft" ? -1 : 1)));
  pickBar(chart, bars[at]);
  event.preventDefault();
});

// The two-week re-check, as an optional browser notification: after permission, the date is kept in this
// browser only, and the notification shows when twitchwise is next opened on or after it (no server push).
(function () {
  var KEY = "twitchwise-recheck";
  if (!("Notification" in window) || !window.localStorage) { return; }
  var button = document.getElementById("remind-here");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      Notification.requestPermission().then(function (permission) {
        var status = document.getElementById("remind-status");
        if (permission === "granted") {
          localStorage.setItem(KEY, button.getAttribute("data-recheck"));
          status.textContent = "This browser will remind you when you open twitchwise on or after that day.";
        } else {
          status.textContent = "Notifications are off for this site; the calendar reminder above still works.";
        }
      });
    });
  }
  var due = localStorage.getItem(KEY);
  var today = new Date().toISOString().slice(0, 10);
  if (due && due <= today && Notification.permission === "granted") {
    localStorage.removeItem(KEY);
    new Notification("twitchwise: time for your two-week re-check", {
      body: "Check again today, or sooner if anything has changed.", tag: "twitchwise-recheck",
    });
  }
})();

// Installable: the service worker keeps the log usable offline and sends what was logged there once the
// app can be reached again (static/sw.js).
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").then(function () {
    if (navigator.onLine && navigator.serviceWorker.controller) {
      navigator.serviceWorker.controller.postMessage("flush");
    }
  }).catch(function () { /* the app works without it */ });
  window.addEventListener("online", function () {
    if (navigator.serviceWorker.controller) { navigator.serviceWorker.controller.postMessage("flush"); }
  });
}

// Passkeys (server mode): add one on the account page, sign in with one on the sign-in page.  Shown only where
// the browser can make and read them from JSON (the WebAuthn Level 3 helpers).
(function () {
  var able = window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON &&
    PublicKeyCredential.parseRequestOptionsFromJSON;
  function post(url, body) {
    return fetch(url, { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}) }).then(function (response) {
      return response.json().then(function (data) { return { ok: response.ok, data: data }; });
    });
  }
  function say(id, text) { var out = document.getElementById(id); if (out) { out.textContent = text; } }
  var add = document.getElementById("passkey-add");
  if (add && able) {
    add.hidden = false;
    add.addEventListener("click", function () {
      post("/account/passkeys/options").then(function (answer) {
        var options = PublicKeyCredential.parseCreationOptionsFromJSON(answer.data.options);
        return navigator.credentials.create({ publicKey: options }).then(function (credential) {
          return post("/account/passkeys", { credential: credential.toJSON(), token: answer.data.token });
        });
      }).then(function (result) {
        say("passkey-status", result.ok ? "Passkey added: you can sign in with it on this device."
                                        : "The passkey was not added: " + result.data.problem);
      }).catch(function () { say("passkey-status", "No passkey was added."); });
    });
  }
  var use = document.getElementById("passkey-login");
  if (use && able) {
    use.hidden = false;
    use.addEventListener("click", function () {
      post("/login/passkey/options").then(function (answer) {
        var options = PublicKeyCredential.parseRequestOptionsFromJSON(answer.data.options);
        return navigator.credentials.get({ publicKey: options }).then(function (credential) {
          return post("/login/passkey", { credential: credential.toJSON(), token: answer.data.token });
        });
      }).then(function (result) {
        if (result.ok) { window.location.assign(result.data.redirect); }
        else { say("passkey-status", "Not signed in: " + result.data.problem); }
      }).catch(function () { say("passkey-status", "Not signed in with a passkey."); });
    });
  }
})();
