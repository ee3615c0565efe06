// The map: show the focused or hovered municipality's value in the caption (also read by screen readers).
document.addEventListener("DOMContentLoaded", () => {
  const info = document.getElementById("kart-info");
  if (!info) return;
  const show = (event) => {
    const area = event.target.closest(".map-area");
    if (area) info.textContent = area.dataset.label;
  };
  document.querySelectorAll(".map-area").forEach((area) => {
    area.addEventListener("focus", show);
    area.addEventListener("mouseenter", show);
  });
});
