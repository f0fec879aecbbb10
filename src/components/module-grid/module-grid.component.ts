import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ModuleHealth } from '../../api/monitoring.js';
import { timingSentence, type TimingMethod } from '../../api/timing.js';
import { t, tp, translatable } from '../../i18n/translate.js';
import { formatNumber, langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { radioGroupStyles, renderRadioGroup } from '../../ui/radio-group.js';
import { firstFailure, inLanguage, renderErrorNotice, renderUpdated } from '../../ui/resource-views.js';
import { sparklineStyles } from '../../ui/sparkline.js';
import { STATUS_LOOK } from '../../ui/status.js';
import { panelStyles, themeStyles } from '../../ui/theme.js';
import { ResourceController, TickController } from '../../store/lit/controllers.js';
import type { Resource } from '../../store/resource.js';
import { ResourceListController } from '../../store/lit/resource-list-controller.js';
import { healthResource } from '../../store/resources/health.js';
import { moduleHealthResource } from '../../store/resources/module-health.js';
import { PharosStatusBadge } from '../status-badge/status-badge.component.js';
import { PharosTrend } from '../trend/trend.component.js';
import { moduleGridStyles } from './module-grid.styles.js';
import { selectedRange } from '../../ui/time-window.js';
import { moduleView, ProbeStatsCache, sortViews, type ModuleSort, type ModuleView } from './module-views.js';
import { renderModuleCard } from './module-card.js';

export type { ModuleSort, ModuleView } from './module-views.js';

/** The modules the Pharos backend registers (the default list). */
export const DEFAULT_MODULES: readonly string[] = [
  'annotations', 'auth', 'authority', 'collections', 'github', 'graph', 'ingestion', 'mcp',
  'monitoring', 'patterns', 'pdf_ingestion', 'planning', 'quality', 'resources', 'scholarly', 'search',
];

/** Which modules a filter shows. */
export type ModuleFilter = 'all' | 'healthy' | 'degraded' | 'down';
/**
 * When to probe `/health/module/{name}`: `always` (default; the probes give each module's
 * response time and failures), `auto` (only when `/health` does not report modules), `never`.
 */
export type ModuleProbe = 'always' | 'auto' | 'never';

const FILTERS: readonly ModuleFilter[] = ['all', 'healthy', 'degraded', 'down'];
/** The sort orders, with their names (English: shown with `t(lang, …)`). */
const SORTS: Record<ModuleSort, string> = { name: translatable('Name'), status: translatable('Status'), 'response-time': translatable('Response time') };

/** Reads `modules="auth, search graph"` into a clean, de-duplicated list. */
const moduleList = {
  fromAttribute: (text: string | null) => (text === null ? [...DEFAULT_MODULES] : [...new Set(text.split(/[\s,]+/).filter(Boolean))]),
  toAttribute: (value: readonly string[]) => value.join(','),
};

/**
 * One card per backend module with its status, probe response time and trend, failed
 * probes in the selected time range, and an alert when a module is down or unusually slow.
 * Filter by status and sort; open a card for the module's full health payload and its
 * recent probes.
 *
 * Status comes from `/api/monitoring/health` when the backend reports modules there, else
 * from `/api/monitoring/health/module/{name}` (one shared, polled resource per module).
 * A probe's response time is its request's network timing, the same figures the
 * performance panel's percentiles use; a note under the cards says how they were measured.
 *
 * @tag pharos-module-grid
 * @summary Health of every backend module.
 *
 * @dependency pharos-status-badge
 * @dependency pharos-trend
 *
 * @csspart base - The panel.
 * @csspart header - Title row with the last-updated time.
 * @csspart updated - The "updated N s ago" label.
 * @csspart toolbar - Filter and sort controls.
 * @csspart filter - The status filter (a radio group).
 * @csspart filter-option - One filter option.
 * @csspart filter-option-selected - The selected filter option.
 * @csspart sort - The sort select.
 * @csspart grid - The list of cards.
 * @csspart timing - The note saying how response times were measured (network timing or page-observed).
 * @csspart card - One module card (a button opening its details); a card needing attention also has part `card-alert`.
 * @csspart name - A module's name.
 * @csspart alert - A card's alert mark (down or unusually slow).
 * @csspart empty - The message when no module matches the filter.
 * @csspart details - The details dialog.
 * @csspart details-fields - The module's health fields in the dialog.
 * @csspart probes - The recent probes in the dialog.
 * @csspart error - The error notice, with the retry button.
 * @csspart retry - The retry button.
 *
 * @cssprop --pharos-module-grid-card-min-width - Minimum card width (default 12em).
 * @cssprop --pharos-module-grid-card-surface - Card background.
 * @cssprop --pharos-module-grid-alert - Colour of alerts (defaults to `--pharos-danger`).
 * @cssprop --pharos-module-grid-accent - Selected filter colour (defaults to `--pharos-accent`).
 *
 * @example
 * <pharos-module-grid base-url="https://pharos.onrender.com" sort="status"></pharos-module-grid>
 * <pharos-module-grid modules="search, graph, ingestion"></pharos-module-grid>
 */
export class PharosModuleGrid extends PharosElement {
  static override styles = [themeStyles, panelStyles, sparklineStyles, radioGroupStyles, moduleGridStyles];
  static override dependencies = { 'pharos-status-badge': PharosStatusBadge, 'pharos-trend': PharosTrend };

  /** Heading text; empty for the default, "Modules" in the page's language. */
  @property() heading = '';

  /** The modules to show, as a list, or as an attribute separated by commas or spaces. Default: every module the backend registers. */
  @property({ converter: moduleList }) modules: string[] = [...DEFAULT_MODULES];

  /** When to probe each module: `always` (default), `auto` or `never`. */
  @property() probe: ModuleProbe = 'always';

  /** Status filter: `all` (default), `healthy`, `degraded`, `down`. */
  @property({ reflect: true }) filter: ModuleFilter = 'all';

  /** Order of the cards: `name` (default), `status`, `response-time`. */
  @property({ reflect: true }) sort: ModuleSort = 'name';

  /** The module whose details are open, or null. */
  @state() private selected: string | null = null;

  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly health = new ResourceController(this, healthResource);
  private readonly probes = new ResourceListController(this, moduleHealthResource, () => this.probedModules());
  private opener: HTMLElement | null = null;
  /** The details dialog's contents, loaded when a card is first opened; `opening` settles once it is shown. */
  private details: typeof import('./module-details.js') | null = null;
  private opening: Promise<void> | null = null;
  private readonly stats = new ProbeStatsCache();

  constructor() {
    super();
    new TickController(this);
  }

  /** Refreshes the health report and every probe now. */
  async refresh(): Promise<void> {
    await Promise.all([this.health.resource.refresh(), ...this.probes.resources.map((r) => r.refresh())]);
  }

  /** Opens the details of a module. */
  openDetails(name: string): void {
    this.opener = (this.renderRoot.querySelector(`[part~=card][data-name="${CSS.escape(name)}"]`) as HTMLElement | null) ?? null;
    this.opening = import('./module-details.js').then(
      (details) => {
        this.details = details;
        this.selected = name;
      },
      (cause: unknown) => console.warn('<pharos-module-grid>: the details could not be loaded', cause),
    );
  }

  /** Waits for details being opened too, so that `updateComplete` means the dialog is shown. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.opening;
    return super.getUpdateComplete();
  }

  /** Closes the details. */
  closeDetails(): void {
    this.dialog?.close();
  }

  /** Every module's current view, in the order of `modules`. */
  get views(): ModuleView[] {
    const resource = this.health.resource;
    const health = { report: resource.value.get(), stale: resource.stale.get(), failed: Boolean(resource.error.get()) };
    const probes = new Map(this.probes.resources.map((r) => [r.params, r]));
    const [from] = selectedRange(this.source);
    const rangeKey = this.source.timeRange.get();
    return this.modules.map((name) => {
      const probe = probes.get(name) ?? null;
      return moduleView(name, health, probe, probe ? this.stats.get(probe, from, rangeKey) : null);
    });
  }

  private probedModules(): string[] {
    if (this.probe === 'never') return [];
    if (this.probe === 'auto') {
      const health = this.health.resource;
      // Wait for /health to say whether it reports modules; probe if it cannot say.
      if (health.value.get() === undefined) return health.error.get() ? this.modules : [];
      const listed = new Set(health.value.get()!.modules?.map((m) => m.name) ?? []);
      return this.modules.filter((m) => !listed.has(m));
    }
    return this.modules;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('selected' as keyof PharosModuleGrid) && this.selected && this.dialog && !this.dialog.open) {
      this.dialog.showModal();
    }
  }

  /** How the probes' response times were measured (the same figures as the performance panel). */
  private renderTimingNote(probes: readonly Resource<ModuleHealth, string>[], lang: string) {
    const counts: Partial<Record<TimingMethod, number>> = {};
    for (const p of probes) {
      const method = p.latencyMethod.get();
      if (method && p.lastSuccessAt.get() !== null) counts[method] = (counts[method] ?? 0) + 1;
    }
    const note = timingSentence(counts);
    return note ? html`<p class="meta" part="timing">${t(lang, 'Response: {0}.', inLanguage(lang, note))}</p>` : nothing;
  }

  /** Says that the filter leaves no card, in `lang`. */
  private noneShown(lang: string): string {
    switch (this.filter) {
      case 'healthy':
        return t(lang, 'No healthy modules.');
      case 'degraded':
        return t(lang, 'No degraded modules.');
      case 'down':
        return t(lang, 'No down modules.');
      default:
        return t(lang, 'No modules to show.');
    }
  }

  private onDialogClose = () => {
    this.selected = null;
    // Give the focus back to the card that opened the dialog.
    const name = this.opener?.dataset.name;
    const card = name ? this.renderRoot.querySelector<HTMLElement>(`[part~=card][data-name="${CSS.escape(name)}"]`) : null;
    (card ?? this.opener)?.focus();
    this.opener = null;
  };

  override render() {
    const lang = langOf(this);
    const ctx = { lang, now: this.source.now.get() };
    const health = this.health.resource;
    const probes = this.probes.resources;
    const views = this.views;
    const counts: Record<ModuleFilter, number> = { all: views.length, healthy: 0, degraded: 0, down: 0 };
    for (const v of views) if (v.status in counts) counts[v.status as ModuleFilter]++;
    const shown = sortViews(views.filter((v) => this.filter === 'all' || v.status === this.filter), this.sort);
    const failure = firstFailure([health, ...probes]);
    const everythingFailed = failure && views.every((v) => v.statusFrom === null);
    const n = (v: number) => formatNumber(lang, v, 0);
    const summary = views.some((v) => v.statusFrom)
      ? tp(
          lang,
          views.length,
          '{0} module: {1} healthy, {2} degraded, {3} down',
          '{0} modules: {1} healthy, {2} degraded, {3} down',
          n(views.length),
          n(counts.healthy),
          n(counts.degraded),
          n(counts.down),
        )
      : '';

    return html`<section part="base" aria-labelledby="title">
      <div part="header">
        <h2 id="title">${this.heading || t(lang, 'Modules')}</h2>
        ${renderUpdated([health, ...probes], ctx)}
      </div>
      <span class="visually-hidden" role="status">${summary}</span>
      ${failure && (everythingFailed || failure.resource === health)
        ? renderErrorNotice(failure.resource, ctx, () => void this.refresh(), failure.resource === health ? t(lang, 'System health') : t(lang, 'Module probes'))
        : nothing}
      ${views.length === 0
        ? html`<p part="empty">${t(lang, 'No modules to show.')}</p>`
        : html`<div part="toolbar">
              ${renderRadioGroup({
                label: t(lang, 'Filter modules by status'),
                part: 'filter',
                options: FILTERS.map((f) => ({ value: f, label: `${f === 'all' ? t(lang, 'All') : t(lang, STATUS_LOOK[f].label)} (${n(counts[f])})` })),
                selected: this.filter,
                onSelect: (f) => {
                  this.filter = f;
                },
              })}
              <label class="sort"
                >${t(lang, 'Sort by')}
                <select part="sort" @change=${(e: Event) => (this.sort = (e.target as HTMLSelectElement).value as ModuleSort)}>
                  ${Object.entries(SORTS).map(([value, label]) => html`<option value=${value} ?selected=${value === this.sort}>${t(lang, label)}</option>`)}
                </select></label
              >
            </div>
            ${shown.length
              ? html`<ul part="grid" aria-label=${t(lang, 'Modules')}>
                    ${shown.map((v) => html`<li>${renderModuleCard(v, lang, (name) => this.openDetails(name))}</li>`)}
                  </ul>
                  ${this.renderTimingNote(probes, lang)}`
              : html`<p part="empty">${this.noneShown(lang)}</p>`}`}
      ${this.renderDialog(views, lang)}
    </section>`;
  }

  private renderDialog(views: ModuleView[], lang: string) {
    const v = this.selected ? views.find((x) => x.name === this.selected) : undefined;
    const setup = { lang, from: selectedRange(this.source)[0], probeMode: this.probe, onClose: () => this.closeDetails() };
    return html`<dialog part="details" aria-labelledby="details-title" @close=${this.onDialogClose}>
      ${v && this.details ? this.details.renderModuleDetails(v, setup) : nothing}
    </dialog>`;
  }
}
