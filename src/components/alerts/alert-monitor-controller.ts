import type { ReactiveController } from 'lit';
import type { AlertMonitor } from '../../alerts/monitor.js';
import type { Alert } from '../../alerts/types.js';
import { langOf } from '../../util/format.js';
import { alertMonitorFor } from '../../alerts/registry.js';
import type { SourceHost } from '../../store/lit/controllers.js';
import type { PharosSource } from '../../store/source.js';

/** A host element that hears about newly firing alerts. */
export interface AlertHost extends SourceHost, HTMLElement {
  /** Called (in a microtask after a result lands) for each newly firing alert. */
  alertFired(alert: Alert, monitor: AlertMonitor): void;
}

/**
 * Connects its host to the alert monitor of the host's source while connected, following a
 * change of source, and passes newly firing alerts to the host.
 */
export class AlertMonitorController implements ReactiveController {
  private source?: PharosSource;
  private current?: AlertMonitor;
  private release?: () => void;

  constructor(private readonly host: AlertHost) {
    host.addController(this);
  }

  /** The monitor of the host's current source. */
  get monitor(): AlertMonitor {
    return this.current ?? alertMonitorFor(this.host.source);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdate(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.release?.();
    this.release = undefined;
    this.source = undefined;
    this.current = undefined;
  }

  private sync(): void {
    // A disconnected host still updates when a signal it read changes (as its source is
    // disposed, say): connecting then would restart the monitor on a source that is gone.
    if (!this.host.isConnected) return;
    const source = this.host.source;
    if (source !== this.source || !this.release) {
      this.release?.();
      this.source = source;
      const monitor = alertMonitorFor(source);
      this.current = monitor;
      const stopListening = monitor.engine.onFire((alert) => this.host.alertFired(alert, monitor));
      const disconnect = monitor.connect(this.host);
      this.release = () => {
        stopListening();
        disconnect();
      };
    }
    this.current!.engine.lang = langOf(this.host);
  }
}
