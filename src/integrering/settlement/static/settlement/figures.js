// Inline editing of the year table: keep the keyboard where the user is. When a row turns into inputs,
// focus goes to its first input, or to the row's error summary when a save was refused (it links to each
// field); when it is saved or cancelled, back to the row's «Endre» link (htmx replaces the row, and the
// element that had focus with it).
document.addEventListener("htmx:afterSettle", (event) => {
  const row = event.detail.elt;
  if (!row || !row.matches || !row.matches("tr[id^='rad-']")) return;
  const target = row.classList.contains("editing")
    ? row.querySelector("[data-error-summary]") ||
      row.querySelector("input:not([disabled]):not([type='hidden'])")
    : row.querySelector("a[hx-get]");
  if (target) target.focus();
});
