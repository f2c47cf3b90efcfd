/* Shows, under each figure being typed, how the server will read it ("đọc là 99,7%"). The
   reading comes from the core's number reader through the entry app's endpoint; nothing is
   computed here. */
(function () {
  "use strict";
  var script = document.getElementById("reading-script");
  if (!script) return;
  var url = script.getAttribute("data-url");
  document.querySelectorAll("input[data-reading]").forEach(function (input) {
    var out = document.getElementById(input.getAttribute("data-reading"));
    var timer = null, asked = 0;
    function ask(retry) {
      var n = ++asked;
      var q = "?indicator=" + encodeURIComponent(input.getAttribute("data-indicator")) + "&text=" + encodeURIComponent(input.value);
      fetch(url + q, {credentials: "same-origin", headers: {"Accept": "application/json"}})
        .then(function (r) { return r.json(); })
        .then(function (d) {
          if (n !== asked) return;  // a later keystroke already asked again
          out.classList.toggle("bad", !d.ok);
          out.textContent = d.ok ? d.reading : d.error;
        })
        .catch(function () {
          if (n !== asked) return;
          if (!retry) { setTimeout(function () { ask(true); }, 500); return; }  // once more: a busy server
          out.textContent = "Không xem trước được (mất kết nối?); số liệu vẫn được kiểm tra khi lưu.";
        });
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { ask(false); }, 250); });
  });
})();
