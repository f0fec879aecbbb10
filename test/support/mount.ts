import { fixture, html } from '@open-wc/testing';
import type { ReactiveElement, TemplateResult } from 'lit';
import type { PharosSourceElement } from '../../src/components/source/source.js';
import '../../src/components/source/source.js';

/**
 * Renders `content` inside a fresh `<pharos-source>` pointed at `baseUrl` (a simulator
 * instance), so each test has its own store. Returns the source element.
 */
export async function mountInSource(baseUrl: string, content: TemplateResult, interval = 30): Promise<PharosSourceElement> {
  const source = await fixture<PharosSourceElement>(html`<pharos-source base-url=${baseUrl} interval=${interval}>${content}</pharos-source>`);
  // Elements render their first frame in turns (src/ui/first-render-turns.ts): wait for it.
  await Promise.all([...source.querySelectorAll('*')].map((el) => (el as Partial<ReactiveElement>).updateComplete));
  return source;
}
