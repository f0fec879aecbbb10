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
 * Why a URL is refused: the English `reason`, and the same as `words` (its English text with
 * `{0}`s, then the values) for a page to say it in its own language.
 * @typedef {{ ok: true, url: string } | { ok: false, reason: string, words: [string, ...string[]] }} RepoUrlCheck
 */

/** Marks an English text to translate (as src/util/translatable.ts does; this file is plain JS for Node). @param {string} text */
const translatable = (text) => text;

/**
 * @param {string} text English, with `{0}`, `{1}`… for `values`
 * @param {string[]} values
 * @returns {RepoUrlCheck}
 */
const refuse = (text, ...values) => ({ ok: false, reason: text.replace(/\{(\d)\}/g, (_, i) => values[+i] ?? ''), words: [text, ...values] });

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
  if (url === '') return refuse(translatable('Enter a repository URL, e.g. github.com/user/repo.'));
  if (url.length > MAX_LENGTH) return refuse(translatable('The URL is {0} characters long; the limit is {1}.'), String(url.length), String(MAX_LENGTH));
  const scheme = FORBIDDEN_SCHEMES.find((s) => url.toLowerCase().includes(s));
  if (scheme) return refuse(translatable('{0} URLs are not allowed; use an http, https or git URL.'), scheme.replace(/\/+$/, ''));
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(url)) return refuse(translatable('The URL contains a line break or another control character.'));
  const bad = FORBIDDEN_CHARS.find((c) => url.includes(c));
  if (bad) return refuse(translatable('The URL contains “{0}”, which is not allowed ({1}).'), bad, FORBIDDEN_CHARS.join(' '));
  if (url.includes('..')) return refuse(translatable('The URL contains “{0}”, which is not allowed.'), '..');

  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/.exec(url);
  const given = match ? match[1].toLowerCase() : 'https';
  if (!ALLOWED_SCHEMES.includes(given)) return refuse(translatable('The scheme “{0}” is not accepted; use http, https or git.'), given);
  // The host ends at the first path, query or fragment delimiter; a port is ignored.
  const netloc = (match ? match[2] : url).split(/[/?#]/, 1)[0] ?? '';
  const domain = netloc.split(':', 1)[0] ?? '';
  if (!domain || !DOMAIN.test(domain)) {
    return refuse(translatable('“{0}” is not a valid domain; use a form like github.com/user/repo.'), netloc || url);
  }
  return { ok: true, url };
}
