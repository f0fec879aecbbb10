/**
 * Theme probing: canvas cannot read custom properties, so the chart's colours are resolved
 * by probe elements styled with them and read back through `getComputedStyle`.
 */
import type { TimeseriesSeries } from './chart-model.js';

/** Colours and font resolved from the theme tokens, ready for the canvas. */
export interface ChartTheme {
  text: string;
  axis: string;
  grid: string;
  threshold: string;
  mark: string;
  surface: string;
  /** One colour per series. */
  series: string[];
  /** A canvas `font` shorthand, e.g. `12px system-ui`. */
  font: string;
}

/** Series without a colour take `--_series-1` … `--_series-6` (the styles' palette) in turn. */
const PALETTE_SIZE = 6;
/** Past this many distinct colours the probes are dropped and made again (colours churned). */
const MAX_PROBES = 64;

/** Resolves colours against a container in the element's shadow root. */
export class ThemeProbe {
  /** The colour probes inside the container, by the colour they resolve. */
  private readonly probes = new Map<string, HTMLSpanElement>();

  /** @param container The (hidden) element the probes live in, once rendered. */
  constructor(private readonly container: () => HTMLElement | undefined) {}

  /**
   * A colour as the page resolves it now (custom properties, the host's theme). One probe per
   * colour, set once: reading it recalculates style only when the page changed, where
   * re-setting one probe per read forced a recalculation for every colour of every commit.
   */
  color(value: string): string {
    let probe = this.probes.get(value);
    if (!probe || !probe.isConnected) {
      if (this.probes.size > MAX_PROBES) this.probes.clear();
      probe = document.createElement('span');
      probe.style.color = value;
      this.container()!.append(probe);
      this.probes.set(value, probe);
    }
    return getComputedStyle(probe).color;
  }

  /** The whole theme for `host`'s chart with these series. */
  read(host: Element, series: readonly TimeseriesSeries[]): ChartTheme {
    const style = getComputedStyle(host);
    return {
      text: this.color('var(--_text)'),
      axis: this.color('var(--_axis)'),
      grid: this.color('var(--_grid)'),
      threshold: this.color('var(--_threshold)'),
      mark: this.color('var(--_mark)'),
      surface: this.color('var(--_surface)'),
      series: series.map((s, i) => this.color(s.color || `var(--_series-${(i % PALETTE_SIZE) + 1})`)),
      font: `${parseFloat(style.fontSize) * 0.86 || 12}px ${style.fontFamily}`,
    };
  }
}
