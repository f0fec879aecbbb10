/**
 * One voice per browser: tabs (and same-origin frames) showing the same backend tell each
 * other when they saved alert state, and agree on which of them speaks (beeps, notifies,
 * announces) for a new alert. Built on `BroadcastChannel`, with the `storage` event as the
 * fallback; the speaker is chosen under a Web Lock, or first-writer-wins in `localStorage`
 * where locks are missing. Either way the behaviour is the same.
 *
 * Names come from the per-backend storage key (`pharos-alerts:v1:<base URL>`): never a token.
 */
import type { AlertStorage } from './persistence.js';

/** How tabs hear about each other ({@link CrossTabOptions.channel}). */
export type CrossTabChannel = 'broadcast' | 'storage';

/** How {@link CrossTab} is set up. */
export interface CrossTabOptions {
  /** `broadcast` (default where available) or `storage` (the `storage` event). */
  channel?: CrossTabChannel;
  /** Decide the speaker under `navigator.locks` when available (default true); false: first writer wins in storage. */
  locks?: boolean;
}

/** Voice claims older than this are forgotten (the alert is long over). */
const CLAIM_TTL_MS = 86_400_000;
const CLAIM_LIMIT = 200;

/**
 * The link between tabs of one backend's alerts.
 *
 * @example
 * const tabs = new CrossTab(alertStorageKey(baseUrl), localStorage);
 * tabs.listen(() => reloadFromStorage());
 * tabs.changed(); // after saving
 * if (await tabs.claim(alert.id, Date.now())) beep();
 */
export class CrossTab {
  /** The transport in use. */
  readonly channel: CrossTabChannel | null;
  private readonly bc: BroadcastChannel | null = null;
  private readonly useLocks: boolean;
  private listeners = new Set<() => void>();
  private onStorage?: (event: StorageEvent) => void;

  constructor(
    /** The storage key of the backend's alerts (also the channel's name). */
    readonly key: string,
    private readonly storage: AlertStorage | null,
    options: CrossTabOptions = {},
  ) {
    const canBroadcast = typeof BroadcastChannel === 'function';
    const wanted = options.channel ?? (canBroadcast ? 'broadcast' : 'storage');
    if (wanted === 'broadcast' && canBroadcast) {
      this.channel = 'broadcast';
      this.bc = new BroadcastChannel(key);
      this.bc.onmessage = (event: MessageEvent) => {
        if ((event.data as { type?: unknown } | null)?.type === 'changed') this.notify();
      };
    } else if (typeof addEventListener === 'function' && storage) {
      this.channel = 'storage';
      // The browser fires `storage` in every other document of the origin when a key changes.
      this.onStorage = (event) => {
        if (event.key === key) this.notify();
      };
      addEventListener('storage', this.onStorage);
    } else {
      this.channel = null;
    }
    this.useLocks = options.locks !== false && typeof navigator !== 'undefined' && typeof navigator.locks?.request === 'function';
  }

  /** Calls `listener` when another tab saved this backend's alert state. Returns the unsubscribe. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells the other tabs that this one saved (the storage fallback needs no message: the save is it). */
  changed(): void {
    this.bc?.postMessage({ type: 'changed' });
  }

  /**
   * True for exactly one tab per alert id: the first to ask. Under a Web Lock the read and
   * write of the claim are one step across tabs; without, the first writer wins.
   */
  async claim(alertId: string, at: number): Promise<boolean> {
    if (!this.storage) return true;
    if (!this.useLocks) return this.claimNow(alertId, at);
    try {
      return await navigator.locks.request(`${this.key}:voice`, () => this.claimNow(alertId, at));
    } catch {
      return this.claimNow(alertId, at);
    }
  }

  /** Stops listening and closes the channel. */
  close(): void {
    this.bc?.close();
    if (this.onStorage) removeEventListener('storage', this.onStorage);
    this.listeners.clear();
  }

  private claimNow(alertId: string, at: number): boolean {
    const key = `${this.key}:voice`;
    let claims: Record<string, number> = {};
    try {
      const parsed: unknown = JSON.parse(this.storage!.getItem(key) ?? '{}');
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) claims = parsed as Record<string, number>;
    } catch {
      // A corrupt record is as good as none.
    }
    if (typeof claims[alertId] === 'number') return false;
    const kept = Object.entries(claims)
      .filter(([, t]) => typeof t === 'number' && t > at - CLAIM_TTL_MS)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CLAIM_LIMIT - 1);
    try {
      this.storage!.setItem(key, JSON.stringify(Object.fromEntries([[alertId, at], ...kept])));
    } catch {
      // Storage full or blocked: speak rather than stay silent.
    }
    return true;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
