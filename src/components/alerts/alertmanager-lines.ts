import { html, nothing, type TemplateResult } from 'lit';
import { matchAlertmanager } from '../../alerts/alertmanager.js';
import type { AlertRule } from '../../alerts/types.js';
import type { AlertmanagerAlert, AlertmanagerSilence, AlertmanagerView } from '../../api/alertmanager.js';
import { OptionalResourceController } from '../../store/lit/optional-resource-controller.js';
import type { SourceHost } from '../../store/lit/source-host.js';
import { alertmanagerResource } from '../../store/resources/alertmanager.js';
import { t } from '../../i18n/translate.js';
import { formatDateTime } from '../../util/format.js';
import { shortTime } from './alert-views.js';

/**
 * What Alertmanager says of an alert (silenced by whom, why and until when; or inhibited),
 * for `<pharos-alerts>`. Read through the relay, so only while the source is one (its answers
 * are marked read-only): a page talking to the backend directly polls nothing more. A relay
 * without Alertmanager answers 404, and nothing is shown. Loaded on demand by
 * `AlertmanagerStatus` once the source turns out to be a relay.
 */
export class AlertmanagerLines {
  private readonly controller: OptionalResourceController<AlertmanagerView, void>;

  constructor(host: SourceHost) {
    // Subscribed only once an answer said "relay"; `readOnly` is a signal, so it follows.
    this.controller = new OptionalResourceController<AlertmanagerView, void>(host, alertmanagerResource, () => (host.source.readOnly.get() ? undefined : null));
  }

  /** Alertmanager's view, or undefined (not a relay, none configured, not read yet). */
  get view(): Extract<AlertmanagerView, { kind: 'ok' }> | undefined {
    const value = this.controller.resource?.value.get();
    return value?.kind === 'ok' ? value : undefined;
  }

  /** One line per Alertmanager alert of `rule` that is silenced or inhibited; nothing otherwise. */
  render(rule: AlertRule | undefined, lang: string, now: number): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view || !rule) return nothing;
    const lines = matchAlertmanager(rule, view.alerts).flatMap((held) => this.lines(held, view.silences, lang, now));
    return lines.length ? html`${lines}` : nothing;
  }

  private lines(held: AlertmanagerAlert, silences: readonly AlertmanagerSilence[], lang: string, now: number): TemplateResult[] {
    const module = held.labels.module;
    const out: TemplateResult[] = [];
    for (const id of held.silencedBy) {
      const s = silences.find((x) => x.id === id);
      const until = s?.endsAt ? s.endsAt.getTime() : null;
      let text = module ? t(lang, 'Silenced in Alertmanager (module {0})', module) : t(lang, 'Silenced in Alertmanager');
      if (s) {
        const by = s.createdBy || t(lang, 'someone');
        text = module ? t(lang, 'Silenced in Alertmanager (module {0}) by {1}', module, by) : t(lang, 'Silenced in Alertmanager by {0}', by);
        if (until !== null) text += ` ${t(lang, 'until {0}', until - now < 86_400_000 ? shortTime(lang, until) : formatDateTime(lang, until))}`;
        // Alertmanager's comment, as its author wrote it.
        if (s.comment) text += `: ${s.comment}`;
      }
      out.push(html`<span part="alertmanager" class="meta" data-state="silenced" data-silence=${id} title=${until !== null ? formatDateTime(lang, until) : ''}
        ><span aria-hidden="true">🔕 </span>${text}</span
      >`);
    }
    if (held.inhibitedBy.length > 0) {
      out.push(html`<span part="alertmanager" class="meta" data-state="inhibited"
        >${module
          ? t(lang, 'Inhibited in Alertmanager (module {0}): a related alert of higher priority is firing, so this one sends no notification.', module)
          : t(lang, 'Inhibited in Alertmanager: a related alert of higher priority is firing, so this one sends no notification.')}</span
      >`);
    }
    return out;
  }
}
