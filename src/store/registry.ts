import type { TokenProvider, TokenSource } from '../api/http.js';
import { PharosSource, type SourceOptions } from './source.js';

let pageDefault: PharosSource | undefined;
const byBaseUrl = new Map<string, PharosSource>();

/**
 * Sets the page-wide default source, used by elements that have neither a
 * `<pharos-source>` ancestor nor a `base-url` attribute. Replaces (and stops) any earlier one.
 *
 * @example
 * configure({ baseUrl: 'https://pharos.onrender.com', token: () => auth.currentToken() });
 */
export function configure(options: Partial<SourceOptions>): PharosSource {
  pageDefault?.dispose();
  pageDefault = new PharosSource({ baseUrl: '', ...options });
  return pageDefault;
}

/** The page default source (same origin, no token, until {@link configure} is called). */
export function defaultSource(): PharosSource {
  pageDefault ??= new PharosSource({ baseUrl: '' });
  return pageDefault;
}

/**
 * The shared source for elements that carry their own `base-url` (and `token`): every
 * element naming the same backend and token shares one source, and so one request per
 * endpoint per interval.
 */
export function sourceForUrl(baseUrl: string, token?: TokenSource): PharosSource {
  // The token distinguishes sources but is never stored in a readable key; providers are
  // told apart by identity, as two may hand out two users' tokens.
  const key = `${baseUrl}\u0000${typeof token === 'string' ? hash(token) : token ? `fn${providerId(token)}` : ''}`;
  let source = byBaseUrl.get(key);
  if (!source) {
    source = new PharosSource({ baseUrl, token });
    byBaseUrl.set(key, source);
  }
  return source;
}

const providerIds = new WeakMap<TokenProvider, number>();
let lastProviderId = 0;

/** A number for each token provider function, the same for as long as it lives. */
function providerId(provider: TokenProvider): number {
  let id = providerIds.get(provider);
  if (id === undefined) providerIds.set(provider, (id = ++lastProviderId));
  return id;
}

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
