/* "Chọn tất cả": ticks or clears every box of the table it controls. */
(function () {
  "use strict";
  document.querySelectorAll("input[aria-controls]#chon-tat-ca").forEach(function (all) {
    var table = document.getElementById(all.getAttribute("aria-controls"));
    var boxes = table.querySelectorAll("input[type=checkbox][name=chon]");
    all.addEventListener("change", function () { boxes.forEach(function (b) { b.checked = all.checked; }); });
    boxes.forEach(function (b) {
      b.addEventListener("change", function () {
        var n = Array.prototype.filter.call(boxes, function (x) { return x.checked; }).length;
        all.checked = n === boxes.length; all.indeterminate = n > 0 && n < boxes.length;
      });
    });
  });
})();
