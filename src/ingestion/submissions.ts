/**
 * The latest ingest accepted on a source. The backend reports the queue size only in its
 * answer to `POST /ingest/...` (no endpoint reads it), so elements that queue work record
 * that answer here and elements that show the queue read it, without knowing each other.
 */
import { Signal } from 'signal-polyfill';
import type { IngestResult } from '../api/ingestion.js';
import type { PharosSource } from '../store/source.js';

/** One accepted submission and the queue as the backend described it then. */
export interface IngestSubmission {
  /** The repository URL as sent. */
  readonly repoUrl: string;
  /** The backend's answer. */
  readonly result: IngestResult;
  /** When the answer arrived, ms since the epoch (the source's clock). */
  readonly at: number;
}

// Weak, so a disposed source and its state go away together.
const submissions = new WeakMap<PharosSource, Signal.State<IngestSubmission | null>>();
const recent = new WeakMap<PharosSource, Signal.State<readonly IngestSubmission[]>>();
/** Submissions remembered per source (this page only; newest last). */
const RECENT_LIMIT = 50;

/** The signal holding the latest accepted submission of `source` (null until one). */
export function lastIngestSubmission(source: PharosSource): Signal.State<IngestSubmission | null> {
  let state = submissions.get(source);
  if (!state) {
    state = new Signal.State<IngestSubmission | null>(null);
    submissions.set(source, state);
  }
  return state;
}

/**
 * Records an accepted submission on `source`. Elements of this library call it; an app
 * that calls `ingestRepository` itself can call it too, so queue views stay current.
 */
export function recordIngestSubmission(source: PharosSource, repoUrl: string, result: IngestResult): IngestSubmission {
  const submission: IngestSubmission = { repoUrl, result, at: source.clock.now() };
  lastIngestSubmission(source).set(submission);
  const list = recentIngestSubmissions(source);
  list.set([...list.get(), submission].slice(-RECENT_LIMIT));
  return submission;
}

/**
 * The submissions accepted from this page on `source`, oldest first (the last 50). The
 * backend lists pending jobs without any time; these let the job history date the ones
 * queued here.
 */
export function recentIngestSubmissions(source: PharosSource): Signal.State<readonly IngestSubmission[]> {
  let state = recent.get(source);
  if (!state) {
    state = new Signal.State<readonly IngestSubmission[]>([]);
    recent.set(source, state);
  }
  return state;
}
