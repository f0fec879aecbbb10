import { html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import uPlot from './uplot.js';
import uplotCss from 'uplot/dist/uPlot.min.css?inline';
import { completeWith, OnDemand } from '../../ui/on-demand.js';
import { cssProps } from '../../ui/css-props.js';
import { formatTime, langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { themeStyles } from '../../ui/theme.js';
import { downloadText } from '../../util/download.js';
import { latestOf, timesOf, unitOf, valueAt, visibleSpan, type TimeseriesBand, type TimeseriesMark, type TimeseriesSeries, type TimeseriesThreshold } from './chart-model.js';
import { ThemeProbe, type ChartTheme } from './chart-theme.js';
import { toPlotData } from './clean-data.js';
import { FrameBatcher } from './frame-batcher.js';
import { drawOverlays } from './canvas-overlays.js';
import { plotOptions } from './plot-options.js';
import { csvFileName, toCSV } from './csv-export.js';
import { describeChart, describeRow } from './chart-text.js';
import { formatWithUnit } from './units.js';
import { timeseriesStyles } from './timeseries.styles.js';
import { t } from '../../i18n/translate.js';

export type { TimeseriesBand, TimeseriesMark, TimeseriesSeries, TimeseriesThreshold } from './chart-model.js';
export { TABLE_ROW_LIMIT } from './chart-model.js';

const KEY_STEP_LARGE = 10;

/** The kinds of change a commit applies: a new chart, new data, a new window, a repaint. */
type Change = 'rebuild' | 'data' | 'range' | 'redraw';

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

  /** The table view's code, loaded when a table is first shown: most readers never open one. */
  private readonly dataTable = new OnDemand(this, () => import('./data-table.js'));

  @state() private cursorIdx: number | null = null;
  @state() private pointerInside = false;
  @state() private announcement = '';

  @query('.frame') private frame?: HTMLDivElement;
  @query('[part=plot]') private plotHost?: HTMLDivElement;
  @query('.probe') private probe?: HTMLSpanElement;

  private plot?: uPlot;
  private prepared: uPlot.AlignedData = [[]];
  private chartTheme?: ChartTheme;
  private readonly themeProbe = new ThemeProbe(() => this.probe);
  private themeKey = '';
  private structureKey = '';
  private resizeObserver?: ResizeObserver;
  private colorScheme?: MediaQueryList;
  private readonly batcher = new FrameBatcher<Change>((dirty) => this.commit(dirty));
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
    // Moved: the new place may have other colours.
    this.themeProbe.invalidate();
    if (this.hasUpdated) this.batcher.schedule('rebuild');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.colorScheme?.removeEventListener('change', this.onSchemeChange);
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.batcher.cancel();
    this.plot?.destroy();
    this.plot = undefined;
    this.structureKey = '';
  }

  /** Resolves after the current Lit update and the chart commit that follows it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await completeWith(() => super.getUpdateComplete(), this.dataTable);
    while (this.batcher.pending) await this.batcher.pending;
    return result;
  }

  private readonly onSchemeChange = () => {
    this.themeProbe.invalidate();
    this.batcher.schedule('redraw');
  };

  protected override firstUpdated(): void {
    this.batcher.schedule('rebuild');
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.resizeObserver && this.frame) {
      this.resizeObserver = new ResizeObserver(() => this.resize());
      this.resizeObserver.observe(this.frame);
    }
    if (changed.has('data') && this.dataChanged()) this.batcher.schedule('data');
    if (changed.has('range')) {
      const key = this.range ? `${this.range[0]},${this.range[1]}` : '';
      if (key !== this.rangeKey) this.batcher.schedule('range');
      this.rangeKey = key;
    }
    if (changed.has('thresholds') || changed.has('marks') || changed.has('bands')) {
      // Templates often pass fresh but equal arrays on every render: only a real change redraws.
      const key = JSON.stringify([this.thresholds, this.marks, this.bands]);
      if (key !== this.overlayKey) this.batcher.schedule('data');
      this.overlayKey = key;
    }
    // The commit compares the structure and rebuilds only when it really changed.
    if (changed.has('series') || changed.has('unit') || changed.has('syncKey') || changed.has('height') || changed.has('label')) {
      this.batcher.schedule('redraw');
    }
    // Its own theme switched: read the colours again at the next commit.
    if (changed.has('theme')) {
      this.themeProbe.invalidate();
      this.batcher.schedule('redraw');
    }
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

  /** Applies the batched changes: a rebuild when the structure or theme changed, else the cheapest update. */
  private commit(dirty: ReadonlySet<Change>): void {
    if (!this.isConnected || !this.plotHost) return;
    const theme = this.themeProbe.read(this, this.series);
    const themeKey = JSON.stringify(theme);
    const structureKey = JSON.stringify([this.series, this.unit, this.syncKey, this.height, this.label]);
    if (dirty.has('data') || !this.plot) this.prepared = toPlotData(this.data, this.series.length);
    if (!this.plot || dirty.has('rebuild') || themeKey !== this.themeKey || structureKey !== this.structureKey) {
      this.chartTheme = theme;
      this.themeKey = themeKey;
      this.structureKey = structureKey;
      this.build(theme);
    } else if (dirty.has('data') || dirty.has('range')) {
      this.plot.setData(this.prepared, true);
    } else if (dirty.has('redraw')) {
      this.plot.redraw(false);
    }
  }

  private build(theme: ChartTheme): void {
    this.plot?.destroy();
    this.plot = undefined;
    const opts = plotOptions(this, {
      theme,
      lang: langOf(this),
      width: Math.max(100, this.frame?.clientWidth || 0) || 300,
      syncKey: this.syncKey,
      onDraw: (u) => drawOverlays(u, this, this.chartTheme!),
      onCursor: (u) => this.onCursor(u),
    });
    this.plot = new uPlot(opts, this.prepared, this.plotHost!);
    this.onCursor(this.plot);
  }

  private onCursor(u: uPlot): void {
    const idx = u.cursor.idx;
    this.cursorIdx = typeof idx === 'number' && (u.cursor.left ?? -1) >= 0 ? idx : null;
  }

  private resize(): void {
    const width = this.frame?.clientWidth ?? 0;
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: this.height });
  }

  /**
   * The visible data as CSV: a header row (`time`, in the page's language, and each series
   * with its unit), then one row per point: ISO 8601 UTC time, values with full precision,
   * empty cells for gaps.
   */
  toCSV(): string {
    return toCSV(this, langOf(this));
  }

  /** Downloads {@link toCSV} as `<label>.csv`. */
  exportCSV(): void {
    downloadText(this.renderRoot, csvFileName(this.label), 'text/csv;charset=utf-8', this.toCSV());
  }

  private onKeyDown(e: KeyboardEvent): void {
    const u = this.plot;
    if (!u) return;
    const xs = timesOf(this);
    const [start, end] = visibleSpan(this);
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
    this.announcement = describeRow(this, langOf(this), idx);
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

  override render() {
    const lang = langOf(this);
    const [start, end] = visibleSpan(this);
    const empty = end <= start;
    const cursor = this.cursorIdx;
    return html`<div part="base">
      <div part="toolbar">
        <ul part="legend" aria-label=${this.label ? t(lang, '{0} legend', this.label) : t(lang, 'Chart legend')}>
          ${this.series.map((s, i) => {
            const value = cursor !== null ? valueAt(this, i, cursor) : latestOf(this, i);
            return html`<li part="legend-item">
              <span class="swatch" ${cssProps({ '--_swatch': this.chartTheme?.series[i] })}></span>
              <span class="legend-label">${s.label}</span>
              <span class="legend-value">${formatWithUnit(lang, value, unitOf(this, i))}</span>
            </li>`;
          })}
        </ul>
        <span class="actions">
          <button type="button" part="table-toggle" aria-pressed=${this.tableView ? 'true' : 'false'} @click=${() => (this.tableView = !this.tableView)}>
            ${t(lang, 'View as table')}
          </button>
          <button type="button" part="export" @click=${() => this.exportCSV()}>${t(lang, 'Export CSV')}</button>
        </span>
      </div>
      <div class="frame" ?hidden=${this.tableView}>
        <div
          part="plot"
          tabindex="0"
          role="img"
          aria-roledescription=${t(lang, 'chart')}
          aria-label=${describeChart(this, lang)}
          @keydown=${this.onKeyDown}
          @blur=${this.onBlur}
          @pointerenter=${() => (this.pointerInside = true)}
          @pointerleave=${() => (this.pointerInside = false)}
        ></div>
        ${empty ? html`<div part="empty">${t(lang, 'No data in this time range')}</div>` : nothing}
        ${this.renderTooltip()}
      </div>
      <span class="visually-hidden" aria-live="polite">${this.announcement}</span>
      ${this.tableView ? this.dataTable.render(lang, (table) => table.renderDataTable(this, lang, start, end)) : nothing}
      <span class="probe" aria-hidden="true"></span>
    </div>`;
  }

  private renderTooltip() {
    const u = this.plot;
    const idx = this.cursorIdx;
    if (!u || idx === null || this.tableView || !(this.pointerInside || this.matches(':focus-within'))) return nothing;
    const xs = timesOf(this);
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
        (s, i) => html`<div><span class="swatch" ${cssProps({ '--_swatch': this.chartTheme?.series[i] })}></span> ${s.label}: ${formatWithUnit(lang, valueAt(this, i, idx), unitOf(this, i))}</div>`,
      )}
    </div>`;
  }
}
