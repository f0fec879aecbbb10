import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { PharosRefreshEvent } from '../../events/refresh.js';
import { PharosTimeRangeChangeEvent } from '../../events/time-range-change.js';
import { t, tp, translatable } from '../../i18n/translate.js';
import { cached, formatAgo, formatNumber, formatSeconds, formatTime, langOf, toLocale } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { radioGroupStyles, renderRadioGroup } from '../../ui/radio-group.js';
import { controlStyles, themeStyles } from '../../ui/theme.js';
import { TickController } from '../../store/lit/controllers.js';
import { TIME_RANGES, type TimeRange } from '../../store/time-range.js';
import { dashboardHeaderStyles } from './dashboard-header.styles.js';

/** Spoken names of each time range (English, for `t`); the short ones are the units' narrow forms ("6h"). */
const RANGE_NAMES: Record<TimeRange, string> = {
  '1h': translatable('Last hour'),
  '6h': translatable('Last 6 hours'),
  '24h': translatable('Last 24 hours'),
  '7d': translatable('Last 7 days'),
};

/** "6h", "7d" in `lang` ("7 T", "7j"). */
const shortRange = (lang: string, range: TimeRange) =>
  cached(`h:${lang}:${range.slice(-1)}`, () =>
    new Intl.NumberFormat(toLocale(lang), { style: 'unit', unit: range.endsWith('d') ? 'day' : 'hour', unitDisplay: 'narrow' }),
  ).format(parseInt(range, 10));

const RING_R = 8;
const RING_C = 2 * Math.PI * RING_R;

/**
 * The dashboard's title bar and controls, driving the source it sits in (every element of
 * that source follows): when the data was last updated, a manual refresh, auto-refresh on
 * or off with a countdown to the next poll, and the time range (1h, 6h, 24h, 7d).
 *
 * @tag pharos-dashboard-header
 * @summary Title, refresh, auto-refresh countdown and time range for a dashboard.
 *
 * @fires pharos-refresh - Before a manual refresh; cancelable (then the source is not refreshed). `detail: { baseUrl }`.
 * @fires pharos-time-range-change - Before the time range changes; cancelable. `detail: { range, previous }`.
 *
 * @slot - Extra controls at the end of the bar (e.g. a link to a runbook).
 *
 * @csspart base - The bar.
 * @csspart heading - The title.
 * @csspart updated - "Updated N s ago".
 * @csspart failing - How many endpoints are failing, when any are.
 * @csspart refresh - The refresh button.
 * @csspart auto-refresh - The auto-refresh switch.
 * @csspart countdown - The countdown (ring and text).
 * @csspart ring - The countdown ring.
 * @csspart ranges - The time range selector (a radio group).
 * @csspart range - One time range option.
 * @csspart range-selected - The selected time range option.
 *
 * @cssprop --pharos-dashboard-header-surface - Bar background (defaults to `--pharos-surface`).
 * @cssprop --pharos-dashboard-header-border - Bar border (defaults to `--pharos-border`).
 * @cssprop --pharos-dashboard-header-accent - Selected range, switch and ring colour (defaults to `--pharos-accent`).
 * @cssprop --pharos-dashboard-header-padding - Bar padding.
 * @cssprop --pharos-dashboard-header-heading-size - Title font size.
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com">
 *   <pharos-dashboard-header heading="Pharos production"></pharos-dashboard-header>
 *   <pharos-health></pharos-health>
 * </pharos-source>
 */
export class PharosDashboardHeader extends PharosElement {
  static override styles = [themeStyles, controlStyles, radioGroupStyles, dashboardHeaderStyles];

  /** The dashboard's title (default: "Pharos operations" in the page's language). */
  @property() heading?: string;

  /** Heading level of the title (1–6). Default 1. */
  @property({ type: Number }) level = 1;

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes every element of the source now (what the button does), unless a listener cancels `pharos-refresh`. */
  async refresh(): Promise<void> {
    const event = this.emit(new PharosRefreshEvent({ baseUrl: this.source.baseUrl }));
    if (event.defaultPrevented) return;
    await this.source.refresh();
  }

  /**
   * Selects a time range for the source, unless a listener cancels `pharos-time-range-change`.
   * Returns whether `range` is now selected.
   */
  selectTimeRange(range: TimeRange): boolean {
    const previous = this.source.timeRange.get();
    if (range === previous) return true;
    const event = this.emit(new PharosTimeRangeChangeEvent({ range, previous }));
    if (event.defaultPrevented) return false;
    this.source.setTimeRange(range);
    return true;
  }

  /** Turns auto-refresh on or off for the whole source. */
  setAutoRefresh(on: boolean): void {
    this.source.setAutoRefresh(on);
  }

  override render() {
    const lang = langOf(this);
    const source = this.source;
    const now = source.now.get();
    const updated = source.lastUpdatedAt.get();
    const fetching = source.fetching.get();
    const active = source.activeResources();
    const failing = active.filter((r) => r.error.get() !== null).length;
    const level = Math.min(6, Math.max(1, Math.round(this.level) || 1));

    return html`<header part="base">
      <div class="title">
        <div part="heading" role="heading" aria-level=${level}>${this.heading ?? t(lang, 'Pharos operations')}</div>
        <span class="meta" part="updated" title=${updated === null ? nothing : formatTime(lang, updated)}
          >${updated === null
            ? fetching
              ? t(lang, 'Loading…')
              : t(lang, 'No data yet')
            : t(lang, 'Updated {0}', formatAgo(lang, updated, Math.max(now, updated)))}</span
        >
        <span role="status" class="meta">${failing
            ? html`<span part="failing"
                >⚠ ${tp(lang, active.length, '{0} of {1} endpoint failing', '{0} of {1} endpoints failing', formatNumber(lang, failing, 0), formatNumber(lang, active.length, 0))}</span
              >`
            : nothing}</span>
      </div>
      <div class="controls">
        <button type="button" part="refresh" aria-busy=${fetching ? 'true' : 'false'} @click=${() => void this.refresh()}>
          <span class="spin" aria-hidden="true">↻</span>${fetching ? t(lang, 'Refreshing…') : t(lang, 'Refresh')}
        </button>
        <button
          type="button"
          part="auto-refresh"
          role="switch"
          aria-checked=${source.autoRefresh ? 'true' : 'false'}
          @click=${() => this.setAutoRefresh(!source.autoRefresh)}
        >
          <span class="track" aria-hidden="true"></span>${t(lang, 'Auto-refresh')}
        </button>
        ${this.renderCountdown(lang, now, fetching)} ${this.renderRanges(lang)}
        <slot></slot>
      </div>
    </header>`;
  }

  private renderCountdown(lang: string, now: number, fetching: boolean) {
    const source = this.source;
    const next = source.nextRefreshAt.get();
    let text: string;
    let fraction = 0;
    if (!source.autoRefresh) text = t(lang, 'Auto-refresh off');
    else if (fetching) text = t(lang, 'Refreshing…');
    else if (next === null) text = source.activeResources().length ? t(lang, 'Auto-refresh paused') : t(lang, 'Nothing to refresh');
    else {
      const remaining = Math.max(0, next - now);
      // The ring shows the share of the interval left; after a failure (backoff) the wait can be longer.
      const period = Math.max(this.periodFor(next), remaining) || 1;
      fraction = remaining / period;
      text = t(lang, 'Next refresh in {0}', formatSeconds(lang, Math.ceil(remaining / 1000)));
    }
    return html`<span part="countdown">
      <svg part="ring" viewBox="0 0 20 20" aria-hidden="true">
        <circle class="back" cx="10" cy="10" r=${RING_R}></circle>
        <circle class="front" cx="10" cy="10" r=${RING_R} stroke-dasharray=${RING_C} stroke-dashoffset=${RING_C * (1 - fraction)}></circle>
      </svg>
      <span class="countdown-text">${text}</span>
    </span>`;
  }

  /** Interval of the resource due next (resources may poll at their own pace). */
  private periodFor(next: number): number {
    const due = this.source.activeResources().find((r) => r.nextRefreshAt.get() === next);
    return due?.intervalMs ?? this.source.intervalMs;
  }

  private renderRanges(lang: string) {
    return renderRadioGroup({
      label: t(lang, 'Time range'),
      part: 'ranges',
      optionPart: 'range',
      options: TIME_RANGES.map((value) => ({ value, label: shortRange(lang, value), ariaLabel: t(lang, RANGE_NAMES[value]) })),
      selected: this.source.timeRange.get(),
      onSelect: (range) => this.selectTimeRange(range),
    });
  }
}
