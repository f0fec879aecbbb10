/**
 * Connections the page's Content-Security-Policy refused. A request the policy blocks fails
 * exactly like an unreachable server; only the page's violation report tells the two apart,
 * and the fix is then the page's (its `connect-src`), not the backend's.
 */
import { translatable } from '../util/translatable.js';
import type { Sentence, SentenceValue } from './errors.js';

/** The origins refused so far; null until {@link hearConnectRefusals}. */
let refused: Set<string> | null = null;
const originOf = (url: string) => new URL(url, location.href).origin;

/** Starts hearing the page's `connect-src` refusals: once per page, before its first request. */
export function hearConnectRefusals(): void {
  if (refused || !globalThis.document) return;
  const origins = (refused = new Set());
  document.addEventListener('securitypolicyviolation', (e) => {
    if (e.effectiveDirective === 'connect-src') origins.add(originOf(e.blockedURI));
  });
}

/**
 * The origin of `url` if the page's policy refused a connection to it, asked once a request
 * failed: the report is queued as a task of its own, so this waits one task for it.
 */
export async function refusedOrigin(url: string): Promise<string | null> {
  if (!refused) return null;
  await new Promise((resolve) => setTimeout(resolve, 0));
  const origin = refused.size ? originOf(url) : '';
  return refused.has(origin) ? origin : null;
}

/** What to tell a person whose page's policy refused `request` (the request for …) to `origin`. */
export const refusedText = (request: SentenceValue, origin: string): Sentence => [
  translatable('This page’s Content-Security-Policy blocked {0}: ask the page’s owner to add {1} to its connect-src.'),
  request,
  origin,
];
