import { translatable } from '../util/translatable.js';
import { ErrorKind, PharosError, type SentenceValue } from './errors.js';
import { readModel, requestJson, type CallSpec, type ClientConfig, type RequestOptions } from './http.js';
import type { Json } from './read.js';
import { parseUtc } from './time.js';

/**
 * A feature the backend has removed from this deployment (`status: "not_applicable"`).
 * Elements show it as neutral, not as a failure.
 */
export interface NotApplicable {
  readonly kind: 'not-applicable';
  /** The backend's explanation, e.g. "Recommendations module removed (single-tenant optimization)"; '' when it gave none. */
  readonly reason: string;
  /** When the backend answered, if it said. */
  readonly timestamp: Date | null;
}

/** True when a model is the "removed from this deployment" state. */
export function isNotApplicable(value: unknown): value is NotApplicable {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'not-applicable';
}

/** Throws a `backend` error when a 200 envelope says `status: "error"`. */
export function rejectErrorEnvelope(endpoint: string, body: Json): void {
  if (body.status !== 'error') return;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  const message = text(body.message);
  const error = text(body.error);
  const said: SentenceValue = message && error ? `${message} (${error})` : message ?? error ?? [translatable('no details given')];
  throw new PharosError(ErrorKind.backend, [translatable('The backend reported an error for {0}: {1}'), endpoint, said], {
    status: 200,
    endpoint,
    detail: { error: body.error ?? null, message: body.message ?? null },
  });
}

/** Returns the not-applicable model when the envelope says so, else null. */
export function notApplicable(body: Json): NotApplicable | null {
  if (body.status !== 'not_applicable') return null;
  const reason = typeof body.message === 'string' ? body.message : '';
  return { kind: 'not-applicable', reason, timestamp: parseUtc(body.timestamp) };
}

/** Reads a percentage (0..100) as a fraction (0..1); models keep every ratio as a fraction. */
export const percentToFraction = (percent: number) => percent / 100;

/**
 * Reads a ratio the backend may send as a fraction or as a percentage. Values above 1 can
 * only be percentages, so they are scaled.
 */
export const asFraction = (value: number) => (value > 1 ? value / 100 : value);

/**
 * Calls a monitoring endpoint and reads its body with `read`, after turning a 200 that
 * carries `status:"error"` into a `backend` error (any of them may answer so).
 */
export async function getChecked<T>(config: ClientConfig, spec: CallSpec, options: RequestOptions | undefined, read: (body: Json) => T): Promise<T> {
  const { body } = await requestJson(config, spec, options);
  return readModel(spec.path, body, (b) => {
    rejectErrorEnvelope(spec.path, b);
    return read(b);
  });
}
