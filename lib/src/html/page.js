// The page's only script. It reads nothing but attributes gazette wrote itself (sentence
// indices and event ids), so no article text ever reaches it as code.
(function () {
  "use strict";
  document.documentElement.setAttribute("data-script", "ready");
  function clear(name) {
    document.querySelectorAll("." + name).forEach(function (el) { el.classList.remove(name); });
  }
  // Selecting an event row marks the row, its evidence sentence (every piece of it) and its trigger.
  function select(row) {
    clear("sel");
    row.classList.add("sel");
    var pieces = document.querySelectorAll('.s[data-s="' + row.getAttribute("data-s") + '"]');
    pieces.forEach(function (el) { el.classList.add("sel"); });
    var id = row.getAttribute("data-ev");
    document.querySelectorAll("mark.trigger").forEach(function (el) {
      if ((el.getAttribute("data-ev") || "").split(" ").indexOf(id) >= 0) { el.classList.add("sel"); }
    });
    if (pieces.length > 0) { pieces[0].scrollIntoView({ block: "nearest" }); }
  }
  document.querySelectorAll("tr[data-ev]").forEach(function (row) {
    // The link in the row is what the keyboard reaches; Enter on it arrives here as a click.
    row.addEventListener("click", function (event) {
      event.preventDefault();
      select(row);
    });
  });
  // Focusing a mention outlines the other mentions of the same entity.
  document.addEventListener("focusin", function (event) {
    clear("peer");
    var entity = event.target.getAttribute && event.target.getAttribute("data-e");
    if (!entity) { return; }
    document.querySelectorAll('mark[data-e="' + entity + '"]').forEach(function (el) {
      if (el !== event.target) { el.classList.add("peer"); }
    });
  });
})();
