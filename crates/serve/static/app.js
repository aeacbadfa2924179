// newsdesk serve: progressive enhancement only. Every page works without this file:
// the legend falls back to CSS :has(), histogram bars are plain links, the search box
// is a plain form. Served from /static/ under `default-src 'self'` (no inline code).
"use strict";

(function () {
  // `/` focuses the search box (the page's own, else the header's), unless the
  // reader is typing somewhere already.
  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    var box = document.getElementById("q") || document.getElementById("top-q");
    if (!box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  // Document page: each legend checkbox shows or hides one kind of highlight, by a
  // `hide-KIND` class on the text's container.
  function legend() {
    var main = document.querySelector(".doc-main");
    if (!main) return;
    var boxes = main.querySelectorAll("fieldset.legend input[type=checkbox][data-kind]");
    Array.prototype.forEach.call(boxes, function (box) {
      var apply = function () {
        main.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
      };
      box.addEventListener("change", apply);
      apply(); // a checkbox the browser restored unchecked (back button)
    });
  }

  // Search page: a click on a histogram bar narrows to its days (the bar's own link);
  // a drag across bars narrows to the days from the first to the last bar touched.
  function histogram() {
    var svg = document.querySelector("figure.histogram svg");
    if (!svg) return;
    var bars = Array.prototype.slice.call(svg.querySelectorAll("a.bar"));
    if (bars.length === 0) return;
    var start = null;
    var end = null;
    var dragged = false;

    function barAt(event) {
      var el = document.elementFromPoint(event.clientX, event.clientY);
      while (el && el !== svg) {
        if (el.classList && el.classList.contains("bar")) return el;
        el = el.parentNode;
      }
      // Past either end of the chart: the nearest bar.
      var box = svg.getBoundingClientRect();
      if (event.clientX < box.left) return bars[0];
      if (event.clientX > box.right) return bars[bars.length - 1];
      return null;
    }

    function mark() {
      var lo = Math.min(bars.indexOf(start), bars.indexOf(end));
      var hi = Math.max(bars.indexOf(start), bars.indexOf(end));
      bars.forEach(function (bar, i) {
        bar.classList.toggle("selected", start !== null && i >= lo && i <= hi);
      });
    }

    function go() {
      var lo = Math.min(bars.indexOf(start), bars.indexOf(end));
      var hi = Math.max(bars.indexOf(start), bars.indexOf(end));
      var url = new URL(window.location.href);
      url.pathname = "/search";
      url.searchParams.set("from", bars[lo].getAttribute("data-from"));
      url.searchParams.set("to", bars[hi].getAttribute("data-to"));
      url.searchParams.delete("page");
      url.searchParams.delete("offset");
      window.location.assign(url.toString());
    }

    svg.addEventListener("pointerdown", function (event) {
      if (event.button !== 0) return;
      var bar = barAt(event);
      if (!bar) return;
      start = end = bar;
      dragged = false;
      if (svg.setPointerCapture) svg.setPointerCapture(event.pointerId);
      mark();
      event.preventDefault();
    });

    svg.addEventListener("pointermove", function (event) {
      if (start === null) return;
      var bar = barAt(event);
      if (bar && bar !== end) {
        end = bar;
        dragged = dragged || end !== start;
        mark();
      }
    });

    svg.addEventListener("pointerup", function (event) {
      if (start === null) return;
      var bar = barAt(event);
      if (bar) end = bar;
      if (end !== start) dragged = true;
      if (dragged) {
        go();
      } else {
        // A plain click: follow the bar's own link (its days, the other filters kept).
        window.location.assign(start.getAttribute("href"));
      }
      start = end = null;
    });

    svg.addEventListener("pointercancel", function () {
      start = end = null;
      mark();
    });

    // The pointer handlers navigate; keep the links' own click from doing it twice.
    // Keyboard activation (Enter on a focused bar) sends a click with detail 0.
    bars.forEach(function (bar) {
      bar.addEventListener("click", function (event) {
        if (event.detail !== 0) event.preventDefault();
      });
    });
  }

  function ready() {
    legend();
    histogram();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
