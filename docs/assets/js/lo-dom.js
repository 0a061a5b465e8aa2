/*
 * LoDom: the few page helpers every tool needs. Classic script with one global, so it also runs from file://.
 *
 *   el(tag, attributes, children)   build an element; children are nodes or strings (text, never HTML); null skipped
 *   svg(tag, attributes, children)  the same for SVG elements (charts)
 *   $(id)                           document.getElementById
 *   all(selector, within)           querySelectorAll as an array
 *   announce(region, message, isError)
 *                                   put a message in a live region (role="status") so screen readers read it,
 *                                   also when it is the same message as before; isError marks it (class lo-error)
 *   readData(id)                    the object in <script type="application/json" id="..."> (how the build
 *                                   hands data to the page; never evaluated as code)
 */
var LoDom = (function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";

  function make(namespace, tag, attributes, children) {
    var node = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function el(tag, attributes, children) {
    return make(null, tag, attributes, children);
  }

  function svg(tag, attributes, children) {
    return make(SVG_NS, tag, attributes, children);
  }

  function all(selector, within) {
    return Array.prototype.slice.call((within || document).querySelectorAll(selector));
  }

  var pending = new WeakMap();

  /**
   * A new message is read out at once. The same message again would not be: screen readers announce changes,
   * so the region is emptied first and the message put back a moment later.
   */
  function announce(region, message, isError) {
    clearTimeout(pending.get(region));
    region.classList.toggle("lo-error", Boolean(isError) && message !== "");
    if (region.textContent !== message || message === "") {
      region.textContent = message;
      return;
    }
    region.textContent = "";
    pending.set(region, setTimeout(function () { region.textContent = message; }, 100));
  }

  function readData(id) {
    return JSON.parse($(id).textContent);
  }

  function $(id) {
    return document.getElementById(id);
  }

  return { el: el, svg: svg, $: $, all: all, announce: announce, readData: readData };
})();
