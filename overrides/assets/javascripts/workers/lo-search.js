/*
 * The theme's search worker, forgiving one wrong letter.
 *
 * Material hands lunr the query as typed, and lunr finds "feedback" for "feedbak" only when asked for words one
 * edit away ("feedbak~1"). This worker adds that request for every plain word of FUZZY_FROM letters or more, then
 * lets Material's own worker do the rest. overrides/main.html points the theme here and passes the theme worker's
 * file name as `?material=`; this file must sit beside it, as Material loads lunr's languages relative to itself.
 * A classic script: with the iframe-worker shim (offline edition) it runs in an iframe instead of a worker.
 */
(function () {
  "use strict";

  var QUERY = 2; // Material's message type for a query: SearchMessageType is SETUP, READY, QUERY, RESULT
  var FUZZY_FROM = 5; // shorter words have too many neighbours one letter away: "team" would find "teams", "tram"
  var PLAIN_WORD = /^[\p{L}']+$/u; // no lunr syntax (+ - ~ ^ * :), digits or hyphens

  /** The query with, after each plain word long enough, the same word allowing one wrong letter. */
  function forgiveTypos(query) {
    return query.split(/\s+/).filter(Boolean).map(function (word) {
      return word.length >= FUZZY_FROM && PLAIN_WORD.test(word) ? word + " " + word + "~1" : word;
    }).join(" ");
  }

  if (typeof module !== "undefined") {
    module.exports = { forgiveTypos: forgiveTypos, FUZZY_FROM: FUZZY_FROM };
    return;
  }

  // Registered before Material's handler, so that handler reads the rewritten query.
  addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = forgiveTypos(message.data);
    }
  });
  var self_url = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : location.href;
  var material = /[?&]material=([\w.-]+)/.exec(self_url);
  importScripts(new URL(material[1], self_url).href);
})();
