// @ts-check
// The backend's `is_valid_repo_url`, rule for rule (see pharos-api.md, Ingestion).

const MAX_LENGTH = 2048;
const FORBIDDEN = [
  /[;&|`$(){}]/, // shell metacharacters
  /\.\./, // path traversal
  /[<>]/, // redirection
  /[\x00-\x1f\x7f]/, // newlines and other control characters
  /file:\/\//i,
  /javascript:/i,
  /data:/i,
];
const ALLOWED_SCHEMES = ['http', 'https', 'git'];
const LABEL = '[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const DOMAIN = new RegExp(`^${LABEL}(\\.${LABEL})*$`);

/**
 * True when the backend would queue this repository URL (already percent-decoded, as
 * FastAPI hands it to the route), false when it answers 400 "Invalid repository URL format".
 * A URL without a scheme is read as https, like the backend does.
 * @param {string} repoUrl
 * @returns {boolean}
 */
export function isValidRepoUrl(repoUrl) {
  if (!repoUrl.trim() || repoUrl.length > MAX_LENGTH) return false;
  if (FORBIDDEN.some((pattern) => pattern.test(repoUrl))) return false;
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/.exec(repoUrl);
  const scheme = match ? match[1].toLowerCase() : 'https';
  if (!ALLOWED_SCHEMES.includes(scheme)) return false;
  const rest = match ? match[2] : repoUrl;
  // The netloc ends at the first path, query or fragment delimiter; a port is ignored.
  const netloc = rest.split(/[/?#]/, 1)[0];
  const domain = netloc.split(':', 1)[0];
  return netloc !== '' && DOMAIN.test(domain);
}
