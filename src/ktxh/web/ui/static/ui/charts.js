/* Draws the page's charts from the JSON the server put in <script type="application/json">.
   Colours follow the status badges; every chart has a table with the same figures beside it. */
(function () {
  "use strict";
  var STATUS_COLOURS = {vuot: "#1b6e3a", dat: "#3b9a57", co_ban_dat: "#c98a00", khong_dat: "#b3261e", chua_co_so_lieu: "#8a8a8a"};
  var LINE_COLOURS = ["#1f4e99", "#b3261e", "#1b6e3a", "#c98a00", "#6b3fa0", "#555555"];
  var viNumber = new Intl.NumberFormat("vi-VN", {maximumFractionDigits: 2});

  function data(id) {
    var el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function history() {
    var d = data("du-lieu-lich-su"), canvas = document.getElementById("bieu-do-lich-su");
    if (!d || !canvas || !window.Chart) return;
    var sets = d.datasets.map(function (s, i) {
      var c = LINE_COLOURS[i % LINE_COLOURS.length];
      return {label: s.label, data: s.data, borderColor: c, backgroundColor: c, spanGaps: true,
              borderDash: s.kind === "target" ? [6, 4] : s.kind === "forecast" ? [2, 3] : [],
              pointStyle: s.kind === "target" ? "rectRot" : s.kind === "forecast" ? "triangle" : "circle",
              pointRadius: 4, tension: 0};
    });
    new Chart(canvas, {type: "line", data: {labels: d.labels, datasets: sets},
      options: {responsive: true, maintainAspectRatio: false, animation: false,
        locale: "vi-VN", scales: {y: yAxis(sets)},
        plugins: {legend: {position: "bottom"}}}});
  }

  /* One value, or values all equal, would give an axis such as 64.000.000–65.000.000:
     start such an axis at zero so the figure is seen for its size. */
  function yAxis(sets) {
    var values = [];
    sets.forEach(function (s) { s.data.forEach(function (v) { if (v !== null && v !== undefined) values.push(v); }); });
    var flat = values.length < 2 || Math.min.apply(null, values) === Math.max.apply(null, values);
    return {beginAtZero: flat, ticks: {callback: function (v) { return viNumber.format(v); }}};
  }

  function lines(id, canvasId) {
    var d = data(id), canvas = document.getElementById(canvasId);
    if (!d || !canvas || !window.Chart) return;
    var sets = d.datasets.map(function (s, i) {
      var c = LINE_COLOURS[i % LINE_COLOURS.length];
      return {label: s.label, data: s.data, borderColor: c, backgroundColor: c, spanGaps: true, pointRadius: 4, tension: 0};
    });
    new Chart(canvas, {type: "line", data: {labels: d.labels, datasets: sets},
      options: {responsive: true, maintainAspectRatio: false, animation: false, locale: "vi-VN",
        scales: {y: yAxis(sets)}, plugins: {legend: {position: "bottom"}}}});
  }

  function bars(id, canvasId) {
    var d = data(id), canvas = document.getElementById(canvasId);
    if (!d || !canvas || !window.Chart) return;
    canvas.parentNode.style.height = Math.max(120, 34 * d.labels.length + 50) + "px";  /* a bar a row */
    new Chart(canvas, {type: "bar", data: {labels: d.labels, datasets: [{label: "Thực hiện", data: d.data, maxBarThickness: 26,
        backgroundColor: d.css.map(function (c) { return STATUS_COLOURS[c] || STATUS_COLOURS.chua_co_so_lieu; })}]},
      options: {indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false, locale: "vi-VN",
        scales: {x: {beginAtZero: true, ticks: {callback: function (v) { return viNumber.format(v); }}}},
        plugins: {legend: {display: false}}}});
  }

  function province() {
    var d = data("du-lieu-tinh"), canvas = document.getElementById("bieu-do-tinh");
    if (!d || !canvas || !window.Chart) return;
    var sets = d.statuses.map(function (s) {
      return {label: s.label, data: d.counts[s.value], backgroundColor: STATUS_COLOURS[s.value]};
    });
    new Chart(canvas, {type: "bar", data: {labels: d.communes, datasets: sets},
      options: {indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false, locale: "vi-VN",
        scales: {x: {stacked: true, ticks: {precision: 0}}, y: {stacked: true}},
        plugins: {legend: {position: "bottom"}}}});
  }

  history();
  province();
  bars("du-lieu-so-sanh", "bieu-do-so-sanh");
  lines("du-lieu-cac-nam", "bieu-do-cac-nam");
})();
