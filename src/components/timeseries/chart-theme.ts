/**
 * Theme probing: canvas cannot read custom properties, so the chart's colours are resolved
 * by probe elements styled with them and read back through `getComputedStyle`. Reading them
 * forces the browser to bring the page's styles up to date, which costs 10 to 30 ms while a
 * dashboard is building itself; so they are read again only when the page may have changed
 * its colours (see {@link themeVersion}), not on every commit of every chart.
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

/**
 * Attributes by which pages switch themes (a class or `data-theme` on `<html>`, a style
 * setting `--pharos-*`, our own `theme`), or stylesheets: `media`, `disabled`, `href`.
 */
const THEME_ATTRIBUTES = ['class', 'style', 'theme', 'data-theme', 'data-bs-theme', 'data-color-scheme', 'data-mode', 'media', 'disabled', 'href'];

let pageThemeVersion = 0;
let watchingPage = false;

/**
 * A number that changes whenever the page may have changed the colours its elements
 * inherit: one of {@link THEME_ATTRIBUTES} changed anywhere in the page's own tree, its
 * `<head>` gained, lost or edited a stylesheet, or the system's colour scheme switched.
 * One observer for the page, started on first use.
 */
export function themeVersion(): number {
  if (!watchingPage && typeof MutationObserver === 'function') {
    watchingPage = true;
    const bump = () => void pageThemeVersion++;
    const observer = new MutationObserver(bump);
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: THEME_ATTRIBUTES });
    if (document.head) observer.observe(document.head, { subtree: true, childList: true, characterData: true });
    globalThis.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', bump);
  }
  return pageThemeVersion;
}

/** Resolves colours against a container in the element's shadow root. */
export class ThemeProbe {
  /** The colour probes inside the container, by the colour they resolve. */
  private readonly probes = new Map<string, HTMLSpanElement>();
  private last?: { theme: ChartTheme; version: number; colors: string };

  /** @param container The (hidden) element the probes live in, once rendered. */
  constructor(private readonly container: () => HTMLElement | undefined) {}

  /** Forgets the colours read: the next {@link read} reads them again (the element's own theme changed, or it moved). */
  invalidate(): void {
    this.last = undefined;
  }

  /**
   * The probe for a colour, made once: reading it recalculates style only when the page
   * changed, where re-setting one probe per read forced a recalculation per colour.
   */
  private probe(value: string): HTMLSpanElement {
    let probe = this.probes.get(value);
    if (!probe || !probe.isConnected) {
      if (this.probes.size > MAX_PROBES) this.probes.clear();
      probe = document.createElement('span');
      probe.style.color = value;
      this.container()!.append(probe);
      this.probes.set(value, probe);
    }
    return probe;
  }

  /** The whole theme for `host`'s chart with these series: read again only when it may have changed. */
  read(host: Element, series: readonly TimeseriesSeries[]): ChartTheme {
    const seriesColors = series.map((s, i) => s.color || `var(--_series-${(i % PALETTE_SIZE) + 1})`);
    const colors = seriesColors.join(' ');
    const version = themeVersion();
    if (this.last && this.last.version === version && this.last.colors === colors) return this.last.theme;
    const tokens = ['--_text', '--_axis', '--_grid', '--_threshold', '--_mark', '--_surface'].map((name) => `var(${name})`);
    // Every probe in place first, then every read: one style recalculation, not one per new probe.
    const probes = [...tokens, ...seriesColors].map((value) => this.probe(value));
    const [text, axis, grid, threshold, mark, surface, ...seriesResolved] = probes.map((probe) => getComputedStyle(probe).color);
    const style = getComputedStyle(host);
    const theme: ChartTheme = {
      text: text!,
      axis: axis!,
      grid: grid!,
      threshold: threshold!,
      mark: mark!,
      surface: surface!,
      series: seriesResolved,
      font: `${parseFloat(style.fontSize) * 0.86 || 12}px ${style.fontFamily}`,
    };
    this.last = { theme, version, colors };
    return theme;
  }
}
