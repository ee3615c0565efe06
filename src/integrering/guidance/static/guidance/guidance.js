// Career guidance pages: after htmx replaces the sessions part, put the focus where the user can go on.
// (Wide tables scroll in their box by the shared static/js/app.js.)
(() => {
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
  document.addEventListener("htmx:afterSettle", focusAfterSwap);
})();
