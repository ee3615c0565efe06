// Inline editing of the year table: keep the keyboard where the user is. When a row turns into inputs,
// focus goes to its first input; when it is saved or cancelled, back to the row's «Endre» link (htmx
// replaces the row, and the element that had focus with it).
document.addEventListener("htmx:afterSettle", (event) => {
  const row = event.detail.elt;
  if (!row || !row.matches || !row.matches("tr[id^='rad-']")) return;
  const target = row.classList.contains("editing")
    ? row.querySelector("[aria-invalid='true'], input:not([disabled]):not([type='hidden'])")
    : row.querySelector("a[hx-get]");
  if (target) target.focus();
});
