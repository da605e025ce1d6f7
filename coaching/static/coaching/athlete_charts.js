// Draws the athlete page's charts with Chart.js from the JSON the page embeds.
(function () {
  "use strict";
  function band(labels, low, high) {
    return [
      { label: "lower bound", data: labels.map(() => low), borderDash: [6, 4], borderColor: "#2e7d32", pointRadius: 0, fill: false },
      { label: "upper bound", data: labels.map(() => high), borderDash: [6, 4], borderColor: "#2e7d32", pointRadius: 0, fill: "-1", backgroundColor: "rgba(46,125,50,0.08)" },
    ];
  }
  function line(id, labels, datasets, options) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    new Chart(canvas, {
      type: "line",
      data: { labels: labels, datasets: datasets },
      options: Object.assign({ animation: false, spanGaps: true, maintainAspectRatio: false,
        plugins: { legend: { labels: { boxWidth: 12 } } } }, options || {}),
    });
  }
  function draw() {
    const source = document.getElementById("athlete-charts");
    if (!source || typeof Chart === "undefined") return;
    const c = JSON.parse(source.textContent);
    if (!c.sleep) return;
    line("chart-sleep", c.sleep.labels, [{ label: "sleep h", data: c.sleep.hours, borderColor: "#264b5d" },
      ...band(c.sleep.labels, c.sleep.band[0], c.sleep.band[1])]);
    line("chart-protein", c.protein.labels, [{ label: "protein g/kg", data: c.protein.g_per_kg, borderColor: "#8e44ad" },
      ...band(c.protein.labels, c.protein.band[0], c.protein.band[1])]);
    const w = c.wellness;
    line("chart-wellness", w.labels, [
      { label: "stress", data: w.stress, borderColor: "#d98200" },
      { label: "fatigue", data: w.fatigue, borderColor: "#c0392b" },
      { label: "soreness", data: w.soreness, borderColor: "#7f8c8d" },
      { label: "perceived weakness", data: w.perceived_weakness, borderColor: "#b00020", borderWidth: 3 },
    ], { scales: { y: { min: 0, max: 10 } } });
    new Chart(document.getElementById("chart-load"), {
      data: { labels: c.load.labels, datasets: [
        { type: "bar", label: "weekly load AU", data: c.load.load_au, backgroundColor: "rgba(38,75,93,0.5)", yAxisID: "y" },
        { type: "line", label: "acute:chronic", data: c.load.acwr, borderColor: "#b00020", yAxisID: "ratio" },
        { type: "line", label: "danger", data: c.load.labels.map(() => c.load.danger), borderDash: [6, 4], borderColor: "#b00020", pointRadius: 0, yAxisID: "ratio" },
      ] },
      options: { animation: false, maintainAspectRatio: false, scales: { ratio: { position: "right", min: 0 } } },
    });
    const palette = ["#264b5d", "#d98200", "#8e44ad", "#2e7d32"];
    line("chart-e1rm", c.e1rm.labels, c.e1rm.datasets.map((d, i) => Object.assign({ borderColor: palette[i % 4] }, d)));
  }
  document.addEventListener("DOMContentLoaded", draw);
})();
