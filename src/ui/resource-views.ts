import { html, nothing, type TemplateResult } from 'lit';
import type { ErrorKind, PharosError, Sentence, SentenceValue } from '../api/errors.js';
import { t, translatable } from '../i18n/translate.js';
import type { Resource } from '../store/resource.js';
import { formatAgo, formatSeconds, formatTime } from '../util/format.js';

/** Short headline per error kind (English: pass it to `t`); {@link describeError} gives the detail and what to check. */
export const ERROR_TITLES: Readonly<Record<ErrorKind, string>> = {
  network: translatable('Cannot reach the backend.'),
  timeout: translatable('The backend is too slow to answer.'),
  auth: translatable('Not authorised.'),
  'rate-limited': translatable('Rate limited by the backend.'),
  unavailable: translatable('Service unavailable.'),
  http: translatable('The backend returned an error.'),
  'invalid-response': translatable('Unexpected answer from the backend.'),
  backend: translatable('The backend reported a problem.'),
  'read-only': translatable('Read-only view.'),
};

/** Words of the API client (a {@link Sentence} or one of its values) in `lang`: text as it is, sentences translated, seconds as a duration. */
export const inLanguage = (lang: string, v: SentenceValue): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? formatSeconds(lang, v) : t(lang, v[0], ...v.slice(1).map((w) => inLanguage(lang, w)));

/** What went wrong and what to check, in `lang`: the error's description, or its message when it has none. */
export const describeError = (lang: string, error: PharosError): string => (error.description ? inLanguage(lang, error.description) : error.message);

/** What the views need from the element. */
export interface ViewContext {
  lang: string;
  /** Current time (the source's ticking `now`). */
  now: number;
}

/** "Updated 12 sec. ago", "Loading…", with the exact time in a tooltip. */
export function renderUpdated(resources: readonly Resource[], ctx: ViewContext): TemplateResult {
  const times = resources.map((r) => r.lastSuccessAt.get()).filter((t): t is number => t !== null);
  const fetching = resources.some((r) => r.fetching.get());
  if (times.length === 0) {
    const failed = resources.some((r) => r.error.get());
    return html`<span class="meta" part="updated">${failed ? t(ctx.lang, 'No data yet') : t(ctx.lang, 'Loading…')}</span>`;
  }
  const oldest = Math.min(...times);
  return html`<span class="meta" part="updated" title=${formatTime(ctx.lang, oldest)}
    >${t(ctx.lang, 'Updated {0}', formatAgo(ctx.lang, oldest, ctx.now))}${fetching ? ` · ${t(ctx.lang, 'refreshing…')}` : ''}</span
  >`;
}

/** A sentence saying when the next retry happens, if one is scheduled. */
function retryText(resource: Resource, now: number, lang: string): string {
  const at = resource.nextRefreshAt.get();
  if (at === null) return '';
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return seconds === 0 ? t(lang, 'Retrying now.') : t(lang, 'Next retry in {0}.', formatSeconds(lang, seconds));
}

/**
 * The error notice of a resource that failed: a headline, the error's own words, whether
 * last good values are still shown (and from when), the next retry, and a retry button.
 * Renders nothing while the resource is fine.
 */
export function renderErrorNotice(resource: Resource, ctx: ViewContext, retry: () => void, subject = ''): TemplateResult | typeof nothing {
  const error = resource.error.get();
  if (!error) return nothing;
  const kept = resource.lastSuccessAt.get();
  return html`<div class="notice" data-tone=${kept ? 'warn' : 'danger'} part="error" data-kind=${error.kind}>
    <div>
      <p role="alert">
        <strong>${subject ? `${subject}: ` : ''}${t(ctx.lang, ERROR_TITLES[error.kind])}</strong> ${describeError(ctx.lang, error)}
        ${kept ? html`<span class="stale-note">${t(ctx.lang, 'Showing the last good values, from {0}.', formatTime(ctx.lang, kept))}</span>` : nothing}
      </p>
      <p class="meta">${retryText(resource, ctx.now, ctx.lang)}</p>
    </div>
    <button type="button" part="retry" @click=${retry}>${t(ctx.lang, 'Retry now')}</button>
  </div>`;
}

/** The first error among several resources, with the resource it belongs to. */
export function firstFailure(resources: readonly Resource[]): { resource: Resource; error: PharosError } | null {
  for (const resource of resources) {
    const error = resource.error.get();
    if (error) return { resource, error };
  }
  return null;
}

/** What {@link renderPanel} needs besides the content. */
export interface PanelOptions {
  /** The card's title (text or a template). */
  heading: unknown;
  /** The resources the card shows; the first one's error gets the notice. */
  resources: readonly Resource[];
  ctx: ViewContext;
  /** The retry button's action. */
  retry: () => void;
  /** Replaces the standard error notice (an element with its own wording for a failure). */
  notice?: unknown;
}

/**
 * The card frame shared by the single-resource elements: a title row with "updated N s
 * ago", the error notice with its retry, then the element's content.
 */
export function renderPanel(options: PanelOptions, content: unknown): TemplateResult {
  return html`<section part="base" aria-labelledby="title">
    <div part="header">
      <h2 id="title">${options.heading}</h2>
      ${renderUpdated(options.resources, options.ctx)}
    </div>
    ${options.notice === undefined ? renderErrorNotice(options.resources[0]!, options.ctx, options.retry) : options.notice}
    ${content}
  </section>`;
}

/** Placeholder lines while the first answer is pending (an indeterminate progressbar, so its label is read); sized so nothing jumps when data arrives. */
export function renderSkeleton(lines: number, label: string): TemplateResult {
  return html`<div part="skeleton" role="progressbar" aria-busy="true" aria-label=${label}>
    ${Array.from({ length: lines }, () => html`<div class="skeleton"></div>`)}
  </div>`;
}
