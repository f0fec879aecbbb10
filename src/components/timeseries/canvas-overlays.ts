/**
 * Canvas overlays: value bands, threshold lines and marks, drawn on uPlot's canvas after the
 * series (uPlot's `draw` hook), in the colours the theme probe resolved.
 */
import uPlot from './uplot.js';
import { finite } from './clean-data.js';
import { nearestIndex, scaleOf, type ChartModel } from './chart-model.js';
import type { ChartTheme } from './chart-theme.js';

/** Draws `model`'s bands, thresholds and marks over the plot `u`. */
export function drawOverlays(u: uPlot, model: ChartModel, theme: ChartTheme): void {
  const ctx = u.ctx;
  const ratio = uPlot.pxRatio;
  ctx.save();
  ctx.font = theme.font.replace(/^([\d.]+)px/, (_m, px: string) => `${parseFloat(px) * ratio}px`);
  ctx.lineWidth = Math.max(1, Math.round(ratio));
  drawBands(u, model, theme);
  drawThresholds(u, model, theme);
  drawMarks(u, model, theme);
  ctx.restore();
}

function drawBands(u: uPlot, model: ChartModel, theme: ChartTheme): void {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const ratio = uPlot.pxRatio;
  for (const b of model.bands) {
    const key = scaleOf(model, b.seriesIndex ?? 0);
    if (!finite(b.lower) || !finite(b.upper) || !u.scales[key]) continue;
    const y1 = Math.max(top, Math.min(top + height, u.valToPos(Math.max(b.lower, b.upper), key, true)));
    const y2 = Math.max(top, Math.min(top + height, u.valToPos(Math.min(b.lower, b.upper), key, true)));
    if (y2 <= y1) continue;
    ctx.globalAlpha = 0.14;
    ctx.fillStyle = theme.mark;
    ctx.fillRect(left, y1, width, y2 - y1);
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.text;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(b.label, left + 4 * ratio, y1 + 2 * ratio);
  }
}

function drawThresholds(u: uPlot, model: ChartModel, theme: ChartTheme): void {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const ratio = uPlot.pxRatio;
  for (const t of model.thresholds) {
    if (!finite(t.value)) continue;
    const key = scaleOf(model, t.seriesIndex ?? 0);
    if (!u.scales[key]) continue;
    // Centre a thin line on a pixel row so it is drawn crisp, not blurred over two rows.
    const y = Math.round(u.valToPos(t.value, key, true)) + (ctx.lineWidth % 2) / 2;
    if (y < top - 1 || y > top + height + 1) continue;
    ctx.strokeStyle = theme.threshold;
    ctx.setLineDash([6 * ratio, 4 * ratio]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = theme.threshold;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'bottom';
    ctx.fillText(t.label, left + width - 4 * ratio, y - 2 * ratio);
  }
}

/** A mark on a series circles that series' nearest point; one without a series is a vertical line. */
function drawMarks(u: uPlot, model: ChartModel, theme: ChartTheme): void {
  const ctx = u.ctx;
  const { left, top, width, height } = u.bbox;
  const ratio = uPlot.pxRatio;
  const xs = u.data[0];
  for (const m of model.marks) {
    if (!finite(m.time)) continue;
    ctx.lineWidth = Math.max(1, Math.round(ratio));
    const x = Math.round(u.valToPos(m.time, 'x', true)) + (ctx.lineWidth % 2) / 2;
    if (x < left - 1 || x > left + width + 1) continue;
    ctx.strokeStyle = theme.mark;
    ctx.fillStyle = theme.mark;
    const si = m.seriesIndex;
    const idx = si === undefined || xs.length === 0 ? null : nearestIndex(xs, m.time);
    const value = idx === null || si === undefined ? null : (u.data[si + 1]?.[idx] ?? null);
    if (si !== undefined && finite(value)) {
      const y = u.valToPos(value, scaleOf(model, si), true);
      ctx.beginPath();
      ctx.arc(x, y, 5 * ratio, 0, 2 * Math.PI);
      ctx.lineWidth = 2 * ratio;
      ctx.stroke();
    } else {
      ctx.setLineDash([2 * ratio, 3 * ratio]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText(m.label, x + 4 * ratio, top + 2 * ratio);
  }
}
