// @ts-check
// The backend's event bus: resources arrive and go through ingestion, each step an event.
// Stories are drawn per time interval; their later steps are scheduled and published
// when the clock reaches them, so the history stays in time order (oldest first).
import { isoOffset, round } from './time.js';

const HISTORY_SIZE = 1000;
const LATENCY_WINDOW = 200;
const TITLES = [
  'attention-is-all-you-need.pdf', 'rfc9110-http-semantics.txt', 'lit-reactive-controllers.md',
  'postgres-connection-pooling.html', 'graph-neural-networks-survey.pdf', 'notes-2026-q3.txt',
];
const FAILURE_TYPES = /** @type {const} */ ([
  ['URL_FETCH_FAILED', 'URL could not be fetched. Please verify the URL or upload as PDF.'],
  ['EXTRACTION_FAILED', 'Text could not be extracted from the document.'],
  ['EMBEDDING_FAILED', 'Embedding generation failed. The resource will be retried.'],
]);
/** How many handlers are subscribed to each event type (events without one are not delivered). */
const HANDLERS = /** @type {Record<string, number>} */ ({
  'resource.created': 1,
  'ingestion.completed': 2,
  'ingestion.failed': 0,
  'ingestion.started': 0,
  'annotation.created': 1,
  'quality.computed': 1,
});

/**
 * An event as `/events/history` returns it.
 * @typedef {object} BusEvent
 * @property {string} name
 * @property {Record<string, unknown>} data
 * @property {string} timestamp
 * @property {'NORMAL' | 'HIGH'} priority
 * @property {string} correlation_id
 */

/** @typedef {{ at: number, event: BusEvent }} Scheduled */

export class EventLog {
  /**
   * @param {import('./rng.js').Rng} rng
   * @param {import('./model.js').Signals} signals
   */
  constructor(rng, signals) {
    this.rng = rng;
    this.signals = signals;
    /** @type {BusEvent[]} oldest first, the last HISTORY_SIZE */
    this.history = [];
    /** @type {Scheduled[]} */
    this.scheduled = [];
    this.emitted = 0;
    this.delivered = 0;
    this.handlerErrors = 0;
    this.handlerTimeMs = 0;
    this.emissionTimeMs = 0;
    /** @type {Record<string, number>} */
    this.types = {};
    /** @type {number[]} */
    this.handlerLatencies = [];
    /** @type {number[]} */
    this.emissionLatencies = [];
  }

  /**
   * Draws the stories starting in [from, to) and publishes every event due by `to`.
   * @param {number} from
   * @param {number} to
   * @param {import('./scenarios.js').ScenarioTraits} traits
   * @returns {BusEvent[]} the events published
   */
  advance(from, to, traits) {
    const seconds = (to - from) / 1000;
    const load = this.signals.load(from);
    const stories = this.rng.poisson((seconds / 45) * load);
    for (let i = 0; i < stories; i++) this.ingestionStory(this.rng.between(from, to), traits);
    const singles = this.rng.poisson((seconds / 90) * load);
    for (let i = 0; i < singles; i++) this.singleEvent(this.rng.between(from, to));
    this.scheduled.sort((a, b) => a.at - b.at);
    const due = this.scheduled.findIndex((item) => item.at > to);
    const ready = this.scheduled.splice(0, due === -1 ? this.scheduled.length : due);
    for (const { event } of ready) this.publish(event, traits);
    return ready.map((item) => item.event);
  }

  /**
   * resource.created → ingestion.started → ingestion.completed | ingestion.failed
   * @param {number} t0
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  ingestionStory(t0, traits) {
    const { rng } = this;
    const resourceId = rng.uuid();
    const title = rng.pick(TITLES);
    const source = `storage/uploads/${rng.uuid()}.${title.split('.').pop()}`;
    const started = t0 + rng.between(10, 20);
    const ended = started + rng.between(300, 4000);
    // Today's deployment fails almost every fetch (its circuit breaker is open).
    const failChance = traits.legacy ? 0.9 : traits.incident ? 0.5 : 0.08;
    this.schedule(t0, 'resource.created', { resource_id: resourceId, title, source });
    this.schedule(started, 'ingestion.started', { resource_id: resourceId, started_at: isoOffset(started - 0.3) });
    if (rng.next() < failChance) {
      const [errorType, message] = traits.legacy ? FAILURE_TYPES[0] : rng.pick(FAILURE_TYPES);
      const error = traits.legacy
        ? `Service temporarily unavailable (circuit breaker open): ${source}`
        : `${errorType.toLowerCase().replace(/_/g, ' ')}: ${source}`;
      const data = { resource_id: resourceId, error, error_type: errorType, message, failed_at: isoOffset(ended - 0.1) };
      this.schedule(ended, 'ingestion.failed', data, 'HIGH');
    } else {
      const data = { resource_id: resourceId, duration_seconds: round((ended - started) / 1000, 3), completed_at: isoOffset(ended - 0.1) };
      this.schedule(ended, 'ingestion.completed', data);
    }
  }

  /** @param {number} t */
  singleEvent(t) {
    const { rng } = this;
    if (rng.next() < 0.5) {
      this.schedule(t, 'annotation.created', { annotation_id: rng.uuid(), resource_id: rng.uuid() });
    } else {
      this.schedule(t, 'quality.computed', { resource_id: rng.uuid(), quality_score: round(rng.between(0.4, 0.98), 3) });
    }
  }

  /**
   * @param {number} at
   * @param {string} name
   * @param {Record<string, unknown>} data
   * @param {'NORMAL' | 'HIGH'} [priority]
   */
  schedule(at, name, data, priority = 'NORMAL') {
    const event = { name, data, timestamp: isoOffset(at), priority, correlation_id: this.rng.uuid() };
    this.scheduled.push({ at, event });
  }

  /**
   * @param {BusEvent} event
   * @param {import('./scenarios.js').ScenarioTraits} traits
   */
  publish(event, traits) {
    const { median, sigma } = this.signals.handlerLatency(traits);
    const handlers = HANDLERS[event.name] ?? 0;
    let handlerMs = 0;
    for (let i = 0; i < handlers; i++) {
      const ms = median * Math.exp(sigma * (this.rng.next() + this.rng.next() + this.rng.next() - 1.5) * 2);
      handlerMs += ms;
      if (this.rng.next() < (traits.incident ? 0.35 : 0.002)) this.handlerErrors++;
      pushWindow(this.handlerLatencies, ms);
    }
    const emissionMs = handlerMs + this.rng.between(0.05, 0.4);
    this.emitted++;
    this.delivered += handlers;
    this.handlerTimeMs += handlerMs;
    this.emissionTimeMs += emissionMs;
    this.types[event.name] = (this.types[event.name] ?? 0) + 1;
    pushWindow(this.emissionLatencies, emissionMs);
    this.history.push(event);
    if (this.history.length > HISTORY_SIZE) this.history.splice(0, this.history.length - HISTORY_SIZE);
  }
}

/** @param {number[]} window @param {number} value */
function pushWindow(window, value) {
  window.push(value);
  if (window.length > LATENCY_WINDOW) window.shift();
}

/**
 * A percentile of recent samples, rounded like the backend (0 when there are none).
 * @param {number[]} samples
 * @param {number} p in 0..100
 */
export function percentile(samples, p) {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))], 2);
}
