// Integrering: small progressive enhancements. The app works without JavaScript.
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (token) event.detail.headers["X-CSRFToken"] = token.value;
});

// A wide table scrolls sideways inside its .table-scroll box (on a phone) instead of the whole page. A box that
// actually scrolls becomes a named region that takes the keyboard focus, so it can be scrolled without a mouse
// (WCAG 2.1.1); its name is the table's caption, else the element its aria-labelledby names, else its section's heading.
(() => {
  const nameOf = (box) => {
    const table = box.querySelector("table");
    const caption = box.querySelector("caption");
    const labelledBy = table && document.getElementById(table.getAttribute("aria-labelledby") || "");
    const section = box.closest("section");
    const heading = section && section.querySelector("h2, h3");
    const named = [caption, labelledBy, heading].find((el) => el && el.textContent.trim());
    return named ? named.textContent.trim() : "";
  };
  // Every table of the page's content gets a box (templates that forgot one included), so no table makes the
  // whole page scroll sideways on a phone.
  const wrapBareTables = () => {
    document.querySelectorAll("main table").forEach((table) => {
      if (table.closest(".table-scroll") || table.parentElement.closest("table")) return;
      const box = document.createElement("div");
      box.className = "table-scroll";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
  };
  const update = () => {
    wrapBareTables();
    document.querySelectorAll(".table-scroll").forEach((box) => {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.tabIndex = 0;
        const name = nameOf(box);
        // With its section's name the box would be a second landmark of that name (axe: landmark-unique);
        // a named group inside the section says the same without repeating the landmark.
        const section = box.closest("section[aria-labelledby]");
        const sectionName = section && document.getElementById(section.getAttribute("aria-labelledby"));
        const repeats = sectionName && sectionName.textContent.trim() === name;
        box.setAttribute("role", repeats ? "group" : "region");
        if (name) box.setAttribute("aria-label", name);
        box.dataset.keyboardScroll = "";
      } else if (!scrolls && "keyboardScroll" in box.dataset) {
        ["tabindex", "role", "aria-label", "data-keyboard-scroll"].forEach((a) => box.removeAttribute(a));
      }
    });
  };
  document.addEventListener("DOMContentLoaded", update);
  window.addEventListener("resize", update);
  document.addEventListener("htmx:afterSettle", update);
})();

// Designsystemet's ErrorSummary (templates/core/_error_summary.html): a form with errors opens with the keyboard focus
// on its summary, so a screen reader reads what must be fixed; each line links to its field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
});

// The header's menu and user links (templates/base.html): folded behind two buttons on a phone, open on a wider
// screen (where CSS hides the buttons). Without JavaScript the <details> still open and close by themselves.
(() => {
  const wide = window.matchMedia("(min-width: 40.01rem)");
  const sync = () => {
    document.querySelectorAll("[data-site-collapse]").forEach((details) => {
      details.open = wide.matches;
    });
  };
  document.addEventListener("DOMContentLoaded", () => {
    sync();
    // On a phone one of them is open at a time: opening the menu folds the user's links, and the other way round.
    document.querySelectorAll("[data-site-collapse]").forEach((details) => {
      details.addEventListener("toggle", () => {
        if (wide.matches || !details.open) return;
        document.querySelectorAll("[data-site-collapse][open]").forEach((other) => {
          if (other !== details) other.open = false;
        });
      });
    });
  });
  wide.addEventListener("change", sync);
})();
