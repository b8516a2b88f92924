// Runs on the player's origin, in the lesson's sandboxed iframe, for one SCO.
//
// A SCO looks for the SCORM API (API for 1.2, API_1484_11 for 2004) in its
// parent windows: this page provides it with scorm-again, then loads the SCO
// in a frame of its own on the same (player) origin. It holds no learner data
// and no session: the lesson page sends the CMI data to start from, and every
// commit goes back to it by postMessage, exchanged only with the parent's
// origin, checked both ways. A commit the server refuses comes back as
// "virage:scorm-refused" with the error code the SCO then reads.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("scorm-bridge").textContent);
  const PARENT = config.parent;
  const is2004 = config.version.indexOf("2004") === 0;
  const SUSPEND_DATA_12 = 4096;
  let api = null;
  let sequence = 0;

  function post(message) {
    window.parent.postMessage(message, PARENT);
  }

  // scorm-again's HTTP service, replaced: a commit is handed to the lesson
  // page, which stores it with the learner's session.
  const relay = {
    processHttpRequest(url, params, immediate, log, listeners, metadata) {
      sequence += 1;
      post({
        type: "virage:scorm-commit",
        sequence,
        cmi: params,
        terminate: Boolean(metadata && metadata.isTerminateCommit),
      });
      return { result: true, errorCode: 0 };
    },
    updateSettings() {},
  };

  // scorm-again accepts any length of 1.2 suspend_data; the data model
  // (and the server) stop at 4,096 characters.
  function limitSuspendData12(target) {
    const setValue = target.LMSSetValue.bind(target);
    target.LMSSetValue = function (element, value) {
      if (element === "cmi.suspend_data" && String(value).length > SUSPEND_DATA_12) {
        target.throwSCORMError(element, 405, "cmi.suspend_data > 4096");
        return "false";
      }
      return setValue(element, value);
    };
  }

  function start(data) {
    if (api) return;
    const settings = {
      lmsCommitUrl: "virage:relay",
      dataCommitFormat: "flattened",
      autocommit: false,
      logLevel: 5,
      httpService: relay,
    };
    api = is2004 ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
    api.loadFromFlattenedJSON(data.cmi || {}, "");
    if (is2004) {
      window.API_1484_11 = api;
    } else {
      limitSuspendData12(api);
      window.API = api;
    }
    sequence = Number.isInteger(data.sequence) ? data.sequence : 0;
    const frame = document.createElement("iframe");
    frame.title = document.title;
    frame.setAttribute("allow", "fullscreen");
    frame.src = config.scoUrl;
    document.body.appendChild(frame);
  }

  window.addEventListener("message", (event) => {
    if (event.origin !== PARENT || event.source !== window.parent) return;
    const data = event.data || {};
    if (data.type === "virage:scorm-init") {
      start(data);
    } else if (data.type === "virage:scorm-refused" && api) {
      api.lastErrorCode = String(data.scormError || (is2004 ? "391" : "101"));
    }
  });

  post({ type: "virage:scorm-ready" });
})();
