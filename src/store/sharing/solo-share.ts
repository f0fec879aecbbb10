/**
 * The first step of "one poller per browser" (`cross-tab.ts`), small enough for every page
 * to carry: find the group, and lead it alone while no other page is there. The whole
 * protocol (`cross-tab.ts`, about 2 KB gzip) is loaded only when a second page of the group
 * shows up, so a page that is alone (most pages, and every page where a wiki embeds one
 * tag) never downloads it.
 *
 * A page starts alone. It asks for the group's lock without waiting:
 * - granted: no page leads, so it leads and polls. It keeps the lock and listens on the
 *   group's channel. The first message from another page (a new page says hello as it
 *   follows) loads the protocol, which takes over this page's lock and channel as the
 *   leader and then reads the messages that came meanwhile.
 * - taken: another page leads. This page loads the protocol and joins as usual; its
 *   resources wait (role `pending`) until it knows its part, so it never polls twice.
 */
import type { TokenSource } from '../../api/http.js';
import { groupName, type ShareRole, type Sharing, type SharingHost, type SoloHandover } from './sharing.js';

/**
 * A page's sharing while it is alone in its group (see the module's comment). The source
 * swaps it for the full protocol (`CrossTabShare`) once another page appears. @internal
 */
export class SoloShare implements Sharing {
  role: ShareRole = 'pending';
  private channel: BroadcastChannel | null = null;
  private releaseLock: () => void = () => {};
  private upgrading = false;
  private disposed = false;

  constructor(
    private readonly source: SharingHost,
    token: TokenSource,
    /** Puts the full protocol in this one's place. */
    private readonly replace: (next: Sharing) => void,
  ) {
    groupName(source.baseUrl, token, source.intervalMs).then(
      (name) => this.join(name),
      (error) => {
        console.warn('[pharos] could not set up sharing with other pages; this page polls alone.', error);
        this.alone();
      },
    );
  }

  private join(name: string): void {
    if (this.disposed) return;
    const heard: unknown[] = [];
    const channel = (this.channel = new BroadcastChannel(name));
    const held = new Promise<void>((resolve) => (this.releaseLock = resolve));
    const lock = navigator.locks.request(name, { ifAvailable: true }, (granted) => {
      if (this.disposed) return;
      if (!granted) {
        // Another page leads: join it with the whole protocol, from scratch.
        channel.close();
        this.upgrade(name);
        return;
      }
      this.setRole('leader');
      if (heard.length > 0) this.upgrade(name, handover);
      return held;
    });
    const handover: SoloHandover = { channel, lock, releaseLock: this.releaseLock, heard };
    // Another page is here: it speaks first (a new page says hello as it follows).
    channel.onmessage = (event: MessageEvent) => {
      heard.push(event.data);
      if (this.role === 'leader') this.upgrade(name, handover);
    };
    // Refused (a document going away) before any other page showed up: poll alone. Later
    // refusals belong to the protocol, which listens to `lock` itself.
    lock.catch((error) => {
      if (this.disposed || this.upgrading) return;
      console.warn('[pharos] the browser refused the polling lock; this page polls alone.', error);
      this.alone();
    });
  }

  /** Loads the whole protocol and puts it in this one's place, once. */
  private upgrade(name: string, handover?: SoloHandover): void {
    if (this.upgrading || this.disposed) return;
    this.upgrading = true;
    import('./cross-tab.js').then(
      ({ CrossTabShare }) => {
        if (this.disposed) return;
        this.disposed = true; // from now on the protocol owns the lock and the channel
        const share = new CrossTabShare(this.source);
        this.replace(share);
        share.start(name, handover);
      },
      (error) => {
        // The chunk could not be loaded (offline, moved files): this page polls alone.
        console.warn('[pharos] could not load the sharing with other pages; this page polls alone.', error);
        this.alone();
      },
    );
  }

  /** Polls alone, for good: no lock, no channel. */
  private alone(): void {
    this.dispose();
    this.setRole('leader');
  }

  private setRole(role: ShareRole): void {
    this.role = role;
    this.source.roleChanged();
  }

  pollsHere(): boolean {
    return false;
  }

  interestChanged(): void {}

  publish(): void {}

  requestRefresh(): Promise<void> {
    return Promise.resolve();
  }

  peersWantPolling(): boolean {
    return false;
  }

  visibilityChanged(): void {}

  announceAutoRefresh(): void {}

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.releaseLock();
    this.channel?.close();
    this.channel = null;
  }
}
