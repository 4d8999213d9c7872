// Draws every server-rendered figure: <div data-figure=ID> + <script type="application/json" id="ID-spec">.
(function () {
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
      var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
      spec.layout.font = Object.assign({ color: dark ? "#e6e6e6" : "#1a1a1a" }, spec.layout.font || {});
      Plotly.newPlot(el, spec.data, spec.layout, spec.config).then(function () {
        el.dataset.drawn = "true";
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
