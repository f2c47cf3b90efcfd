/* Sortable tables: a button in each header cell; aria-sort tells screen readers the order.
   Cells may carry data-sort (a plain number) so that "5.933,3" sorts as a number. */
(function () {
  "use strict";
  function key(cell) {
    var raw = cell.getAttribute("data-sort");
    if (raw !== null && raw !== "" && !isNaN(Number(raw))) return Number(raw);
    return cell.textContent.trim().toLocaleLowerCase("vi");
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, index) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[index]), y = key(b.cells[index]);
          if (typeof x === "number" && typeof y === "number") return up ? x - y : y - x;
          return up ? String(x).localeCompare(String(y), "vi") : String(y).localeCompare(String(x), "vi");
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
