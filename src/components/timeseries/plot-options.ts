/**
 * The uPlot configuration of a chart: a time x scale, one y scale and axis per unit, the
 * series in the theme's colours, synced cursors. Scale ranges are callbacks that read the
 * model when uPlot asks, so a new `range` or threshold needs a `setData`, not a rebuild.
 */
import uPlot from './uplot.js';
import { finite } from './clean-data.js';
import { scaleOf, unitOf, type ChartModel } from './chart-model.js';
import type { ChartTheme } from './chart-theme.js';
import { formatTick } from './units.js';
import { formatTimeTicks } from './time-ticks.js';

/** What the options depend on besides the model. */
export interface PlotSetup {
  theme: ChartTheme;
  lang: string;
  /** Width in CSS pixels. */
  width: number;
  /** Cursor sync group; empty: not synced. */
  syncKey: string;
  /** Called after uPlot drew the series (the overlays go here). */
  onDraw: (u: uPlot) => void;
  /** Called when the cursor moved. */
  onCursor: (u: uPlot) => void;
}

/** The y range of scale `key`: from zero (or below), up to the data and its thresholds, with headroom. */
function yRange(model: ChartModel, key: string, min: number | null, max: number | null): uPlot.Range.MinMax {
  let lo = finite(min) ? Math.min(0, min) : 0;
  let hi = finite(max) ? max : Number.NEGATIVE_INFINITY;
  for (const t of model.thresholds) {
    if (scaleOf(model, t.seriesIndex ?? 0) !== key || !finite(t.value)) continue;
    hi = Math.max(hi, t.value);
    lo = Math.min(lo, t.value);
  }
  if (!finite(hi) || hi <= lo) hi = lo + 1;
  return [lo, hi + (hi - lo) * 0.08];
}

/** uPlot options for `model`'s chart. */
export function plotOptions(model: ChartModel, setup: PlotSetup): uPlot.Options {
  const { theme, lang } = setup;
  const scales: uPlot.Scales = {
    x: {
      time: true,
      range: (_u, min, max) => {
        if (model.range) return [model.range[0], model.range[1]];
        if (!finite(min) || !finite(max)) {
          const now = Date.now();
          return [now - 3_600_000, now];
        }
        return min === max ? [min - 60_000, max + 60_000] : [min, max];
      },
    },
  };
  const axes: uPlot.Axis[] = [
    // One-line labels through Intl (uPlot's two-line date labels collide at small sizes).
    {
      stroke: theme.axis,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1 },
      font: theme.font,
      space: 90,
      values: (_u, splits, _axis, _space, increment) => formatTimeTicks(lang, splits, increment),
    },
  ];
  const scaleKeys: string[] = [];
  model.series.forEach((_, i) => {
    const key = scaleOf(model, i);
    if (scaleKeys.includes(key)) return;
    scaleKeys.push(key);
    scales[key] = { range: (_u, min, max) => yRange(model, key, min, max) };
    const unit = unitOf(model, i);
    // The first unit's axis on the left with the grid, the second on the right, others hidden.
    axes.push({
      scale: key,
      side: scaleKeys.length === 1 ? 3 : 1,
      show: scaleKeys.length <= 2,
      stroke: theme.axis,
      grid: { show: scaleKeys.length === 1, stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.grid, width: 1 },
      font: theme.font,
      label: unit || undefined,
      labelFont: theme.font,
      labelSize: unit ? 18 : 0,
      size: 50,
      values: (_u, splits) => splits.map((v) => formatTick(lang, v)),
    });
  });
  if (scaleKeys.length === 0) scales.y = { range: [0, 1] };

  return {
    width: setup.width,
    height: model.height,
    ms: 1,
    scales,
    axes,
    legend: { show: false },
    cursor: {
      drag: { x: false, y: false, setScale: false },
      sync: setup.syncKey ? { key: setup.syncKey, setSeries: false } : undefined,
      points: { size: 7, width: 2 },
    },
    series: [
      {},
      ...model.series.map((s, i) => ({
        label: s.label,
        scale: scaleOf(model, i),
        stroke: theme.series[i],
        width: 1.5,
        // Gaps are gaps: never draw a line across missing data.
        spanGaps: false,
        // Points only where there is room for them (fewer than one per 8 px).
        points: { show: (u: uPlot, _si: number, i0: number, i1: number) => (i1 - i0) * 8 < u.bbox.width / uPlot.pxRatio },
      })),
    ],
    hooks: {
      draw: [setup.onDraw],
      setCursor: [setup.onCursor],
    },
  };
}
