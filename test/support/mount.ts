import { fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { PharosSourceElement } from '../../src/components/source/source.js';
import '../../src/components/source/source.js';

/**
 * Renders `content` inside a fresh `<pharos-source>` pointed at `baseUrl` (a simulator
 * instance), so each test has its own store. Returns the source element.
 */
export async function mountInSource(baseUrl: string, content: TemplateResult, interval = 30): Promise<PharosSourceElement> {
  return fixture<PharosSourceElement>(html`<pharos-source base-url=${baseUrl} interval=${interval}>${content}</pharos-source>`);
}
