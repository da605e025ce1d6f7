// Draws the athlete page's charts with Chart.js from the JSON the page embeds.
(function () {
  "use strict";
  const LIGHT = { primary: "#264b5d", bars: "rgba(38,75,93,0.45)", red: "#b00020", green: "#2e7d32", purple: "#8e44ad", band: "rgba(46,125,50,0.12)" };
  const DARK = { primary: "#7fb8d6", bars: "rgba(127,184,214,0.35)", red: "#ff6b7a", green: "#81c784", purple: "#c39bd3", band: "rgba(129,199,132,0.12)" };
  let colours = LIGHT;

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  // "2026-11-24" -> "24 Nov", as dates read elsewhere on the dashboard.
  function shortDate(iso) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    return match ? Number(match[3]) + " " + MONTHS[Number(match[2]) - 1] : iso;
  }

  // Follow the admin's light or dark theme (its toggle sets html[data-theme]).
  function isDark() {
    const theme = document.documentElement.dataset.theme;
    if (theme === "dark" || theme === "light") return theme === "dark";
    return window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  function themeColours() {
    colours = isDark() ? DARK : LIGHT;
    const style = getComputedStyle(document.documentElement);
    const text = style.getPropertyValue("--body-quiet-color").trim();
    const grid = style.getPropertyValue("--hairline-color").trim();
    if (text) Chart.defaults.color = text;
    if (grid) Chart.defaults.borderColor = grid;
  }

  // The healthy range as a shaded band: one legend entry, no tooltips.
  function band(labels, low, high, name) {
    const edge = { borderDash: [6, 4], borderColor: colours.green, borderWidth: 1, pointRadius: 0, pointHitRadius: 0, backgroundColor: colours.band, band: true };
    return [
      Object.assign({ label: name, data: labels.map(() => low), fill: false }, edge),
      Object.assign({ label: "", data: labels.map(() => high), fill: "-1", hideInLegend: true }, edge),
    ];
  }

  function options(extra) {
    const base = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      spanGaps: true,
      interaction: { mode: "index", intersect: false },
      elements: { point: { radius: 0, hitRadius: 6, hoverRadius: 4 }, line: { borderWidth: 2, tension: 0 } },
      scales: {
        x: {
          ticks: {
            maxRotation: 0,
            autoSkip: true,
            maxTicksLimit: 9,
            callback: function (value) { return shortDate(this.getLabelForValue(value)); },
          },
        },
      },
      plugins: {
        legend: {
          labels: {
            boxWidth: 12,
            sort: (a, b) => a.datasetIndex - b.datasetIndex,
            filter: (item, data) => !data.datasets[item.datasetIndex].hideInLegend,
          },
        },
        tooltip: {
          filter: (item) => !item.dataset.band && item.raw !== null,
          callbacks: { title: (items) => (items.length ? shortDate(items[0].label) : "") },
        },
      },
    };
    const merged = Object.assign({}, base, extra || {});
    merged.scales = Object.assign({}, base.scales, (extra || {}).scales);
    return merged;
  }

  function chart(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas) return;
    const previous = Chart.getChart(canvas);
    if (previous) previous.destroy();
    new Chart(canvas, config);
  }

  function draw() {
    const source = document.getElementById("athlete-charts");
    if (!source || typeof Chart === "undefined") return;
    const c = JSON.parse(source.textContent);
    if (!c.sleep) return;
    themeColours();

    chart("chart-sleep", {
      type: "line",
      data: { labels: c.sleep.labels, datasets: [
        { label: "sleep (h)", data: c.sleep.hours, borderColor: colours.primary, backgroundColor: colours.primary },
        ...band(c.sleep.labels, c.sleep.band[0], c.sleep.band[1], "target band"),
      ] },
      options: options(),
    });

    chart("chart-protein", {
      type: "line",
      data: { labels: c.protein.labels, datasets: [
        { label: "protein (g/kg)", data: c.protein.g_per_kg, borderColor: colours.purple, backgroundColor: colours.purple },
        ...band(c.protein.labels, c.protein.band[0], c.protein.band[1], "target band"),
      ] },
      options: options(),
    });

    const w = c.wellness;
    chart("chart-wellness", {
      type: "line",
      data: { labels: w.labels, datasets: [
        { label: "stress", data: w.stress, borderColor: "#d98200", backgroundColor: "#d98200" },
        { label: "fatigue", data: w.fatigue, borderColor: "#2980b9", backgroundColor: "#2980b9" },
        { label: "soreness", data: w.soreness, borderColor: "#7f8c8d", backgroundColor: "#7f8c8d" },
        { label: "perceived weakness", data: w.perceived_weakness, borderColor: colours.red, backgroundColor: colours.red, borderWidth: 3 },
      ] },
      options: options({ scales: { y: { min: 0, max: 10, ticks: { stepSize: 2 } } } }),
    });

    chart("chart-load", {
      data: { labels: c.load.labels, datasets: [
        { type: "bar", label: "weekly load (AU)", data: c.load.load_au, backgroundColor: colours.bars, yAxisID: "y", order: 3 },
        { type: "line", label: "acute:chronic", data: c.load.acwr, borderColor: colours.red, backgroundColor: colours.red, pointRadius: 3, yAxisID: "ratio", order: 1 },
        { type: "line", label: "danger (" + c.load.danger + ")", data: c.load.labels.map(() => c.load.danger), borderDash: [6, 4], borderColor: colours.red, borderWidth: 1, pointRadius: 0, pointHitRadius: 0, yAxisID: "ratio", order: 2 },
      ] },
      options: options({
        scales: {
          y: { beginAtZero: true, title: { display: true, text: "AU" } },
          ratio: { position: "right", min: 0, grid: { drawOnChartArea: false }, title: { display: true, text: "ratio" } },
        },
      }),
    });

    const palette = [colours.primary, "#d98200", colours.purple, colours.green];
    chart("chart-e1rm", {
      type: "line",
      data: { labels: c.e1rm.labels, datasets: c.e1rm.datasets.map((d, i) => Object.assign(
        { borderColor: palette[i % palette.length], backgroundColor: palette[i % palette.length], pointRadius: 3 }, d)) },
      options: options(),
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    draw();
    // Redraw in the new colours when the coach switches theme.
    new MutationObserver(draw).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    window.matchMedia("(prefers-color-scheme: dark)").addEventListener("change", draw);
  });
})();
