/* Werkvormen: "Druk dit draaiboek af" prints one session plan. It makes the plan the page's :target, and the
   print rules in werkvormen.css then leave out the other plans. A classic script: it also runs from file://. */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-session]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var id = button.getAttribute("data-session");
      if (window.location.hash !== "#" + id) {
        window.location.hash = id;
      }
      window.print();
    });
  });
})();
