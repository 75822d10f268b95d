// Draws the monthly rainfall bars from the canvas's data-mm attribute.
document.querySelectorAll("canvas[data-mm]").forEach((canvas) => {
  const values = canvas.dataset.mm.split(",").map(Number);
  const ctx = canvas.getContext("2d");
  const max = Math.max(...values);
  const width = canvas.width / values.length;
  ctx.fillStyle = "#2d6a4f";
  values.forEach((mm, i) => {
    const height = (mm / max) * (canvas.height - 20);
    ctx.fillRect(i * width + 4, canvas.height - height, width - 8, height);
  });
});
