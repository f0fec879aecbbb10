// @ts-check
// Plain JavaScript so that the Node simulator (which plays the backend) and the browser
// client (which checks before sending) share one copy of the backend's URL rules
// (`is_valid_repo_url`, see pharos-api.md, Ingestion).

const MAX_LENGTH = 2048;
const FORBIDDEN_CHARS = [';', '&', '|', '`', '$', '(', ')', '{', '}', '<', '>'];
const FORBIDDEN_SCHEMES = ['file://', 'javascript:', 'data:'];
const ALLOWED_SCHEMES = ['http', 'https', 'git'];
const LABEL = '[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const DOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/**
 * @typedef {{ ok: true, url: string } | { ok: false, reason: string }} RepoUrlCheck
 */

/**
 * Checks a repository URL with the backend's rules for `POST /ingest/{repo_url}` and, when
 * it fails, says exactly why in a sentence a person can act on. Accepted:
 * `github.com/user/repo` (read as https, like the backend does) or a full http, https or
 * git URL.
 * @param {string} input the URL as typed
 * @returns {RepoUrlCheck}
 */
export function checkRepoUrl(input) {
  const url = input.trim();
  if (url === '') return { ok: false, reason: 'Enter a repository URL, e.g. github.com/user/repo.' };
  if (url.length > MAX_LENGTH) return { ok: false, reason: `The URL is ${url.length} characters long; the limit is ${MAX_LENGTH}.` };
  const scheme = FORBIDDEN_SCHEMES.find((s) => url.toLowerCase().includes(s));
  if (scheme) return { ok: false, reason: `${scheme.replace(/\/+$/, '')} URLs are not allowed; use an http, https or git URL.` };
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(url)) return { ok: false, reason: 'The URL contains a line break or another control character.' };
  const bad = FORBIDDEN_CHARS.find((c) => url.includes(c));
  if (bad) return { ok: false, reason: `The URL contains “${bad}”, which is not allowed (${FORBIDDEN_CHARS.join(' ')}).` };
  if (url.includes('..')) return { ok: false, reason: 'The URL contains “..”, which is not allowed.' };

  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/.exec(url);
  const given = match ? match[1].toLowerCase() : 'https';
  if (!ALLOWED_SCHEMES.includes(given)) return { ok: false, reason: `The scheme “${given}” is not accepted; use http, https or git.` };
  // The host ends at the first path, query or fragment delimiter; a port is ignored.
  const netloc = (match ? match[2] : url).split(/[/?#]/, 1)[0] ?? '';
  const domain = netloc.split(':', 1)[0] ?? '';
  if (!domain || !DOMAIN.test(domain)) {
    return { ok: false, reason: `“${netloc || url}” is not a valid domain; use a form like github.com/user/repo.` };
  }
  return { ok: true, url };
}
