/**
 * The messages of the one-poller-per-browser protocol (`cross-tab.ts`): what pages of a
 * group send one another over their BroadcastChannel, and how errors and answers are
 * flattened to cross it (structured clone keeps no classes).
 */
import { PharosError, type ErrorKind, type Sentence } from '../../api/errors.js';
import type { HistoryWindow, Sample } from '../history.js';
import type { ResourceAnswer } from '../resource.js';

/** A resource as named in messages: enough for the leader to create it. */
export interface ResourceRef {
  key: string;
  name: string;
  params: unknown;
}

/** An error as it crosses pages: a PharosError's fields (structured clone drops its class). */
export interface ErrorData {
  kind: ErrorKind;
  message: string;
  /** The message as words to translate, so each page shows it in its own language. */
  description?: Sentence;
  status?: number;
  endpoint?: string;
  retryAfterMs?: number;
  detail?: unknown;
  edgeWorkerOffline?: PharosError['edgeWorkerOffline'];
}

/** An answer as it crosses pages. */
export type AnswerData = Omit<ResourceAnswer<unknown>, 'error' | 'value'> & { value?: unknown; error: ErrorData | null };

/** A resource's latest answer (and, in a snapshot, its history) as the leader sends it. */
export interface ResourceState extends ResourceRef {
  answer: AnswerData;
  row?: readonly [number, Sample];
  history?: HistoryWindow;
}

/** Every message of the protocol, told apart by `t`; `from` is the sending page's id. */
export type Message =
  | { t: 'hello'; from: string }
  | { t: 'snapshot'; from: string; to: string; auto: boolean; resources: ResourceState[] }
  | { t: 'result'; from: string; state: ResourceState }
  | { t: 'interest'; from: string; wants: boolean; resources: ResourceRef[] }
  | { t: 'unknown'; from: string; to: string; keys: string[] }
  | { t: 'refresh'; from: string; resources: ResourceRef[] }
  | { t: 'auto'; from: string; on: boolean }
  | { t: 'beat'; from: string }
  | { t: 'leader'; from: string }
  | { t: 'bye'; from: string };

/** A PharosError as it can cross pages. */
export const toErrorData = (e: PharosError): ErrorData => ({
  kind: e.kind,
  message: e.message,
  description: e.description,
  status: e.status,
  endpoint: e.endpoint,
  retryAfterMs: e.retryAfterMs,
  detail: e.detail,
  edgeWorkerOffline: e.edgeWorkerOffline,
});

/** A PharosError again, from what crossed pages. */
export const fromErrorData = (e: ErrorData): PharosError =>
  new PharosError(e.kind, e.description ?? e.message, { status: e.status, endpoint: e.endpoint, retryAfterMs: e.retryAfterMs, detail: e.detail, edgeWorkerOffline: e.edgeWorkerOffline });

/** An answer as resources apply it, from what crossed pages. */
export const toAnswer = (a: AnswerData): ResourceAnswer<unknown> =>
  a.error === null ? { ...a, error: null } : { ...a, value: undefined, error: fromErrorData(a.error) };
