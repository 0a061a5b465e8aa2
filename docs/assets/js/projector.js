/* The projector view: one slide (dimension) at a time. Right/left arrow, Page Down/Up and Space move, Home and End
   jump, F switches full screen, Escape goes back to the card on screen. A slide's address is its #id, so a card
   page can open the view at its own slide. A classic script: it also runs from file://. */
(function () {
  "use strict";
  var root = document.querySelector(".lo-projector");
  if (!root) return;
  var slides = Array.prototype.slice.call(root.querySelectorAll(".lo-slide"));
  var controls = root.querySelector(".lo-projector__controls");
  var status = root.querySelector(".lo-projector__status");
  var leave = root.querySelector("[data-go=leave]");
  var current = 0;

  function cardPage(slide) {
    return slide.querySelector("a[data-card-page]").href;
  }

  function show(index, focus, keepAddress) {
    current = Math.max(0, Math.min(slides.length - 1, index));
    slides.forEach(function (slide, i) { slide.hidden = i !== current; });
    var slide = slides[current];
    status.textContent = "Dimensie " + (current + 1) + " van " + slides.length;
    leave.href = cardPage(slide);
    if (!keepAddress && window.location.hash !== "#" + slide.id) {
      window.history.replaceState(null, "", "#" + slide.id);
    }
    if (focus) {
      var heading = slide.querySelector("h2");
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, 0);
  }

  function fromAddress() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var index = slides.findIndex(function (slide) { return slide.id === id; });
    return index < 0 ? 0 : index;
  }

  function fullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }

  var actions = {
    next: function () { show(current + 1, true); },
    previous: function () { show(current - 1, true); },
    fullscreen: fullscreen
  };
  var keys = {
    ArrowRight: actions.next, PageDown: actions.next, " ": actions.next,
    ArrowLeft: actions.previous, PageUp: actions.previous,
    Home: function () { show(0, true); }, End: function () { show(slides.length - 1, true); },
    f: fullscreen, F: fullscreen,
    Escape: function () { window.location.href = cardPage(slides[current]); }
  };

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    var onControl = event.target.closest && event.target.closest("button, a");
    if (onControl && (event.key === " " || event.key === "Enter")) return; // the control's own action
    var action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });
  controls.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-go]");
    if (button) actions[button.getAttribute("data-go")]();
  });
  window.addEventListener("hashchange", function () { show(fromAddress(), true); });

  root.classList.add("lo-projector--live");
  controls.hidden = false;
  show(fromAddress(), false, !window.location.hash);
})();
