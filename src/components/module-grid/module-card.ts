/** One module card: a button with the module's name, status, response time, trend, errors and alert. */
import { html, nothing } from 'lit';
import { t } from '../../i18n/translate.js';
import { formatNumber, humanize, MISSING } from '../../util/format.js';
import { formatMs } from '../../util/format-figures.js';
import { latencyAnomalyText, type ModuleView } from './module-views.js';

/** The card of `v`; `onOpen` opens its details. Needs `<pharos-status-badge>` and `<pharos-trend>`. */
export function renderModuleCard(v: ModuleView, lang: string, onOpen: (name: string) => void) {
  // The button's accessible name is its content (name, badge, figures, trend words, alert),
  // so what a screen reader hears is what is shown.
  const anomaly = latencyAnomalyText(v, lang);
  return html`<button
    type="button"
    part=${v.alert ? 'card card-alert' : 'card'}
    data-name=${v.name}
    data-status=${v.status}
    ?data-alert=${Boolean(v.alert)}
    aria-haspopup="dialog"
    @click=${() => onOpen(v.name)}
  >
    <span class="card-head">
      <span part="name">${humanize(v.name)}</span>
      ${v.loading ? html`<span class="meta">${t(lang, 'Loading…')}</span>` : html`<pharos-status-badge status=${v.status}></pharos-status-badge>`}
    </span>
    <span class="figures">
      <span class="k">${t(lang, 'Response')}</span>
      <span class="v"
        ><span class="latency">${v.latencyMs === null ? MISSING : formatMs(lang, v.latencyMs)}</span>
        ${v.trend ? html`<pharos-trend .direction=${v.trend.direction} .change=${v.trend.ratio} good="down"></pharos-trend>` : nothing}</span
      >
      <span class="k">${t(lang, 'Errors')}<span class="visually-hidden"> ${t(lang, '(failed probes in the selected range)')}</span></span>
      <span class="v errors">${v.errors === null ? MISSING : formatNumber(lang, v.errors, 0)}</span>
    </span>
    <span class="tags"
      >${v.alert
        ? html`<span part="alert" title=${anomaly ? t(lang, 'Probe latency {0}', anomaly) : nothing}
            ><span aria-hidden="true">⚠</span>${t(lang, v.alert)}</span
          >`
        : nothing}${v.stale
        ? html`<span class="stale-tag"><span aria-hidden="true">◷</span>${t(lang, 'Stale')}</span>`
        : nothing}${v.probeError && !v.stale && v.statusFrom !== 'health' ? html`<span class="stale-tag">${t(lang, 'Probe failed')}</span>` : nothing}</span
    >
  </button>`;
}
