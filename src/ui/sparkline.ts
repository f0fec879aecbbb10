import { css, nothing, svg, type SVGTemplateResult } from 'lit';

/** What {@link renderSparkline} draws. */
export interface SparklineOptions {
  /** The values; `NaN` (or any non-finite number) is a gap that breaks the line. */
  values: ArrayLike<number>;
  /** Sample times (ms) for the x axis; without them samples are evenly spaced. */
  times?: ArrayLike<number> | null;
  /** x domain `[from, to]` in ms (with `times`), so a line covers only the part of a range it has data for. */
  range?: readonly [number, number] | null;
  /** Fixed y domain; by default the values' own extent (padded when flat). */
  min?: number;
  max?: number;
  /** Shade the area under the line. Default true. */
  area?: boolean;
  /** Accessible description; without it the sparkline is decorative (`aria-hidden`). */
  label?: string;
}

// A fixed drawing space, stretched to the element's box by `preserveAspectRatio="none"`;
// `vector-effect: non-scaling-stroke` keeps the line width constant whatever the stretch.
const W = 100;
const H = 30;
const PAD = 2;

/** Styles for {@link renderSparkline}; add them to the element's `styles`. */
export const sparklineStyles = css`
  svg.sparkline {
    display: block;
    width: 100%;
    height: var(--_spark-height, 32px);
    overflow: visible;
  }
  svg.sparkline .line {
    fill: none;
    stroke: var(--_spark-color, var(--_accent));
    stroke-width: 1.5px;
    stroke-linecap: round;
    stroke-linejoin: round;
    vector-effect: non-scaling-stroke;
  }
  svg.sparkline .area {
    fill: var(--_spark-color, var(--_accent));
    opacity: 0.12;
    stroke: none;
  }
`;

/**
 * A tiny, dependency-free SVG line of a series: cheap enough to draw dozens (uPlot is for
 * real charts). Gaps break the line; a lone point between gaps shows as a dot.
 */
export function renderSparkline(options: SparklineOptions): SVGTemplateResult | typeof nothing {
  const { values, times, range, area = true, label } = options;
  const n = values.length;
  let lo = options.min ?? Infinity;
  let hi = options.max ?? -Infinity;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    count++;
    if (options.min === undefined) lo = Math.min(lo, v);
    if (options.max === undefined) hi = Math.max(hi, v);
  }
  if (count === 0) return nothing;
  if (hi === lo) {
    // A flat series sits in the middle rather than on an edge.
    const pad = Math.abs(hi) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const useTimes = times && times.length === n;
  const x0 = useTimes ? (range ? range[0] : times[0]!) : 0;
  const x1 = useTimes ? (range ? range[1] : times[n - 1]!) : n - 1;
  const spanX = x1 - x0 || 1;
  const x = (i: number) => (((useTimes ? times[i]! : i) - x0) / spanX) * W;
  const y = (v: number) => PAD + (1 - (v - lo) / (hi - lo)) * (H - 2 * PAD);

  let line = '';
  let fill = '';
  let runStart = -1;
  let prev = -1;
  const closeRun = () => {
    if (runStart < 0) return;
    if (runStart === prev) line += 'h0'; // lone point: a round-capped zero-length line draws a dot
    fill += `L${x(prev).toFixed(2)},${H}L${x(runStart).toFixed(2)},${H}Z`;
    runStart = -1;
  };
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      closeRun();
      continue;
    }
    const px = x(i).toFixed(2);
    const py = y(v).toFixed(2);
    if (runStart < 0) {
      runStart = i;
      line += `M${px},${py}`;
      fill += `M${px},${py}`;
    } else {
      line += `L${px},${py}`;
      fill += `L${px},${py}`;
    }
    prev = i;
  }
  closeRun();
  return svg`<svg class="sparkline" part="sparkline-svg" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none"
    role=${label ? 'img' : nothing} aria-label=${label ?? nothing} aria-hidden=${label ? nothing : 'true'} focusable="false">
    ${area ? svg`<path class="area" d=${fill}></path>` : nothing}
    <path class="line" d=${line}></path>
  </svg>`;
}
