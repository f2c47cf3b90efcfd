/* A search box above a list (<input data-filters="id-of-select">): shows only the options whose
   text holds every word typed, without diacritics mattering ("san luong" finds "Sản lượng"). */
(function () {
  "use strict";
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  document.querySelectorAll("input[data-filters]").forEach(function (box) {
    var select = document.getElementById(box.dataset.filters);
    if (!select) { return; }
    box.addEventListener("input", function () {
      var words = fold(box.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(select.options, function (o) {
        var text = fold(o.textContent);
        o.hidden = o.value !== "" && !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
    });
  });
})();
