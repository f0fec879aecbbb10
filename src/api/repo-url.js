// @ts-check
// Plain JavaScript so that the Node simulator (which plays the backend) and the browser
// client (which checks before sending) share one copy of the backend's URL rules.

const FORBIDDEN = [';', '&', '|', '`', '$', '(', ')', '{', '}', '<', '>'];
const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?$/i;
const MAX_LENGTH = 2048;

/**
 * @typedef {{ ok: true, url: string } | { ok: false, reason: string }} RepoUrlCheck
 */

/**
 * Checks a repository URL with the same rules as the backend's `POST /ingest/{repo_url}`
 * and, when it fails, says exactly why in a sentence a person can act on.
 * Accepted: `github.com/user/repo`, or a full `http`, `https` or `git` URL.
 * @param {string} input the URL as typed
 * @returns {RepoUrlCheck}
 */
export function checkRepoUrl(input) {
  const url = input.trim();
  if (url === '') return { ok: false, reason: 'Enter a repository URL, e.g. github.com/user/repo.' };
  if (url.length > MAX_LENGTH) return { ok: false, reason: `The URL is ${url.length} characters long; the limit is ${MAX_LENGTH}.` };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(url)) return { ok: false, reason: 'The URL contains a line break or another control character.' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && ['file', 'javascript', 'data'].includes(scheme)) {
    return { ok: false, reason: `${scheme}: URLs are not allowed; use an http, https or git URL.` };
  }
  const bad = FORBIDDEN.find((c) => url.includes(c));
  if (bad) return { ok: false, reason: `The URL contains “${bad}”, which is not allowed (${FORBIDDEN.join(' ')}).` };
  if (url.includes('..')) return { ok: false, reason: 'The URL contains “..”, which is not allowed.' };

  let rest = url;
  if (scheme && url.slice(scheme.length + 1).startsWith('//')) {
    if (!['http', 'https', 'git'].includes(scheme)) {
      return { ok: false, reason: `The scheme “${scheme}” is not accepted; use http, https or git.` };
    }
    rest = url.slice(scheme.length + 3);
  }
  const host = rest.split('/')[0] ?? '';
  if (!DOMAIN.test(host)) {
    return { ok: false, reason: `“${host || rest}” is not a valid domain; use a form like github.com/user/repo.` };
  }
  return { ok: true, url };
}
