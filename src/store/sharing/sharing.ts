/**
 * What the sharing with other pages (`SoloShare`, `CrossTabShare`) offers the source, and
 * what it needs of the source: two narrow interfaces, so the sharing never imports the
 * source and the source is the one place that wires the two together.
 */
import type { TokenSource } from '../../api/http.js';
import type { Clock } from '../clock.js';
import type { Resource, ResourceDefinition, ResourceSharing } from '../resource.js';

export type { ShareRole } from '../resource.js';

/** What a source asks of the sharing with other pages, beyond what its resources ask. @internal */
export interface Sharing extends ResourceSharing {
  /** True when another page of the group is visible or asks to poll while hidden. */
  peersWantPolling(): boolean;
  /** This page was hidden or shown. */
  visibilityChanged(): void;
  /** Tells every page that auto-refresh was switched here. */
  announceAutoRefresh(on: boolean): void;
  /** Leaves the group. */
  dispose(): void;
}

/** What the sharing needs of the source it shares (`PharosSource` implements it). @internal */
export interface SharingHost {
  /** The backend; with the token and interval it names the group. */
  readonly baseUrl: string;
  /** The source's poll interval. */
  readonly intervalMs: number;
  /** Timers and the time (tests inject one). */
  readonly clock: Clock;
  /** The per-request timeout, among other settings of the API client. */
  readonly config: { readonly timeoutMs?: number };
  /** Whether auto-refresh is on here. */
  readonly autoRefresh: boolean;
  /** Sets auto-refresh as another page switched it (no broadcast). */
  applyAutoRefresh(on: boolean): void;
  /** True when this page wants polling: visible, or asked to poll while hidden. */
  wantsPolling(): boolean;
  /** The resource for a definition and parameters, created on first use. */
  resource<T, P>(definition: ResourceDefinition<T, P>, ...params: P extends void ? [] : [P]): Resource<T, P>;
  /** Every resource created so far. */
  allResources(): Resource<any, any>[];
  /** Resources with at least one subscriber. */
  activeResources(): Resource<any, any>[];
  /** Reschedules every resource after a change of state. */
  resumeAll(): void;
  /** This page's role in its group changed. */
  roleChanged(): void;
}
/** What a page that led alone hands to the full protocol: its lock, its channel, what it heard. @internal */
export interface SoloHandover {
  channel: BroadcastChannel;
  /** The lock request; it rejects if the lock is stolen or refused later. */
  lock: Promise<unknown>;
  /** Gives the lock back. */
  releaseLock: () => void;
  /** Messages that arrived before the protocol was loaded, oldest first. */
  heard: unknown[];
}

/** Version of the message format; pages of other versions form other groups. */
const PROTOCOL = 'pharos-share/1';

/** True where pages can share: Web Locks, BroadcastChannel and SubtleCrypto (secure contexts). */
export function canShare(): boolean {
  return (
    typeof BroadcastChannel === 'function' &&
    typeof navigator !== 'undefined' &&
    typeof navigator.locks?.request === 'function' &&
    globalThis.isSecureContext === true &&
    typeof crypto?.subtle?.digest === 'function'
  );
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The name of the group (the lock's and the channel's) for a backend, token and interval.
 * Reveals the base URL, never the token.
 */
export async function groupName(baseUrl: string, token: TokenSource, intervalMs: number): Promise<string> {
  const value = typeof token === 'function' ? await token() : token;
  const url = new URL(baseUrl || globalThis.location.origin, globalThis.location.href).href.replace(/\/+$/, '');
  return `${PROTOCOL} ${url} ${intervalMs} ${await sha256Hex(value ?? '')}`;
}
