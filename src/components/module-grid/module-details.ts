/**
 * The contents of a module's details dialog: every health field the backend sent (as text,
 * never HTML), where the status came from, the alert's reason, and the recent probes.
 */
import { html, nothing } from 'lit';
import { explainAnomaly } from '../../analysis/anomaly.js';
import { formatNumber, formatTime, humanize, MISSING } from '../../util/format.js';
import { formatMs } from '../../util/format-figures.js';
import { renderSparkline } from '../../ui/sparkline.js';
import { FAILED_SERIES, LATENCY_SERIES } from '../../store/resource.js';
import type { ModuleView } from './module-views.js';

/** A backend value as plain text for the details view (never HTML). */
function asText(lang: string, value: unknown): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') return formatNumber(lang, value, 3);
  if (typeof value === 'string') return value || MISSING;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return JSON.stringify(value);
}

/** How the dialog is set up around the module. */
export interface DetailsSetup {
  lang: string;
  /** Start of the selected range (ms since the epoch): the probes shown are from then on. */
  from: number;
  /** The grid's `probe` setting, named when the module is not probed. */
  probeMode: string;
  /** Closes the dialog. */
  onClose: () => void;
}

/** The dialog's heading, fields and recent probes for `v`. */
export function renderModuleDetails(v: ModuleView, setup: DetailsSetup) {
  const { lang } = setup;
  const endpoint = v.statusFrom === 'health' ? '/api/monitoring/health' : `/api/monitoring/health/module/${v.name}`;
  const details = Object.entries(v.details);
  return html`<div class="dialog-head">
      <h3 id="details-title">${humanize(v.name)} <pharos-status-badge status=${v.status}></pharos-status-badge></h3>
      <button type="button" class="close" @click=${setup.onClose}>Close</button>
    </div>
    <section>
      <dl class="fields" part="details-fields">
        <dt>Module</dt>
        <dd>${v.name}</dd>
        <dt>Status</dt>
        <dd>${v.rawStatus}</dd>
        <dt>Message</dt>
        <dd>${v.message || MISSING}</dd>
        ${details.map(([k, value]) => html`<dt>${humanize(k)}</dt><dd>${asText(lang, value)}</dd>`)}
        <dt>Reported by</dt>
        <dd>${v.statusFrom ? endpoint : MISSING}</dd>
        ${v.alert
          ? html`<dt>Alert</dt><dd>${v.alert}${v.anomaly?.anomalous && v.status !== 'down' ? `: probe latency ${explainAnomaly(v.anomaly, { format: (ms) => formatMs(lang, ms) })}` : ''}</dd>`
          : nothing}
        ${v.probeError ? html`<dt>Last probe</dt><dd>Failed: ${v.probeError.message}</dd>` : nothing}
      </dl>
    </section>
    ${renderProbes(v, setup)}`;
}

/** The module's probes in the range: a sparkline and the newest 20, newest first. */
function renderProbes(v: ModuleView, { lang, from, probeMode }: DetailsSetup) {
  if (!v.probe) return html`<section part="probes"><p class="meta">This module is not probed (probe="${probeMode}").</p></section>`;
  const w = v.probe.history.window(from, Infinity, [LATENCY_SERIES, FAILED_SERIES, 'status_score']);
  const n = w.times.length;
  const rows = Array.from({ length: Math.min(n, 20) }, (_, i) => n - 1 - i);
  const statusText = (i: number) => {
    if (w.columns[FAILED_SERIES]![i] === 1) return 'probe failed';
    const score = w.columns.status_score![i]!;
    return score === 2 ? 'healthy' : score === 1 ? 'degraded' : score === 0 ? 'unhealthy' : 'unknown';
  };
  return html`<section part="probes">
    <h4 class="meta">Recent probes (${formatNumber(lang, n, 0)} in range, ${formatNumber(lang, v.errors ?? 0, 0)} failed)</h4>
    ${renderSparkline({
      values: w.columns[LATENCY_SERIES]!,
      times: w.times,
      label: `Probe response time over the range, latest ${formatMs(lang, v.latencyMs)}`,
    })}
    ${n
      ? html`<ol aria-label="Recent probes, newest first">
          ${rows.map(
            (i) => html`<li>
              <span>${formatTime(lang, w.times[i]!)}</span><span>${statusText(i)}</span><span>${formatMs(lang, w.columns[LATENCY_SERIES]![i]!)}</span>
            </li>`,
          )}
        </ol>`
      : html`<p class="meta">No probes yet in this range.</p>`}
  </section>`;
}
