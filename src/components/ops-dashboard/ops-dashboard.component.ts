import { provide } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { t } from '../../i18n/translate.js';
import { langOf } from '../../util/format.js';
import { PharosElement } from '../../ui/pharos-element.js';
import { themeStyles } from '../../ui/theme.js';
import { sourceContext } from '../../store/lit/context.js';
import type { PharosSource } from '../../store/source.js';
import { PharosAlerts } from '../alerts/alerts.component.js';
import { PharosCache } from '../cache/cache.component.js';
import { PharosDashboardHeader } from '../dashboard-header/dashboard-header.component.js';
import { PharosDatabase } from '../database/database.component.js';
import { PharosEngagement } from '../engagement/engagement.component.js';
import { PharosEventBus } from '../event-bus/event-bus.component.js';
import { PharosHealth } from '../health/health.component.js';
import { PharosIngestQueue } from '../ingest-queue/ingest-queue.component.js';
import { PharosIngestTrigger } from '../ingest-trigger/ingest-trigger.component.js';
import { PharosJobHistory } from '../job-history/job-history.component.js';
import { PharosMlModels } from '../ml-models/ml-models.component.js';
import { PharosModuleGrid } from '../module-grid/module-grid.component.js';
import { PharosPerformance } from '../performance/performance.component.js';
import { PharosPerformanceSummary } from '../performance-summary/performance-summary.component.js';
import { PharosRecommendations } from '../recommendations/recommendations.component.js';
import { PharosSparseEmbeddings } from '../sparse-embeddings/sparse-embeddings.component.js';
import { PharosWorkerHeartbeat } from '../worker-heartbeat/worker-heartbeat.component.js';
import { PharosWorkers } from '../workers/workers.component.js';
import { opsDashboardStyles } from './ops-dashboard.styles.js';
import { TabBadgeLoader } from './tab-badge-loader.js';
import { firstRenderTurns, holdTurns } from '../../ui/first-render-turns.js';
import { firstRequest } from './first-request.js';

/** How long the panels' first renders wait at most for their first request to go out. */
const FIRST_REQUEST_WAIT_MS = 200;

/**
 * The whole ops dashboard: header (refresh, auto-refresh, time range), alerts, health,
 * API performance, modules, infrastructure, usage, and ingestion with the edge worker.
 * Every element inside shares the dashboard's source, so each endpoint is polled once.
 *
 * @tag pharos-ops-dashboard
 * @summary The complete Pharos operations dashboard.
 *
 * @dependency pharos-dashboard-header
 * @dependency pharos-alerts
 * @dependency pharos-health
 * @dependency pharos-performance
 * @dependency pharos-module-grid
 *
 * @csspart base - The dashboard layout.
 * @csspart header - The dashboard header element.
 * @csspart overview - The overview section (health, alerts, API performance).
 * @csspart modules - The modules section.
 * @csspart infrastructure - The infrastructure section.
 * @csspart usage - The usage section (engagement, recommendations).
 * @csspart ingestion - The "Ingestion & workers" section.
 *
 * @cssprop --pharos-ops-dashboard-background - Background behind the cards.
 *
 * @example
 * <pharos-source base-url="https://pharos.onrender.com">
 *   <pharos-ops-dashboard></pharos-ops-dashboard>
 * </pharos-source>
 */
export class PharosOpsDashboard extends PharosElement {
  static override styles = [themeStyles, opsDashboardStyles];
  static override dependencies = {
    'pharos-dashboard-header': PharosDashboardHeader,
    'pharos-alerts': PharosAlerts,
    'pharos-health': PharosHealth,
    'pharos-performance': PharosPerformance,
    'pharos-module-grid': PharosModuleGrid,
    'pharos-performance-summary': PharosPerformanceSummary,
    'pharos-database': PharosDatabase,
    'pharos-event-bus': PharosEventBus,
    'pharos-cache': PharosCache,
    'pharos-workers': PharosWorkers,
    'pharos-ml-models': PharosMlModels,
    'pharos-engagement': PharosEngagement,
    'pharos-recommendations': PharosRecommendations,
    'pharos-worker-heartbeat': PharosWorkerHeartbeat,
    'pharos-ingest-queue': PharosIngestQueue,
    'pharos-ingest-trigger': PharosIngestTrigger,
    'pharos-job-history': PharosJobHistory,
    'pharos-sparse-embeddings': PharosSparseEmbeddings,
  };

  /** Title shown in the header (default: "Pharos operations" in the page's language). */
  @property() heading?: string;

  /**
   * Show the number of unacknowledged alerts in the tab's title and favicon (opt-in: the
   * page's own title and favicon come back when it is turned off or the dashboard leaves).
   */
  @property({ type: Boolean, attribute: 'tab-badge' }) tabBadge = false;

  constructor() {
    super();
    new TabBadgeLoader(this);
    // Eighteen panels render at once: their first renders take turns, so that requests go
    // out and answers are read between them (see first-render-turns.ts).
    PharosElement.firstRenderTurns ??= firstRenderTurns;
  }

  /** The elements inside read from the dashboard's own source (context, base-url or page default). */
  @provide({ context: sourceContext })
  @state()
  protected providedSource?: PharosSource;

  override connectedCallback(): void {
    super.connectedCallback();
    this.providedSource = this.source;
  }

  protected override firstUpdated(): void {
    // The panels just connected and subscribed: their first requests go out before they
    // render (see holdTurns).
    holdTurns(firstRequest(this.source, FIRST_REQUEST_WAIT_MS));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.providedSource !== this.source) this.providedSource = this.source;
  }

  override render() {
    const lang = langOf(this);
    return html`<div part="base">
      <pharos-dashboard-header part="header" heading=${this.heading ?? nothing}></pharos-dashboard-header>

      <section part="overview" aria-labelledby="overview">
        <h2 id="overview">${t(lang, 'Overview')}</h2>
        <div class="stack s4">
          <pharos-health></pharos-health>
          <pharos-alerts></pharos-alerts>
        </div>
        <pharos-performance class="s8 wide"></pharos-performance>
      </section>

      <section part="modules" aria-labelledby="modules">
        <h2 id="modules">${t(lang, 'Module health')}</h2>
        <pharos-module-grid class="s12"></pharos-module-grid>
      </section>

      <section part="infrastructure" aria-labelledby="infrastructure">
        <h2 id="infrastructure">${t(lang, 'Infrastructure')}</h2>
        <pharos-database class="s4"></pharos-database>
        <pharos-event-bus class="s4"></pharos-event-bus>
        <pharos-cache class="s4"></pharos-cache>
        <pharos-performance-summary class="s6"></pharos-performance-summary>
        <pharos-workers class="s3"></pharos-workers>
        <pharos-ml-models class="s3"></pharos-ml-models>
      </section>

      <section part="usage" aria-labelledby="usage">
        <h2 id="usage">${t(lang, 'Usage')}</h2>
        <pharos-engagement class="s6"></pharos-engagement>
        <pharos-recommendations class="s6"></pharos-recommendations>
      </section>

      <section part="ingestion" aria-labelledby="ingestion">
        <h2 id="ingestion">${t(lang, 'Ingestion & workers')}</h2>
        <pharos-worker-heartbeat class="s4"></pharos-worker-heartbeat>
        <pharos-ingest-queue class="s4"></pharos-ingest-queue>
        <pharos-ingest-trigger class="s4 action"></pharos-ingest-trigger>
        <pharos-job-history class="s8 wide"></pharos-job-history>
        <pharos-sparse-embeddings class="s4 action"></pharos-sparse-embeddings>
      </section>
    </div>`;
  }
}
