// A table wider than the screen scrolls inside its container (.table-scroll), not the whole page. Such a
// container is made reachable with Tab (then the arrow keys scroll it) and is named after its table.
(() => {
  const nameOf = (box) => {
    const table = box.querySelector("table");
    if (!table) return "";
    const caption = table.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    const heading = document.getElementById(table.getAttribute("aria-labelledby") || "");
    return heading ? heading.textContent.trim() : "";
  };
  const update = () => {
    document.querySelectorAll(".table-scroll").forEach((box) => {
      const wide = box.scrollWidth > box.clientWidth + 1;
      if (wide && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        box.dataset.scrollFocus = "1";
        const name = nameOf(box);
        if (name) {
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", name);
        }
      } else if (!wide && box.dataset.scrollFocus) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
        delete box.dataset.scrollFocus;
      }
    });
  };
  document.addEventListener("DOMContentLoaded", update);
  document.addEventListener("htmx:afterSettle", update);
  document.addEventListener("toggle", update, true); // a table inside <details> that opens
  window.addEventListener("resize", update);
})();
