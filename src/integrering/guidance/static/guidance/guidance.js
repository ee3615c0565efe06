// Career guidance pages: tables wider than the screen scroll sideways inside .table-scroll. Make each
// scroller that actually scrolls reachable and scrollable by keyboard (WCAG 2.1.1), as a named region
// (its table's caption, else the heading of its section). Without JavaScript the tables still scroll.
(() => {
  const nameOf = (scroller) => {
    const caption = scroller.querySelector("caption");
    const section = scroller.closest("section");
    const heading = section && section.querySelector("h2, h3");
    return ((caption && caption.textContent) || (heading && heading.textContent) || "").trim();
  };
  const update = () => {
    document.querySelectorAll(".table-scroll").forEach((scroller) => {
      const scrolls = scroller.scrollWidth > scroller.clientWidth + 1;
      if (scrolls && !scroller.hasAttribute("tabindex")) {
        scroller.tabIndex = 0;
        scroller.setAttribute("role", "region");
        const name = nameOf(scroller);
        if (name) scroller.setAttribute("aria-label", name);
        scroller.dataset.keyboardScroll = "";
      } else if (!scrolls && "keyboardScroll" in scroller.dataset) {
        ["tabindex", "role", "aria-label", "data-keyboard-scroll"].forEach((a) => scroller.removeAttribute(a));
      }
    });
  };
  // After htmx replaces the sessions part (a session recorded, or the form's errors), the button that had the
  // focus is gone: put the focus on the first field in error, else on the confirmation, not back at the top.
  const focusAfterSwap = (event) => {
    const part = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("#samtaler") : null;
    if (!part) return;
    const invalid = part.querySelector("[aria-invalid='true']");
    const message = part.querySelector("[role='status'], [role='alert']");
    const target = invalid || message;
    if (!target) return;
    if (!invalid) target.tabIndex = -1;
    target.focus();
  };
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", update);
  document.addEventListener("htmx:afterSettle", (event) => { update(); focusAfterSwap(event); });
})();
