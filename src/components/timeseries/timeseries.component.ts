import { html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import uPlot from './uplot.js';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { cssProps } from '../../ui/css-props.js';
import { formatDateTime, formatTime, langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { lowerBound, upperBound } from '../../util/sorted.js';
import { themeStyles } from '../../ui/theme.js';
import { downloadText } from '../../util/download.js';
import { formatTick, formatWithUnit } from './units.js';
import { formatTimeTicks } from './time-ticks.js';
import { timeseriesStyles } from './timeseries.styles.js';

/** One y column of {@link PharosTimeseries.data}. */
export interface TimeseriesSeries {
  /** Name in the legend, tooltip, table header and CSV header. */
  label: string;
  /** Unit of the values (`ms`, `s`, `%`, `req/s`…); defaults to the chart's `unit`. */
  unit?: string;
  /** Any CSS colour (a `var(--…)` works); defaults to the `--pharos-timeseries-color-N` palette. */
  color?: string;
}

/** A horizontal line at a value, e.g. an SLO. */
export interface TimeseriesThreshold {
  /** Value on the y axis, in the unit of the series it belongs to. */
  value: number;
  /** Short text drawn on the line, e.g. `P95 SLO 500 ms`. */
  label: string;
  /** 0-based index into `series` whose axis the value is on; default the first series. */
  seriesIndex?: number;
}

/** A shaded range of values, e.g. an anomaly baseline: "usually 100–140 ms". */
export interface TimeseriesBand {
  /** Lower and upper edge, in the unit of the series it belongs to. */
  lower: number;
  upper: number;
  /** What it is, e.g. `Usual range (median ± 3.5 spreads)`: drawn in the band and read in the summary. */
  label: string;
  /** 0-based index into `series` whose axis it is on; default the first series. */
  seriesIndex?: number;
}

/** A marked moment (an anomaly, an incident, a deploy). */
export interface TimeseriesMark {
  /** Time in milliseconds since the epoch. */
  time: number;
  /** What happened, shown in the chart and the table. */
  label: string;
  /** 0-based index into `series`: mark that series' point; omitted: a vertical line. */
  seriesIndex?: number;
}

/** Rows rendered at most by the table view; the CSV export always has them all. */
export const TABLE_ROW_LIMIT = 1000;

const PALETTE_SIZE = 6;
const KEY_STEP_LARGE = 10;

/** uPlot draws a gap only for `null`: typed arrays with NaN become plain arrays with nulls. */
function toPlotColumn(column: ArrayLike<number | null> | undefined, length: number): (number | null)[] | ArrayLike<number> {
  if (!column) return new Array<null>(length).fill(null);
  let clean = column.length === length;
  if (clean) {
    for (let i = 0; i < length; i++) {
      const v = column[i];
      if (typeof v !== 'number' || v !== v || v === Infinity || v === -Infinity) {
        clean = false;
        break;
      }
    }
  }
  if (clean) return column as ArrayLike<number>;
  const out = new Array<number | null>(length);
  for (let i = 0; i < length; i++) {
    const v = i < column.length ? column[i] : null;
    out[i] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/** Colours resolved from the theme tokens (canvas cannot read custom properties). */
interface ChartTheme {
  text: string;
  axis: string;
  grid: string;
  threshold: string;
  mark: string;
  surface: string;
  series: string[];
  font: string;
}

/**
 * A time-series line chart (uPlot) for columnar data: legend with current values, tooltip,
 * cursor synced with other charts sharing a time axis, threshold lines, marked points, a
 * table view and CSV export. Gaps (`NaN` or `null`) break the line; they are never bridged.
 *
 * Updates are batched: however many properties change, the chart commits at most once per
 * animation frame, and new data (an appended point) is drawn with uPlot's `setData`
 * without rebuilding the chart. The chart follows its container's width and the
 * `--pharos-*` theme tokens (light and dark), and is destroyed on disconnect.
 *
 * Keyboard: focus the plot and use ←/→ (Shift for ten steps), Home and End to move the
 * cursor; the values at the cursor are announced.
 *
 * @tag pharos-timeseries
 * @summary Time-series chart with legend, thresholds, table view and CSV export.
 *
 * @csspart base - The wrapper of toolbar, chart and table.
 * @csspart toolbar - Legend and action buttons.
 * @csspart legend - The legend list: one item per series with its value.
 * @csspart legend-item - One legend entry.
 * @csspart table-toggle - The "View as table" button.
 * @csspart export - The "Export CSV" button.
 * @csspart plot - The focusable chart area (uPlot renders inside).
 * @csspart tooltip - The tooltip at the cursor.
 * @csspart empty - The message shown when no point is in view.
 * @csspart table - The data table (table view).
 *
 * @cssprop --pharos-timeseries-color-1 - First series colour (defaults to `--pharos-accent`); `-2` … `-6` likewise.
 * @cssprop --pharos-timeseries-threshold-color - Threshold lines (defaults to `--pharos-danger`).
 * @cssprop --pharos-timeseries-mark-color - Marked points (defaults to `--pharos-warn`).
 * @cssprop --pharos-timeseries-grid-color - Grid lines.
 * @cssprop --pharos-timeseries-axis-color - Axis labels (defaults to `--pharos-text-muted`).
 *
 * @example
 * <pharos-timeseries label="API latency" unit="ms"></pharos-timeseries>
 * <script type="module">
 *   const chart = document.querySelector('pharos-timeseries');
 *   chart.series = [{ label: 'P50' }, { label: 'P95' }];
 *   chart.data = [times, p50, p95]; // times in ms since the epoch; NaN = gap
 *   chart.thresholds = [{ value: 500, label: 'P95 SLO', seriesIndex: 1 }];
 * </script>
 */
export class PharosTimeseries extends PharosElement {
  static override styles = [themeStyles, unsafeCSS(uplotCss), timeseriesStyles];

  /**
   * Columnar data `[xs, ...ys]`: `xs` ascending, in milliseconds since the epoch; one
   * array per entry of `series`. Typed arrays welcome; `NaN` or `null` is a gap.
   */
  @property({ attribute: false }) data: ArrayLike<number | null>[] = [];

  /** One entry per y column of `data`. */
  @property({ attribute: false }) series: TimeseriesSeries[] = [];

  /** Horizontal threshold lines. */
  @property({ attribute: false }) thresholds: TimeseriesThreshold[] = [];

  /** Marked points in time. */
  @property({ attribute: false }) marks: TimeseriesMark[] = [];

  /** Shaded value ranges drawn behind the lines (e.g. an anomaly baseline band). */
  @property({ attribute: false }) bands: TimeseriesBand[] = [];

  /** Name of the chart: used in its accessible summary, the table caption and the CSV file name. */
  @property() label = '';

  /** Unit of the y axis (`ms`, `s`, `%`, `req/s`…), for series without their own. */
  @property() unit = '';

  /** Visible time window `[from, to]` in ms since the epoch; unset fits the data. */
  @property({ attribute: false }) range?: [number, number];

  /** Height of the plot in CSS pixels (axes included). */
  @property({ type: Number }) height = 200;

  /** Charts with the same key move their cursors together. Empty disables syncing. */
  @property({ attribute: 'sync-key' }) syncKey = 'pharos';

  /** Shows the data as a table instead of the chart. */
  @property({ type: Boolean, attribute: 'table-view', reflect: true }) tableView = false;

  @state() private cursorIdx: number | null = null;
  @state() private pointerInside = false;
  @state() private announcement = '';

  @query('.frame') private frame?: HTMLDivElement;
  @query('[part=plot]') private plotHost?: HTMLDivElement;
  @query('.probe') private probe?: HTMLSpanElement;
  /** The colour probes inside `.probe`, by the colour they resolve. */
  private readonly colorProbes = new Map<string, HTMLSpanElement>();

  private plot?: uPlot;
  private prepared: uPlot.AlignedData = [[]];
  private chartTheme?: ChartTheme;
  private themeKey = '';
  private structureKey = '';
  private resizeObserver?: ResizeObserver;
  private colorScheme?: MediaQueryList;
  private frameHandle = 0;
  private fallbackHandle: ReturnType<typeof setTimeout> | undefined;
  private commitPromise: Promise<void> | null = null;
  private resolveCommit?: () => void;
  private dirty = { rebuild: false, data: false, range: false, redraw: false };
  private rangeKey = '';
  private overlayKey = '';
  private drawnData: ArrayLike<number | null>[] = [];
  private drawnColumns: (ArrayLike<number | null> | undefined)[] = [];
  private drawnLengths: number[] = [];

  /** The uPlot instance, once drawn (for advanced use; may be replaced on a rebuild). */
  get chart(): uPlot | undefined {
    return this.plot;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.colorScheme ??= matchMedia('(prefers-color-scheme: dark)');
    this.colorScheme.addEventListener('change', this.onSchemeChange);
    if (this.hasUpdated) this.schedule('rebuild');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.colorScheme?.removeEventListener('change', this.onSchemeChange);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.cancelFrame();
    this.plot?.destroy();
    this.plot = undefined;
    this.structureKey = '';
    this.finishCommit();
  }

  /** Resolves after the current Lit update and the chart commit that follows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    while (this.commitPromise) await this.commitPromise;
    return result;
  }

  private readonly onSchemeChange = () => this.schedule('redraw');

  protected override firstUpdated(): void {
    this.schedule('rebuild');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.resizeObserver && this.frame) {
      this.resizeObserver = new ResizeObserver(() => this.resize());
      this.resizeObserver.observe(this.frame);
    }
    if (changed.has('data') && this.dataChanged()) this.schedule('data');
    if (changed.has('range')) {
      const key = this.range ? `${this.range[0]},${this.range[1]}` : '';
      if (key !== this.rangeKey) this.schedule('range');
      this.rangeKey = key;
    }
    if (changed.has('thresholds') || changed.has('marks') || changed.has('bands')) {
      // Templates often pass fresh but equal arrays on every render: only a real change redraws.
      const key = JSON.stringify([this.thresholds, this.marks, this.bands]);
      if (key !== this.overlayKey) this.schedule('data');
      this.overlayKey = key;
    }
    // The commit compares the structure and rebuilds only when it really changed.
    if (changed.has('series') || changed.has('unit') || changed.has('syncKey') || changed.has('height') || changed.has('label')) {
      this.schedule('redraw');
    }
    // Colours are re-read on every commit; a theme switch only needs one to happen.
    if (changed.has('theme')) this.schedule('redraw');
  }

  /**
   * False when `data` is a new outer array holding the very same, unchanged-length columns
   * (a template re-rendering with `[xs, ys]`); true for new columns, and for the same
   * array mutated in place and announced with `requestUpdate('data')`.
   */
  private dataChanged(): boolean {
    const data = this.data;
    const same =
      data !== this.drawnData &&
      data.length === this.drawnColumns.length &&
      data.every((col, i) => col === this.drawnColumns[i] && (col?.length ?? 0) === this.drawnLengths[i]);
    this.drawnData = data;
    this.drawnColumns = [...data];
    this.drawnLengths = data.map((col) => col?.length ?? 0);
    return !same;
  }

  /** Queues a chart change for the next frame: many changes, one commit. */
  private schedule(kind: keyof PharosTimeseries['dirty']): void {
    this.dirty[kind] = true;
    if (this.commitPromise) return;
    this.commitPromise = new Promise((resolve) => (this.resolveCommit = resolve));
    const run = () => {
      this.cancelFrame();
      this.commit();
    };
    this.frameHandle = requestAnimationFrame(run);
    // rAF does not fire in a hidden page: commit anyway, at a slower pace, so the chart is
    // current when the page is shown again and `updateComplete` still settles.
    this.fallbackHandle = setTimeout(run, 250);
  }

  private cancelFrame(): void {
    if (this.frameHandle) cancelAnimationFrame(this.frameHandle);
    if (this.fallbackHandle !== undefined) clearTimeout(this.fallbackHandle);
    this.frameHandle = 0;
    this.fallbackHandle = undefined;
  }

  private finishCommit(): void {
    const resolve = this.resolveCommit;
    this.commitPromise = null;
    this.resolveCommit = undefined;
    resolve?.();
  }

  private commit(): void {
    const dirty = this.dirty;
    this.dirty = { rebuild: false, data: false, range: false, redraw: false };
    try {
      if (!this.isConnected || !this.plotHost) return;
      const theme = this.readTheme();
      const themeKey = JSON.stringify(theme);
      const structureKey = JSON.stringify([this.series, this.unit, this.syncKey, this.height, this.label]);
      if (dirty.data || !this.plot) this.prepared = this.prepareData();
      if (!this.plot || dirty.rebuild || themeKey !== this.themeKey || structureKey !== this.structureKey) {
        this.chartTheme = theme;
        this.themeKey = themeKey;
        this.structureKey = structureKey;
        this.build();
      } else if (dirty.data || dirty.range) {
        this.plot.setData(this.prepared, true);
      } else if (dirty.redraw) {
        this.plot.redraw(false);
      }
    } finally {
      this.finishCommit();
    }
  }

  private prepareData(): uPlot.AlignedData {
    const xs = this.xs;
    const n = xs.length;
    const columns: uPlot.AlignedData[number][] = [xs as number[]];
    for (let i = 0; i < this.series.length; i++) columns.push(toPlotColumn(this.data[i + 1], n) as (number | null)[]);
    return columns as uPlot.AlignedData;
  }

  /** The time column. */
  private get xs(): ArrayLike<number> {
    return (this.data[0] ?? []) as ArrayLike<number>;
  }

  /** The unit of series `i` (its own, else the chart's). */
  private unitOf(i: number): string {
    return this.series[i]?.unit ?? this.unit;
  }

  /** uPlot scale key of series `i`: one y scale per distinct unit. */
  private scaleOf(i: number): string {
    const units = [...new Set(this.series.map((_, j) => this.unitOf(j)))];
    const k = units.indexOf(this.unitOf(i));
    return k <= 0 ? 'y' : `y${k + 1}`;
  }

  /**
   * A colour as the page resolves it now (custom properties, the host's theme). One probe per
   * colour, set once: reading it recalculates style only when the page changed, where
   * re-setting one probe per read forced a recalculation for every colour of every commit.
   */
  private resolveColor(value: string): string {
    let probe = this.colorProbes.get(value);
    if (!probe || !probe.isConnected) {
      if (this.colorProbes.size > 64) this.colorProbes.clear();
      probe = document.createElement('span');
      probe.style.color = value;
      this.probe!.append(probe);
      this.colorProbes.set(value, probe);
    }
    return getComputedStyle(probe).color;
  }

  private readTheme(): ChartTheme {
    const series = this.series.map((s, i) => this.resolveColor(s.color || `var(--_series-${(i % PALETTE_SIZE) + 1})`));
    const style = getComputedStyle(this);
    return {
      text: this.resolveColor('var(--_text)'),
      axis: this.resolveColor('var(--_axis)'),
      grid: this.resolveColor('var(--_grid)'),
      threshold: this.resolveColor('var(--_threshold)'),
      mark: this.resolveColor('var(--_mark)'),
      surface: this.resolveColor('var(--_surface)'),
      series,
      font: `${parseFloat(style.fontSize) * 0.86 || 12}px ${style.fontFamily}`,
    };
  }

  private build(): void {
    this.plot?.destroy();
    this.plot = undefined;
    const theme = this.chartTheme!;
    const lang = langOf(this);
    const width = Math.max(100, this.frame?.clientWidth || 0) || 300;
    const scales: uPlot.Scales = {
      x: {
        time: true,
        range: (_u, min, max) => {
          if (this.range) return [this.range[0], this.range[1]];
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
    this.series.forEach((_, i) => {
      const key = this.scaleOf(i);
      if (scaleKeys.includes(key)) return;
      scaleKeys.push(key);
      scales[key] = { range: (_u, min, max) => this.yRange(key, min, max) };
      const unit = this.unitOf(i);
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

    const opts: uPlot.Options = {
      width,
      height: this.height,
      ms: 1,
      scales,
      axes,
      legend: { show: false },
      cursor: {
        drag: { x: false, y: false, setScale: false },
        sync: this.syncKey ? { key: this.syncKey, setSeries: false } : undefined,
        points: { size: 7, width: 2 },
      },
      series: [
        {},
        ...this.series.map((s, i) => ({
          label: s.label,
          scale: this.scaleOf(i),
          stroke: theme.series[i],
          width: 1.5,
          spanGaps: false,
          points: { show: (u: uPlot, _si: number, i0: number, i1: number) => (i1 - i0) * 8 < u.bbox.width / uPlot.pxRatio },
        })),
      ],
      hooks: {
        draw: [(u) => this.drawOverlays(u)],
        setCursor: [(u) => this.onCursor(u)],
      },
    };
    this.plot = new uPlot(opts, this.prepared, this.plotHost!);
    this.onCursor(this.plot);
  }

  private yRange(key: string, min: number | null, max: number | null): uPlot.Range.MinMax {
    let lo = finite(min) ? Math.min(0, min) : 0;
    let hi = finite(max) ? max : Number.NEGATIVE_INFINITY;
    for (const t of this.thresholds) {
      if (this.scaleOf(t.seriesIndex ?? 0) !== key || !finite(t.value)) continue;
      hi = Math.max(hi, t.value);
      lo = Math.min(lo, t.value);
    }
    if (!finite(hi) || hi <= lo) hi = lo + 1;
    return [lo, hi + (hi - lo) * 0.08];
  }

  /** Threshold lines and marks, drawn on uPlot's canvas after the series. */
  private drawOverlays(u: uPlot): void {
    const theme = this.chartTheme!;
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const ratio = uPlot.pxRatio;
    ctx.save();
    ctx.font = theme.font.replace(/^([\d.]+)px/, (_m, px: string) => `${parseFloat(px) * ratio}px`);
    ctx.lineWidth = Math.max(1, Math.round(ratio));
    for (const b of this.bands) {
      const key = this.scaleOf(b.seriesIndex ?? 0);
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
    for (const t of this.thresholds) {
      if (!finite(t.value)) continue;
      const key = this.scaleOf(t.seriesIndex ?? 0);
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
    const xs = u.data[0];
    for (const m of this.marks) {
      if (!finite(m.time)) continue;
      ctx.lineWidth = Math.max(1, Math.round(ratio));
      const x = Math.round(u.valToPos(m.time, 'x', true)) + (ctx.lineWidth % 2) / 2;
      if (x < left - 1 || x > left + width + 1) continue;
      ctx.strokeStyle = theme.mark;
      ctx.fillStyle = theme.mark;
      const si = m.seriesIndex;
      const idx = si === undefined || xs.length === 0 ? null : this.nearestIndex(xs, m.time);
      const value = idx === null || si === undefined ? null : (u.data[si + 1]?.[idx] ?? null);
      if (si !== undefined && finite(value)) {
        const y = u.valToPos(value, this.scaleOf(si), true);
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
    ctx.restore();
  }

  private nearestIndex(xs: ArrayLike<number>, time: number): number | null {
    if (xs.length === 0) return null;
    const i = lowerBound(xs, time);
    if (i === 0) return 0;
    if (i >= xs.length) return xs.length - 1;
    return time - xs[i - 1]! <= xs[i]! - time ? i - 1 : i;
  }

  private onCursor(u: uPlot): void {
    const idx = u.cursor.idx;
    this.cursorIdx = typeof idx === 'number' && (u.cursor.left ?? -1) >= 0 ? idx : null;
  }

  private resize(): void {
    const width = this.frame?.clientWidth ?? 0;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.height });
  }

  /** Indices `[start, end)` of the rows inside the visible window. */
  private visibleSpan(): [number, number] {
    const xs = this.xs;
    if (!this.range) return [0, xs.length];
    return [lowerBound(xs, this.range[0]), upperBound(xs, this.range[1])];
  }

  /** The value of series `si` at row `i`, or null for a gap. */
  private valueAt(si: number, i: number): number | null {
    const v = this.data[si + 1]?.[i];
    return finite(v) ? v : null;
  }

  /** The newest non-gap value of series `si` in the visible window. */
  private latestOf(si: number): number | null {
    const [start, end] = this.visibleSpan();
    for (let i = end - 1; i >= start; i--) {
      const v = this.valueAt(si, i);
      if (v !== null) return v;
    }
    return null;
  }

  /**
   * The visible data as CSV: a header row (`time` and each series with its unit), then one
   * row per point: ISO 8601 UTC time, values with full precision, empty cells for gaps.
   */
  toCSV(): string {
    const xs = this.xs;
    const [start, end] = this.visibleSpan();
    const header = ['time', ...this.series.map((s, i) => (this.unitOf(i) ? `${s.label} (${this.unitOf(i)})` : s.label))];
    const lines = [header.map(csvCell).join(',')];
    for (let i = start; i < end; i++) {
      const cells = [new Date(xs[i]!).toISOString()];
      for (let s = 0; s < this.series.length; s++) {
        const v = this.valueAt(s, i);
        cells.push(v === null ? '' : String(v));
      }
      lines.push(cells.join(','));
    }
    return lines.join('\r\n') + '\r\n';
  }

  /** Downloads {@link toCSV} as `<label>.csv`. */
  exportCSV(): void {
    const name = (this.label || 'timeseries').trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'timeseries';
    downloadText(this.renderRoot, `${name}.csv`, 'text/csv;charset=utf-8', this.toCSV());
  }

  private onKeyDown(e: KeyboardEvent): void {
    const u = this.plot;
    if (!u) return;
    const xs = this.xs;
    const [start, end] = this.visibleSpan();
    if (end <= start) return;
    let idx = this.cursorIdx ?? (e.key === 'ArrowRight' || e.key === 'Home' ? start - 1 : end);
    const step = e.shiftKey ? KEY_STEP_LARGE : 1;
    switch (e.key) {
      case 'ArrowLeft':
        idx -= step;
        break;
      case 'ArrowRight':
        idx += step;
        break;
      case 'Home':
        idx = start;
        break;
      case 'End':
        idx = end - 1;
        break;
      case 'Escape':
        this.moveCursor(-10, -10);
        this.announcement = '';
        return;
      default:
        return;
    }
    e.preventDefault();
    idx = Math.min(end - 1, Math.max(start, idx));
    const left = u.valToPos(xs[idx]!, 'x');
    this.moveCursor(left, u.cursor.top && u.cursor.top > 0 ? u.cursor.top : u.bbox.height / uPlot.pxRatio / 2);
    this.cursorIdx = idx;
    this.announcement = this.describeRow(idx);
  }

  /** Moves the cursor (negative: hides it) and tells synced charts, as a mouse move would. */
  private moveCursor(left: number, top: number): void {
    // uPlot's typings omit setCursor's third argument, `_pub`, which publishes to the sync group.
    (this.plot?.setCursor as ((opts: { left: number; top: number }, fire: boolean, pub: boolean) => void) | undefined)?.({ left, top }, true, true);
  }

  private onBlur(): void {
    if (!this.pointerInside) this.moveCursor(-10, -10);
    this.announcement = '';
  }

  private describeRow(idx: number): string {
    const lang = langOf(this);
    const xs = this.xs;
    const values = this.series.map((s, i) => `${s.label} ${formatWithUnit(lang, this.valueAt(i, idx), this.unitOf(i))}`);
    const marks = this.marks.filter((m) => this.nearestIndex(xs, m.time) === idx).map((m) => m.label);
    return `${formatDateTime(lang, xs[idx]!)}: ${values.join(', ')}${marks.length ? `. ${marks.join(', ')}` : ''}`;
  }

  /** Accessible summary: what the chart shows, over which window, and the latest values. */
  private summary(): string {
    const lang = langOf(this);
    const xs = this.xs;
    const [start, end] = this.visibleSpan();
    const name = this.label || 'Time series';
    if (end <= start) return `${name}: no data in this time range.`;
    const from = this.range?.[0] ?? xs[start]!;
    const to = this.range?.[1] ?? xs[end - 1]!;
    const latest = this.series.map((s, i) => `${s.label} ${formatWithUnit(lang, this.latestOf(i), this.unitOf(i))}`).join(', ');
    const thresholds = this.thresholds.length ? ` Thresholds: ${this.thresholds.map((t) => `${t.label} ${formatWithUnit(lang, t.value, this.unitOf(t.seriesIndex ?? 0))}`).join(', ')}.` : '';
    const bands = this.bands.length ? ` ${this.bands.map((b) => `${b.label}: ${formatWithUnit(lang, b.lower, this.unitOf(b.seriesIndex ?? 0))} to ${formatWithUnit(lang, b.upper, this.unitOf(b.seriesIndex ?? 0))}`).join('; ')}.` : '';
    const marked = this.marks.filter((m) => m.time >= from && m.time <= to).length;
    const marks = marked ? ` ${marked} marked point${marked === 1 ? '' : 's'}.` : '';
    return `${name}, ${formatDateTime(lang, from)} to ${formatDateTime(lang, to)}, ${end - start} points. Latest: ${latest}.${thresholds}${bands}${marks}`;
  }

  override render() {
    const lang = langOf(this);
    const [start, end] = this.visibleSpan();
    const empty = end <= start;
    const cursor = this.cursorIdx;
    return html`<div part="base">
      <div part="toolbar">
        <ul part="legend" aria-label=${`${this.label || 'Chart'} legend`}>
          ${this.series.map((s, i) => {
            const value = cursor !== null ? this.valueAt(i, cursor) : this.latestOf(i);
            return html`<li part="legend-item">
              <span class="swatch" ${cssProps({ '--_swatch': this.chartTheme?.series[i] })}></span>
              <span class="legend-label">${s.label}</span>
              <span class="legend-value">${formatWithUnit(lang, value, this.unitOf(i))}</span>
            </li>`;
          })}
        </ul>
        <span class="actions">
          <button type="button" part="table-toggle" aria-pressed=${this.tableView ? 'true' : 'false'} @click=${() => (this.tableView = !this.tableView)}>
            View as table
          </button>
          <button type="button" part="export" @click=${() => this.exportCSV()}>Export CSV</button>
        </span>
      </div>
      <div class="frame" ?hidden=${this.tableView}>
        <div
          part="plot"
          tabindex="0"
          role="img"
          aria-roledescription="chart"
          aria-label=${this.summary()}
          @keydown=${this.onKeyDown}
          @blur=${this.onBlur}
          @pointerenter=${() => (this.pointerInside = true)}
          @pointerleave=${() => (this.pointerInside = false)}
        ></div>
        ${empty ? html`<div part="empty">No data in this time range</div>` : nothing}
        ${this.renderTooltip()}
      </div>
      <span class="visually-hidden" aria-live="polite">${this.announcement}</span>
      ${this.tableView ? this.renderTable(start, end) : nothing}
      <span class="probe" aria-hidden="true"></span>
    </div>`;
  }

  private renderTooltip() {
    const u = this.plot;
    const idx = this.cursorIdx;
    if (!u || idx === null || this.tableView || !(this.pointerInside || this.matches(':focus-within'))) return nothing;
    const xs = this.xs;
    if (idx >= xs.length) return nothing;
    const lang = langOf(this);
    const plotLeft = u.bbox.left / uPlot.pxRatio;
    const plotWidth = u.bbox.width / uPlot.pxRatio;
    const x = plotLeft + (u.cursor.left ?? 0);
    const flip = x > plotLeft + plotWidth / 2;
    const position = {
      top: `${u.bbox.top / uPlot.pxRatio + 4}px`,
      right: flip ? `${(this.frame?.clientWidth ?? 0) - x + 12}px` : null,
      left: flip ? null : `${x + 12}px`,
    };
    return html`<div part="tooltip" ${cssProps(position)} aria-hidden="true">
      <div class="time">${formatTime(lang, xs[idx]!)}</div>
      ${this.series.map(
        (s, i) => html`<div><span class="swatch" ${cssProps({ '--_swatch': this.chartTheme?.series[i] })}></span> ${s.label}: ${formatWithUnit(lang, this.valueAt(i, idx), this.unitOf(i))}</div>`,
      )}
    </div>`;
  }

  private renderTable(start: number, end: number) {
    const lang = langOf(this);
    const xs = this.xs;
    const first = Math.max(start, end - TABLE_ROW_LIMIT);
    const hasMarks = this.marks.length > 0;
    const notes = new Map<number, string[]>();
    for (const m of this.marks) {
      const i = this.nearestIndex(xs, m.time);
      if (i !== null && i >= first && i < end) notes.set(i, [...(notes.get(i) ?? []), m.label]);
    }
    const rows = [];
    for (let i = end - 1; i >= first; i--) {
      rows.push(html`<tr>
        <th scope="row">${formatDateTime(lang, xs[i]!)}</th>
        ${this.series.map((_, s) => html`<td>${formatWithUnit(lang, this.valueAt(s, i), this.unitOf(s))}</td>`)}
        ${hasMarks ? html`<td>${notes.get(i)?.join(', ') ?? ''}</td>` : nothing}
      </tr>`);
    }
    const total = end - start;
    return html`<div class="table-wrap" ${cssProps({ 'max-height': `${Math.max(this.height, 240)}px` })} tabindex="0" role="region" aria-label=${`${this.label || 'Chart'} data`}>
      <table part="table">
        <caption>
          ${this.label || 'Data'}${total > TABLE_ROW_LIMIT
            ? `: newest ${TABLE_ROW_LIMIT.toLocaleString(lang)} of ${total.toLocaleString(lang)} points (export CSV for all)`
            : total === 0
              ? ': no data in this time range'
              : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            ${this.series.map((s, i) => html`<th scope="col">${s.label}${this.unitOf(i) ? ` (${this.unitOf(i)})` : ''}</th>`)}
            ${hasMarks ? html`<th scope="col">Note</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows}
        </tbody>
      </table>
    </div>`;
  }
}
