// Study-time heartbeats for lesson pages (docs/courses.md, "Study time").
// The server decides what counts; this script only reports what the player
// does: a heartbeat on play, pause, seek, page hidden/visible and every
// `interval` seconds while the lesson is open.
(function () {
  "use strict";
  var root = document.querySelector("[data-lesson-player]");
  if (!root || !window.fetch) return;
  var video = root.querySelector("[data-video]");
  var csrf = (root.querySelector("input[name=csrfmiddlewaretoken]") || {}).value || "";
  var warning = root.querySelector("[data-warning]");
  var verifiedEl = root.querySelector("[data-verified]");
  var watchedEl = root.querySelector("[data-watched]");
  var confirmButton = document.querySelector("[data-confirm-read]");
  var nextEl = document.querySelector("[data-next]");
  var duration = parseFloat(root.dataset.duration) || 0;
  var minReading = parseFloat(root.dataset.minReading) || 0;
  var intervalMs = Math.max(1, parseFloat(root.dataset.interval) || 15) * 1000;
  var token = null, seq = 0, stopped = false, lastPosition = 0, seekFrom = null, queue = Promise.resolve();
  var playWhenReady = false;

  function post(url, body, keepalive) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "X-Language": document.documentElement.lang || "" },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (data) {
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  function state() {
    if (document.hidden) return "hidden";
    if (video) return (video.paused || video.ended || video.seeking) ? "paused" : "playing";
    return "playing";
  }

  // Every API error has one body: {"code", "errors": {field: [messages]}} (docs/api.md).
  function firstError(data) {
    var errors = (data && data.errors) || {};
    var fields = ["lesson", "token", "__all__"].concat(Object.keys(errors));
    for (var i = 0; i < fields.length; i++) {
      var messages = errors[fields[i]];
      if (messages && messages.length) return messages[0];
    }
    return "";
  }

  function warn(message) {
    warning.textContent = message;
    warning.hidden = !message;
  }

  function show(data) {
    if (typeof data.study_seconds === "number") {
      verifiedEl.textContent = root.dataset.msgVerified + ": " + Math.floor(data.study_seconds / 60) + " min " + Math.floor(data.study_seconds % 60) + " s";
      if (confirmButton) confirmButton.disabled = data.study_seconds < minReading;
    }
    if (watchedEl && typeof data.covered_seconds === "number" && duration) {
      watchedEl.textContent = root.dataset.msgWatched + ": " + Math.min(100, Math.floor(100 * data.covered_seconds / duration)) + "%";
    }
    if (data.status === "completed" && root.dataset.completed !== "1") {
      root.dataset.completed = "1";
      var done = document.createElement("strong");
      done.className = "ok";
      done.textContent = root.dataset.msgCompleted + " ";
      root.querySelector("[data-status]").prepend(done);
      if (nextEl) nextEl.hidden = false;
    }
  }

  function beat(keepalive) {
    if (!token || stopped) return queue;
    queue = queue.then(function () {
      seq += 1;
      var body = { token: token, seq: seq, state: state() };
      if (video) {
        body.position = Math.min(video.currentTime || 0, duration || video.currentTime || 0);
        if (seekFrom !== null) { body.seeked_from = Math.min(seekFrom, duration || seekFrom); seekFrom = null; }
      }
      return post(root.dataset.heartbeatUrl, body, keepalive).then(function (result) {
        if (result.ok) { warn(""); show(result.data); return; }
        if (result.data && result.data.code === "superseded") {
          stopped = true;
          if (video) video.pause();
          warn(root.dataset.msgSuperseded);
        } else if (result.status === 403) {
          // Signed out or the page's CSRF token went stale: time no longer counts, say why.
          stopped = true;
          if (video) video.pause();
          warn(firstError(result.data) || root.dataset.msgOffline);
        }
      }, function () { warn(root.dataset.msgOffline); });
    });
    return queue;
  }

  function start() {
    post(root.dataset.startUrl, { lesson: parseInt(root.dataset.lesson, 10) }).then(function (result) {
      if (!result.ok) { warn(firstError(result.data) || root.dataset.msgOffline); return; }
      token = result.data.token;
      show(result.data);
      if (video && result.data.position > 0) {
        var resume = function () { video.currentTime = result.data.position; lastPosition = result.data.position; };
        if (video.readyState >= 1) resume(); else video.addEventListener("loadedmetadata", resume, { once: true });
      }
      if (!video) beat();
      // Playback asked for before the server issued the viewing resumes now, so no second of it is lost.
      if (video && playWhenReady) { playWhenReady = false; video.play(); }
      window.setInterval(function () { if (state() === "playing") beat(); }, intervalMs);
    }, function () { warn(root.dataset.msgOffline); });
  }

  if (video) {
    video.addEventListener("timeupdate", function () { if (!video.seeking) lastPosition = video.currentTime; });
    video.addEventListener("seeking", function () { if (seekFrom === null) seekFrom = lastPosition; });
    video.addEventListener("play", function () {
      // Time played before the server has issued a viewing could not be verified: wait for it.
      if (!token && !stopped) { playWhenReady = true; video.pause(); }
    });
    ["play", "pause", "seeked", "ended"].forEach(function (name) {
      video.addEventListener(name, function () { beat(); });
    });
  }
  if (confirmButton) confirmButton.disabled = true;
  document.addEventListener("visibilitychange", function () {
    if (document.hidden && video && !video.paused) video.pause();
    beat(document.hidden);
  });
  window.addEventListener("pagehide", function () {
    if (token && !stopped) post(root.dataset.endUrl, { token: token }, true);
  });
  start();
})();
