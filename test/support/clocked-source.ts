import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { PharosSourceElement } from '../../src/components/source/source.js';
import '../../src/components/source/source.js';
import { PharosSource, type SourceOptions } from '../../src/store/source.js';
import { ManualClock, ManualVisibility } from './manual-clock.js';

/** A `<pharos-source>` whose store runs on a {@link ManualClock}, and the requests it made. */
export interface ClockedSource {
  /** The `<pharos-source>` element. */
  el: PharosSourceElement;
  /** Its store, on {@link ClockedSource.clock}. */
  source: PharosSource;
  clock: ManualClock;
  visibility: ManualVisibility;
  /**
   * Every request the store made, as the path below the base URL (`/api/monitoring/health`),
   * counted when `fetch` is called: a poll that starts is counted at once, with no wait for
   * the network or the server.
   */
  fetched: string[];
}

/**
 * Renders `content` inside a `<pharos-source>` whose store runs on a manual clock, so time
 * moves only when the test says (`clock.advance(ms)`): a test that expects no request can
 * move past several intervals and look, instead of sleeping. One poller per page (`share`
 * off) and polls exactly one interval after each answer (`spreadPolls` off), unless
 * `options` say otherwise. Requests are real, to `baseUrl` (a simulator instance).
 */
export async function mountOnClock(baseUrl: string, content: TemplateResult, options: Partial<SourceOptions> = {}): Promise<ClockedSource> {
  const clock = new ManualClock();
  const visibility = new ManualVisibility();
  const fetched: string[] = [];
  const counting: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    fetched.push(new URL(url, location.href).href.slice(new URL(baseUrl, location.href).href.length).split('?')[0]!);
    return fetch(input, init);
  };
  const source = new PharosSource({ baseUrl, clock, visibility, share: false, spreadPolls: false, fetch: counting, ...options });
  // A property binding is set before the element connects, so it never makes a source of its own.
  const el = await fixture<PharosSourceElement>(html`<pharos-source .source=${source}>${content}</pharos-source>`);
  return { el, source, clock, visibility, fetched };
}
