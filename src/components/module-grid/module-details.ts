/**
 * The contents of a module's details dialog: every health field the backend sent (as text,
 * never HTML), where the status came from, the alert's reason, and the recent probes.
 */
import { html, nothing } from 'lit';
import { t } from '../../i18n/translate.js';
import { formatNumber, formatTime, humanize, MISSING } from '../../util/format.js';
import { formatMs } from '../../util/format-figures.js';
import { describeError } from '../../ui/resource-views.js';
import { renderSparkline } from '../../ui/sparkline.js';
import { FAILED_SERIES, LATENCY_SERIES } from '../../store/resource.js';
import { latencyAnomalyText, type ModuleView } from './module-views.js';

/** A backend value as plain text for the details view (never HTML). */
function asText(lang: string, value: unknown): string {
  if (value === null || value === undefined) return MISSING;
  if (typeof value === 'number') return formatNumber(lang, value, 3);
  if (typeof value === 'string') return value || MISSING;
  if (typeof value === 'boolean') return value ? t(lang, 'yes') : t(lang, 'no');
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
  const anomaly = latencyAnomalyText(v, lang);
  return html`<div class="dialog-head">
      <h3 id="details-title">${humanize(v.name)} <pharos-status-badge status=${v.status}></pharos-status-badge></h3>
      <button type="button" class="close" @click=${setup.onClose}>${t(lang, 'Close')}</button>
    </div>
    <section>
      <dl class="fields" part="details-fields">
        <dt>${t(lang, 'Module')}</dt>
        <dd>${v.name}</dd>
        <dt>${t(lang, 'Status')}</dt>
        <dd>${v.rawStatus}</dd>
        <dt>${t(lang, 'Message')}</dt>
        <dd>${v.message || MISSING}</dd>
        ${details.map(([k, value]) => html`<dt>${humanize(k)}</dt><dd>${asText(lang, value)}</dd>`)}
        <dt>${t(lang, 'Reported by')}</dt>
        <dd>${v.statusFrom ? endpoint : MISSING}</dd>
        ${v.alert
          ? html`<dt>${t(lang, 'Alert')}</dt><dd>${anomaly ? t(lang, '{0}: probe latency {1}', t(lang, v.alert), anomaly) : t(lang, v.alert)}</dd>`
          : nothing}
        ${v.probeError ? html`<dt>${t(lang, 'Last probe')}</dt><dd>${t(lang, 'Failed: {0}', describeError(lang, v.probeError))}</dd>` : nothing}
      </dl>
    </section>
    ${renderProbes(v, setup)}`;
}

/** The module's probes in the range: a sparkline and the newest 20, newest first. */
function renderProbes(v: ModuleView, { lang, from, probeMode }: DetailsSetup) {
  if (!v.probe) return html`<section part="probes"><p class="meta">${t(lang, 'This module is not probed (probe="{0}").', probeMode)}</p></section>`;
  const w = v.probe.history.window(from, Infinity, [LATENCY_SERIES, FAILED_SERIES, 'status_score']);
  const n = w.times.length;
  const rows = Array.from({ length: Math.min(n, 20) }, (_, i) => n - 1 - i);
  const statusText = (i: number) => {
    if (w.columns[FAILED_SERIES]![i] === 1) return t(lang, 'probe failed');
    const score = w.columns.status_score![i]!;
    return score === 2 ? t(lang, 'healthy') : score === 1 ? t(lang, 'degraded') : score === 0 ? t(lang, 'unhealthy') : t(lang, 'unknown');
  };
  return html`<section part="probes">
    <h4 class="meta">${t(lang, 'Recent probes ({0} in range, {1} failed)', formatNumber(lang, n, 0), formatNumber(lang, v.errors ?? 0, 0))}</h4>
    ${renderSparkline({
      values: w.columns[LATENCY_SERIES]!,
      times: w.times,
      label: t(lang, 'Probe response time over the range, latest {0}', formatMs(lang, v.latencyMs)),
    })}
    ${n
      ? html`<ol aria-label=${t(lang, 'Recent probes, newest first')}>
          ${rows.map(
            (i) => html`<li>
              <span>${formatTime(lang, w.times[i]!)}</span><span>${statusText(i)}</span><span>${formatMs(lang, w.columns[LATENCY_SERIES]![i]!)}</span>
            </li>`,
          )}
        </ol>`
      : html`<p class="meta">${t(lang, 'No probes yet in this range.')}</p>`}
  </section>`;
}
