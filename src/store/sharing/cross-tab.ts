/**
 * One poller per browser: the pages (tabs, windows, iframes) of one browser profile that
 * show the same backend with the same credentials and interval form a group. One page of
 * the group leads, elected with the Web Locks API; it polls every resource any page of the
 * group shows and broadcasts each answer over a BroadcastChannel; the others render those.
 * See the README section "One poller per browser" for the whole design.
 *
 * The token never travels: the group's name is the base URL plus the SHA-256 digest of the
 * token (and the interval), so pages with other credentials land in other groups.
 *
 * A page alone in its group never loads this module: `SoloShare` (`solo-share.ts`) leads
 * alone and loads it when a second page appears.
 *
 * The messages and their flattening live in `messages.ts`. The class stays one file (over
 * 400 lines): a page changes role during its life (pending, follower, leader and back), and
 * both roles read and write the same peer table, beat timer and waiting refreshes, so the
 * role checks sit where each message is handled.
 */
import type { Sample } from '../history.js';
import { sharedDefinition, type Resource, type ResourceAnswer } from '../resource.js';
import { toAnswer, toErrorData, type AnswerData, type Message, type ResourceRef, type ResourceState } from './messages.js';
import type { ShareRole, Sharing, SharingHost, SoloHandover } from './sharing.js';

/** How often the leader says it is alive, and followers say what they show (at most). */
const MAX_BEAT_MS = 5_000;
/** Beats missed before a follower takes over from a silent (frozen) leader. */
const MISSED_BEATS = 3;

interface Peer {
  wants: boolean;
  keys: Set<string>;
  seenAt: number;
}

/** False once this page's document has lost its window (its iframe was removed). */
const documentIsActive = () => typeof document === 'undefined' || document.defaultView !== null;

/**
 * The sharing of one source (`PharosSource`) with the other pages of its group. Loaded and
 * created by `SoloShare` (`solo-share.ts`) once a second page of the group is there; the
 * source's resources then ask it what to do.
 */
export class CrossTabShare implements Sharing {
  /** This page's part in the group. */
  role: ShareRole = 'pending';
  /** Identifies this page in messages (random; not the token, not the URL). */
  readonly id = crypto.randomUUID();

  private channel: BroadcastChannel | null = null;
  private releaseLock: () => void = () => {};
  private queued: AbortController | null = null;
  private readonly peers = new Map<string, Peer>();
  /** Subscriptions this page holds for other pages, while it leads. */
  private readonly forPeers = new Map<string, () => void>();
  private readonly waitingRefresh = new Map<string, (() => void)[]>();
  /** Resources this following page polls itself: the leader's code has no definition for them. */
  private readonly ownPolls = new Set<string>();
  private beatTimer: unknown = undefined;
  private leaderSeenAt = 0;
  private interestQueued = false;
  private disposed = false;

  constructor(private readonly source: SharingHost) {}

  /**
   * Joins the group `name` (`groupName()`), or goes on leading it with the lock and channel
   * of the page that led alone until now. Called once this object is the source's `sharing`.
   */
  start(name: string, handover?: SoloHandover): void {
    if (handover) this.adopt(name, handover);
    else this.join(name);
  }

  private get beatMs(): number {
    return Math.min(MAX_BEAT_MS, Math.max(250, this.source.intervalMs / 4));
  }

  /** Goes on leading with the lock and channel of the page that led alone, and reads what it heard. */
  private adopt(name: string, handover: SoloHandover): void {
    this.channel = handover.channel;
    this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    this.releaseLock = handover.releaseLock;
    handover.lock.catch((error) => this.lost(name, error));
    this.lead();
    for (const message of handover.heard) this.receive(message as Message);
  }

  private join(name: string): void {
    this.channel = new BroadcastChannel(name);
    this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    const held = new Promise<void>((resolve) => (this.releaseLock = resolve));
    navigator.locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (!lock) {
          this.follow();
          this.queue(name, held);
          return;
        }
        this.lead();
        return held;
      })
      .catch((error) => this.lost(name, error));
  }

  /** Waits in the lock's queue: granted when the leader closes, crashes, or is stolen from. */
  private queue(name: string, held: Promise<void>, steal = false): void {
    this.queued?.abort();
    const queued = new AbortController();
    this.queued = steal ? null : queued;
    const options: LockOptions = steal ? { steal: true } : { signal: queued.signal };
    navigator.locks
      .request(name, options, () => {
        if (this.disposed) return;
        this.lead();
        return held;
      })
      .catch((error) => {
        if (queued.signal.aborted) return;
        this.lost(name, error);
      });
  }

  /** The lock was stolen (this page froze and another took over) or refused: follow, and queue again. */
  private lost(name: string, error: unknown): void {
    if (this.disposed) return;
    // A document that is going away (a removed iframe, a closing tab) is refused every lock
    // at once (WebKit: InvalidStateError): asking again would loop without end and freeze
    // the page that removed the frame. Such a page polls alone, if it still runs at all.
    if (!documentIsActive() || (error as DOMException)?.name === 'InvalidStateError') {
      if (documentIsActive()) console.warn('[pharos] the browser refused the polling lock; this page polls alone.', error);
      this.dispose();
      this.setRole('leader', false);
      return;
    }
    if ((error as DOMException)?.name !== 'AbortError') console.warn('[pharos] lost the polling lock', error);
    this.follow();
    this.releaseLock();
    const held = new Promise<void>((resolve) => (this.releaseLock = resolve));
    this.queue(name, held);
  }

  private lead(): void {
    if (this.disposed || this.role === 'leader') return;
    this.setRole('leader');
    this.post({ t: 'leader', from: this.id });
  }

  private follow(): void {
    if (this.disposed) return;
    for (const stop of this.forPeers.values()) stop();
    this.forPeers.clear();
    this.peers.clear();
    this.leaderSeenAt = this.source.clock.now();
    const wasPending = this.role === 'pending';
    this.setRole('follower');
    if (wasPending) this.post({ t: 'hello', from: this.id });
    this.sendInterest();
  }

  private setRole(role: ShareRole, beat = true): void {
    this.role = role;
    this.source.roleChanged();
    this.stopBeat();
    if (beat && role !== 'pending') this.beat();
  }

  /** The leader's heartbeat; a follower's keep-alive and watch over the leader. */
  private beat(): void {
    if (this.disposed) return;
    const now = this.source.clock.now();
    if (this.role === 'leader') {
      this.post({ t: 'beat', from: this.id });
      let changed = false;
      for (const [id, peer] of this.peers) {
        if (now - peer.seenAt > this.beatMs * MISSED_BEATS) {
          this.peers.delete(id);
          changed = true;
        }
      }
      if (changed) this.peersChanged();
    } else if (this.role === 'follower') {
      this.sendInterest();
      if (now - this.leaderSeenAt > this.beatMs * MISSED_BEATS && this.channel) {
        // The leader holds the lock but says nothing: frozen. Take the lock from it.
        this.releaseLock();
        const held = new Promise<void>((resolve) => (this.releaseLock = resolve));
        this.queue(this.channel.name, held, true);
        this.leaderSeenAt = now;
      }
    }
    this.beatTimer = this.source.clock.setTimeout(() => this.beat(), this.beatMs);
  }

  private stopBeat(): void {
    if (this.beatTimer !== undefined) this.source.clock.clearTimeout(this.beatTimer);
    this.beatTimer = undefined;
  }

  private post(message: Message): void {
    if (!this.channel || this.disposed) return;
    try {
      this.channel.postMessage(message);
    } catch (error) {
      console.warn('[pharos] could not share an update with other pages', error);
    }
  }

  private receive(message: Message): void {
    if (this.disposed || message.from === this.id) return;
    const now = this.source.clock.now();
    const peer = this.peers.get(message.from);
    if (peer) peer.seenAt = now;
    switch (message.t) {
      case 'beat':
      case 'leader':
        if (this.role === 'follower') {
          this.leaderSeenAt = now;
          // Auto-refresh travels in `auto` messages and snapshots only: a beat sent before a
          // switch in this page arrived there would switch it back.
          if (message.t === 'leader') this.sendInterest();
        } else if (this.role === 'leader' && message.t === 'leader') {
          // Two leaders (the other stole the lock while this page was frozen): let it lead.
          if (this.channel) this.lost(this.channel.name, new DOMException('stolen', 'AbortError'));
        }
        return;
      case 'result':
        if (this.role !== 'leader') {
          this.leaderSeenAt = now;
          this.applyState(message.state);
        }
        return;
      case 'snapshot':
        if (message.to !== this.id) return;
        this.leaderSeenAt = now;
        this.source.applyAutoRefresh(message.auto);
        for (const state of message.resources) this.applyState(state);
        return;
      case 'auto':
        this.source.applyAutoRefresh(message.on);
        return;
      case 'hello':
        if (this.role === 'leader') this.post({ t: 'snapshot', from: this.id, to: message.from, auto: this.source.autoRefresh, resources: this.snapshot() });
        return;
      case 'interest':
      {
        if (this.role !== 'leader') return;
        const known = this.peers.get(message.from)?.keys ?? new Set<string>();
        this.peers.set(message.from, { wants: message.wants, keys: new Set(message.resources.map((r) => r.key)), seenAt: now });
        const fresh = message.resources.filter((ref) => !known.has(ref.key));
        const added = fresh.filter((ref) => this.ensure(ref)).map((ref) => ref.key);
        // A page built from other modules (one tag, tree-shaken) may show what this page's
        // code cannot fetch: that page polls those itself.
        const unknown = fresh.filter((ref) => !added.includes(ref.key)).map((ref) => ref.key);
        if (unknown.length > 0) this.post({ t: 'unknown', from: this.id, to: message.from, keys: unknown });
        // What the page newly shows and this one has already: send it now, no request needed.
        const states = this.snapshot(new Set(added));
        if (states.length > 0) this.post({ t: 'snapshot', from: this.id, to: message.from, auto: this.source.autoRefresh, resources: states });
        this.peersChanged();
        // A visible page joined a hidden leader: hand it the lock, as when the leader hides.
        this.visibilityChanged();
        return;
      }
      case 'unknown':
        if (message.to !== this.id || this.role !== 'follower') return;
        for (const key of message.keys) this.ownPolls.add(key);
        this.source.roleChanged();
        return;
      case 'refresh':
        if (this.role !== 'leader') return;
        // Created if need be: the refresh may come before the page's interest.
        for (const ref of message.resources) void this.ensure(ref)?.refresh();
        return;
      case 'bye':
        if (this.peers.delete(message.from)) this.peersChanged();
        return;
    }
  }

  /** Creates (when needed) a resource another page shows, so this leading page polls it. */
  private ensure(ref: ResourceRef): Resource<any, any> | undefined {
    const definition = sharedDefinition(ref.name);
    if (!definition) return undefined;
    const resource = (this.source.resource as (d: typeof definition, p: unknown) => Resource<any, any>).call(this.source, definition, ref.params ?? undefined);
    return resource.key === ref.key ? resource : undefined;
  }

  /** Keeps one subscription per resource that some other page shows; polling follows their visibility. */
  private peersChanged(): void {
    const wanted = new Set<string>();
    for (const peer of this.peers.values()) for (const key of peer.keys) wanted.add(key);
    for (const [key, stop] of this.forPeers) {
      if (!wanted.has(key)) {
        stop();
        this.forPeers.delete(key);
      }
    }
    this.source.resumeAll();
    for (const resource of this.source.allResources()) {
      if (wanted.has(resource.key) && !this.forPeers.has(resource.key)) {
        this.forPeers.set(resource.key, resource.subscribe());
        // Another page waits for it: fetch now rather than on the next timer.
        resource.start();
      }
    }
  }

  /** True when this following page polls `key` itself, because the leader cannot. */
  pollsHere(key: string): boolean {
    return this.ownPolls.has(key);
  }

  /** True when another page of the group is visible or asks to poll while hidden. */
  peersWantPolling(): boolean {
    if (this.role !== 'leader') return false;
    for (const peer of this.peers.values()) if (peer.wants) return true;
    return false;
  }

  /**
   * This page was hidden or shown. A hidden leader hands the lock on while another page is
   * visible: browsers throttle a hidden page's timers (to once a minute after a while).
   */
  visibilityChanged(): void {
    if (this.role === 'leader' && !this.source.wantsPolling() && this.peersWantPolling() && this.channel) {
      this.lost(this.channel.name, new DOMException('hidden', 'AbortError'));
    } else this.interestChanged();
  }

  /** The resources this page shows (or polling wish) changed: tell the leader, once per task. */
  interestChanged(): void {
    if (this.role !== 'follower' || this.interestQueued) return;
    this.interestQueued = true;
    queueMicrotask(() => {
      this.interestQueued = false;
      this.sendInterest();
    });
  }

  private sendInterest(): void {
    if (this.role !== 'follower') return;
    const resources = this.source
      .activeResources()
      .filter((r) => r.definition.shared && !this.forPeers.has(r.key) && !this.ownPolls.has(r.key))
      .map((r) => ({ key: r.key, name: r.definition.name, params: r.params }));
    this.post({ t: 'interest', from: this.id, wants: this.source.wantsPolling(), resources });
  }

  /** Asks the leader to fetch `resource` now; resolves when its answer arrives (or after the timeout). */
  requestRefresh(resource: Resource<any, any>): Promise<void> {
    return new Promise((resolve) => {
      const clock = this.source.clock;
      let list = this.waitingRefresh.get(resource.key);
      if (!list) this.waitingRefresh.set(resource.key, (list = []));
      const timer = clock.setTimeout(done, (this.source.config.timeoutMs ?? 10_000) + this.beatMs);
      list.push(done);
      this.post({ t: 'refresh', from: this.id, resources: [this.ref(resource)] });
      function done() {
        clock.clearTimeout(timer);
        resolve();
      }
    });
  }

  /** Broadcasts an answer this (leading) page fetched. */
  publish(resource: Resource<any, any>, answer: ResourceAnswer<unknown>, row: readonly [number, Sample]): void {
    if (this.role !== 'leader') return;
    this.post({ t: 'result', from: this.id, state: { ...this.ref(resource), answer: this.answerData(resource, answer), row } });
  }

  /** Tells every page that auto-refresh was switched here. */
  announceAutoRefresh(on: boolean): void {
    this.post({ t: 'auto', from: this.id, on });
  }

  private ref(resource: Resource<any, any>): ResourceRef {
    return { key: resource.key, name: resource.definition.name, params: resource.params };
  }

  private answerData(resource: Resource<any, any>, answer: ResourceAnswer<unknown>): AnswerData {
    return { ...answer, failures: resource.failures.get(), error: answer.error === null ? null : toErrorData(answer.error) };
  }

  /** The current state and history of the resources this page has data for (only `keys`, when given). */
  private snapshot(keys?: Set<string>): ResourceState[] {
    const states: ResourceState[] = [];
    for (const r of this.source.allResources()) {
      const fetchedAt = r.fetchedAt.get();
      if (!r.definition.shared || fetchedAt === null || (keys && !keys.has(r.key))) continue;
      const error = r.error.get();
      const answer: ResourceAnswer<unknown> =
        error === null
          ? { value: r.value.get(), error: null, fetchedAt, latencyMs: r.latencyMs.get() ?? NaN, latencyMethod: r.latencyMethod.get() ?? 'page' }
          : { error, fetchedAt, latencyMs: r.latencyMs.get() ?? NaN, latencyMethod: r.latencyMethod.get() ?? 'page' };
      states.push({ ...this.ref(r), answer: { ...this.answerData(r, answer), value: r.value.get() }, history: r.history.window() });
    }
    return states;
  }

  private applyState(state: ResourceState): void {
    const resource = this.source.allResources().find((r) => r.key === state.key);
    if (!resource) return;
    if (state.history) {
      // A page opened later: the leader's history, newer than what this page restored.
      const last = resource.history.lastTime ?? -Infinity;
      const { times, columns } = state.history;
      const rows: [number, Sample][] = [];
      for (let i = 0; i < times.length; i++) {
        if (times[i]! <= last) continue;
        const sample: Sample = {};
        for (const [name, col] of Object.entries(columns)) sample[name] = col[i];
        rows.push([times[i]!, sample]);
      }
      const newest = rows.pop();
      resource.history.appendMany(rows);
      const answer = toAnswer(state.answer);
      if (answer.error === null && state.answer.value === undefined) return;
      resource.applyShared(answer, newest ?? null);
      // Keep the last good value through a failing snapshot.
      if (answer.error !== null && state.answer.value !== undefined) resource.value.set(state.answer.value);
    } else if (state.row) {
      resource.applyShared(toAnswer(state.answer), state.row);
    }
    const waiting = this.waitingRefresh.get(state.key);
    this.waitingRefresh.delete(state.key);
    for (const done of waiting ?? []) done();
  }

  /** Leaves the group: releases the lock (another page takes over at once) and says goodbye. */
  dispose(): void {
    if (this.disposed) return;
    this.post({ t: 'bye', from: this.id });
    this.disposed = true;
    this.stopBeat();
    for (const stop of this.forPeers.values()) stop();
    this.forPeers.clear();
    this.queued?.abort();
    this.releaseLock();
    this.channel?.close();
    this.channel = null;
    for (const list of this.waitingRefresh.values()) for (const done of list) done();
    this.waitingRefresh.clear();
  }
}
