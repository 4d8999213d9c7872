// Draws every server-rendered figure: <div data-figure=ID> + <script type="application/json" id="ID-spec">.
// Points whose customdata is a run link open that run when clicked; PNG/SVG export is plotly's own modebar.
(function () {
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  function theme(layout, traceCount) {
    var fg = dark ? "#e6e6e6" : "#1a1a1a";
    var grid = dark ? "#3a3a3a" : "#e3e3e3";
    layout.font = Object.assign({ color: fg }, layout.font || {});
    Object.keys(layout).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) {
        layout[key] = Object.assign({ gridcolor: grid, zerolinecolor: grid, linecolor: grid }, layout[key]);
      }
    });
    if (!layout.xaxis) layout.xaxis = { gridcolor: grid, zerolinecolor: grid };
    if (!layout.yaxis) layout.yaxis = { gridcolor: grid, zerolinecolor: grid };
    // On a phone the legend goes below the plot (under the axis title) and the figure grows to hold it.
    if (window.innerWidth < 640 && traceCount > 1) {
      layout.legend = Object.assign({ orientation: "h", yanchor: "top", y: -0.35, x: 0 }, layout.legend || {});
      layout.height = (layout.height || 320) + 24 * traceCount;
    }
    return layout;
  }
  function draw() {
    if (typeof Plotly === "undefined") {
      document.querySelectorAll("[data-figure]").forEach(function (el) {
        el.textContent = "plotly.js did not load: figures are unavailable.";
      });
      return;
    }
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var specEl = document.getElementById(el.dataset.figure + "-spec");
      if (!specEl) return;
      var spec = JSON.parse(specEl.textContent);
      Plotly.newPlot(el, spec.data, theme(spec.layout, spec.data.length), spec.config).then(function () {
        el.dataset.drawn = "true";
        el.on("plotly_click", function (event) {
          var point = event && event.points && event.points[0];
          var link = point && point.customdata;
          if (typeof link === "string" && /^runs\/[0-9a-f-]{36}$/.test(link)) window.location.href = link;
        });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
