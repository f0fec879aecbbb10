import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { AlertRule } from '../../alerts/types.js';
import type { SourceHost } from '../../store/lit/source-host.js';
import type { AlertmanagerLines } from './alertmanager-lines.js';

/**
 * The Alertmanager lines of `<pharos-alerts>` (see `alertmanager-lines.ts`), whose code is
 * loaded only once the source turns out to be a relay: a page talking to the backend
 * directly, which can have no Alertmanager, carries none of it.
 */
export class AlertmanagerStatus implements ReactiveController {
  private lines: AlertmanagerLines | null = null;
  private loading = false;

  constructor(private readonly host: SourceHost) {
    host.addController(this);
  }

  /** Starts loading once an answer said "relay" (`readOnly` is a signal, so this re-runs when it changes). */
  hostUpdate(): void {
    if (this.loading || !this.host.source.readOnly.get()) return;
    this.loading = true;
    import('./alertmanager-lines.js').then(
      ({ AlertmanagerLines }) => {
        this.lines = new AlertmanagerLines(this.host);
        this.host.requestUpdate();
      },
      // The alerts themselves do not depend on it: without the code, no Alertmanager lines.
      (cause: unknown) => console.warn('<pharos-alerts>: the Alertmanager view could not be loaded', cause),
    );
  }

  /** One line per Alertmanager alert of `rule` that is silenced or inhibited; nothing otherwise. */
  render(rule: AlertRule | undefined, lang: string, now: number): TemplateResult | typeof nothing {
    return this.lines?.render(rule, lang, now) ?? nothing;
  }
}
