/* Shows the server's reading of a target while it is typed. The reading comes from the
   core parser through the JSON endpoint; nothing is parsed here. */
(function () {
  "use strict";
  var url = document.getElementById("preview-script").getAttribute("data-url");
  document.querySelectorAll("form.target-form").forEach(function (form) {
    var input = form.querySelector("[data-preview]");
    var indicator = form.querySelector("[data-indicator]");
    if (!input || !indicator) return;
    var out = document.getElementById(input.getAttribute("data-preview"));
    var timer = null, asked = 0;
    function ask() {
      var n = ++asked;
      var q = "?indicator=" + encodeURIComponent(indicator.value) + "&text=" + encodeURIComponent(input.value);
      fetch(url + q, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { return r.json(); })
        .then(function (d) {
          if (n !== asked) return;  // a later keystroke already asked again
          out.classList.toggle("bad", !d.ok);
          out.textContent = d.ok ? "Hiểu là: " + d.description + (d.warnings.length ? " · " + d.warnings.join(" · ") : "") : d.error;
        })
        .catch(function () { out.textContent = "Không xem trước được (mất kết nối?). Bấm “Xem trước”."; });
    }
    function later() { clearTimeout(timer); timer = setTimeout(ask, 250); }
    input.addEventListener("input", later);
    indicator.addEventListener("change", later);
  });
})();
