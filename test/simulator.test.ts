// The Pharos simulator, tested over real HTTP from Chromium: it must answer like the real
// backend (every recorded sample), and its scenarios, faults, clock and counters must work.
import { expect } from '@open-wc/testing';
import { loadSample, SAMPLE_FILES } from './support/samples.js';
import { startSim, type Scenario, type SimHandle } from './support/sim.js';

const TOKEN = { Authorization: 'Bearer dev-admin-token' };
/** The incident scenario's shortest delay (sim/simulator.js: 0.8 to 1.5 s). */
const INCIDENT_MIN_DELAY_MS = 800;
/** Node's timers may fire up to a millisecond before performance.now() says the delay has passed. */
const TIMER_SLACK_MS = 1;
const NAIVE_ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/;

/** The scenario whose answers a sample was recorded in (production-like unless said here). */
const SAMPLE_SCENARIO: Partial<Record<(typeof SAMPLE_FILES)[number], Scenario>> = {
  ingestion_ingest_no_token: 'auth',
  ingestion_health_worker: 'healthy',
};

/**
 * Maps whose keys are data, not schema (an event's free-form payload depends on its type;
 * event type counts on which events happened): only their being objects is compared.
 */
const FREE_FORM = new Set(['body.events[0].data', 'body.metrics.event_types']);

/**
 * Every key of `sample` must be in `actual`, recursively, with the same JSON type. A null in
 * the sample matches anything; arrays are compared through their first element.
 */
function expectSameShape(sample: unknown, actual: unknown, path = 'body'): void {
  if (sample === null) return;
  expect(actual, `${path} is null`).not.to.equal(null);
  if (FREE_FORM.has(path)) {
    expect(actual, `${path} is not an object`).to.be.an('object');
    return;
  }
  if (Array.isArray(sample)) {
    expect(actual, `${path} is not an array`).to.be.an('array');
    const list = actual as unknown[];
    if (sample.length > 0) {
      expect(list, `${path} is empty`).not.to.be.empty;
      expectSameShape(sample[0], list[0], `${path}[0]`);
    }
    return;
  }
  if (typeof sample === 'object') {
    expect(actual, `${path} is not an object`).to.be.an('object');
    expect(Array.isArray(actual), `${path} is an array`).to.equal(false);
    for (const [key, value] of Object.entries(sample)) {
      expect(actual, `${path} lacks "${key}"`).to.have.property(key);
      expectSameShape(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
    }
    return;
  }
  expect(typeof actual, `${path} has the wrong type`).to.equal(typeof sample);
}

async function getJson(sim: SimHandle, path: string, init: RequestInit = {}) {
  const response = await fetch(`${sim.baseUrl}${path}`, init);
  return { response, body: await response.json() };
}

const ingest = (sim: SimHandle, repo: string, headers: Record<string, string> = {}) =>
  fetch(`${sim.baseUrl}/api/v1/ingestion/ingest/${repo}`, { method: 'POST', headers });

async function jobFor(sim: SimHandle, repo: string) {
  const { body } = await getJson(sim, '/api/v1/ingestion/jobs/history?limit=100');
  return (body.jobs as { repo_url: string }[]).find((job) => job.repo_url === repo) as Record<string, unknown>;
}

/** Parses the Prometheus text format strictly: every line is a comment or a valid sample. */
function parsePrometheus(text: string) {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) {
      types.set(type[1], type[2]);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    expect(sample, `not a Prometheus line: ${line}`).not.to.equal(null);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample![2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = value;
    }
    const value = Number(sample![3].replace('+Inf', 'Infinity'));
    expect(Number.isNaN(value), `bad value in: ${line}`).to.equal(false);
    samples.push({ name: sample![1], labels, value });
  }
  const sum = (name: string, where: (labels: Record<string, string>) => boolean = () => true) =>
    samples.filter((s) => s.name === name && where(s.labels)).reduce((total, s) => total + s.value, 0);
  return { samples, types, sum };
}

async function metrics(sim: SimHandle) {
  const response = await fetch(`${sim.baseUrl}/metrics`);
  expect(response.status).to.equal(200);
  expect(response.headers.get('content-type')).to.match(/^text\/plain/);
  return parsePrometheus(await response.text());
}

describe('simulator: recorded samples', () => {
  for (const name of SAMPLE_FILES) {
    it(`answers like the real backend: ${name}`, async () => {
      const sample = await loadSample(name);
      const sim = await startSim(SAMPLE_SCENARIO[name] ?? 'production-like');
      await sim.config({ sparseDurationMs: 20 });
      const { method, path, bearer_token, json_body } = sample.request;
      const headers: Record<string, string> = bearer_token ? { ...TOKEN } : {};
      if (json_body !== null) headers['Content-Type'] = 'application/json';
      const response = await fetch(`${sim.baseUrl}${path}`, {
        method,
        headers,
        body: json_body === null ? undefined : JSON.stringify(json_body),
      });
      expect(response.status).to.equal(sample.status);
      for (const header of ['content-type', 'www-authenticate']) {
        expect(response.headers.get(header), header).to.equal(sample.headers[header] ?? null);
      }
      expectSameShape(sample.body, await response.json());
    });
  }
});

describe('simulator: scenarios', () => {
  it('switches scenario at run time', async () => {
    const sim = await startSim('healthy');
    let { body } = await getJson(sim, '/api/monitoring/health');
    expect(body.status).to.equal('healthy');
    expect(body.modules).to.be.an('object');
    expect(body.modules.graph.status).to.equal('healthy');
    expect(body.timestamp).to.match(NAIVE_ISO);

    await sim.scenario('production-like');
    ({ body } = await getJson(sim, '/api/monitoring/health'));
    expect(body.status).to.equal('degraded');
    expect(body.modules).to.equal(null);
    expect(body.components.redis.status).to.equal('unhealthy');

    await sim.scenario('outage');
    const outage = await fetch(`${sim.baseUrl}/api/monitoring/health`);
    expect(outage.status).to.equal(502);
    expect(outage.headers.get('content-type')).to.match(/^text\/html/);
    expect(await outage.text()).to.contain('502 Bad Gateway');

    await sim.scenario('healthy');
    expect((await fetch(`${sim.baseUrl}/api/monitoring/health`)).status).to.equal(200);
  });

  it('healthy: declared shapes for model health, ML, recommendations and workers', async () => {
    const sim = await startSim('healthy');
    const model = await getJson(sim, '/api/monitoring/model-health');
    expect(model.response.status).to.equal(200);
    expect(model.body).to.include({ status: 'ok', error: null });
    expect(model.body.model).to.be.an('object');
    expect((await getJson(sim, '/api/monitoring/health/ml')).body.status).to.equal('ok');
    const quality = (await getJson(sim, '/api/monitoring/recommendation-quality?time_window_days=30')).body;
    expect(quality.status).to.equal('ok');
    expect(quality.time_window_days).to.equal(30);
    for (const value of Object.values(quality.metrics)) expect(value).to.be.a('number');
    const workers = (await getJson(sim, '/api/monitoring/workers/status')).body;
    expect(workers.status).to.equal('ok');
    expect(workers.workers.worker_count).to.be.above(0);
    expect(workers.workers.active_tasks).to.be.an('object');
    expect((await getJson(sim, '/api/v1/ingestion/worker/status')).body.status).to.equal('Online');
  });

  it('incident: graph module down, slow answers, pool pressure, Qdrant 503', async () => {
    const sim = await startSim('incident');
    const health = (await getJson(sim, '/api/monitoring/health')).body;
    // The simulator's own time for the answer (0.8 to 1.5 s late): a lower bound, whatever the machine's speed.
    expect((await sim.requests()).lastServerMs['/api/monitoring/health']).to.be.at.least(INCIDENT_MIN_DELAY_MS - TIMER_SLACK_MS);
    expect(health.status).to.equal('degraded');
    expect(health.modules.graph.status).to.equal('unhealthy');
    const graph = (await getJson(sim, '/api/monitoring/health/module/graph')).body;
    expect(graph.health.status).to.equal('unhealthy');
    const db = (await getJson(sim, '/api/monitoring/database')).body;
    expect(db.connection_pool.pool_usage_percent).to.be.above(75);
    expect(db.warnings).to.have.length(1);
    const services = await getJson(sim, '/api/v1/ingestion/health');
    expect(services.response.status).to.equal(503);
    expect(services.body.status).to.equal('unhealthy');
  });

  it('worker-offline: stale heartbeat and a 503 on ingest; offline once the key expires', async () => {
    const sim = await startSim('worker-offline');
    const worker = (await getJson(sim, '/api/v1/ingestion/health/worker')).body;
    expect(worker.state).to.equal('degraded');
    expect(worker.seconds_since_last_seen).to.be.above(300);
    const response = await ingest(sim, 'github.com/user/repo');
    expect(response.status).to.equal(503);
    expect(response.headers.get('x-pharos-edge-status')).to.equal('offline');
    const { detail } = await response.json();
    expect(detail).to.include({ error: 'System Degraded: Edge Worker Offline', context: 'ingest', threshold_seconds: 300 });
    expect(detail.last_seen_seconds_ago).to.be.above(300);

    await sim.advance(5 * 60_000);
    const expired = (await getJson(sim, '/api/v1/ingestion/health/worker')).body;
    expect(expired).to.deep.equal({ state: 'offline', last_seen_unix: null, seconds_since_last_seen: null, threshold_seconds: 300, worker_meta: null });
  });

  it('healthy: the edge worker pings every minute', async () => {
    const sim = await startSim('healthy');
    const first = (await getJson(sim, '/api/v1/ingestion/health/worker')).body;
    expect(first.state).to.equal('online');
    expect(first.seconds_since_last_seen).to.be.below(62);
    await sim.advance(10 * 60_000);
    const later = (await getJson(sim, '/api/v1/ingestion/health/worker')).body;
    expect(later.state).to.equal('online');
    expect(later.seconds_since_last_seen).to.be.below(62);
    expect(later.last_seen_unix - first.last_seen_unix).to.be.within(530, 670);
  });

  it('rejects an unknown scenario', async () => {
    const sim = await startSim('healthy');
    const response = await fetch(`${sim.baseUrl}/__sim/scenario`, { method: 'POST', body: JSON.stringify({ scenario: 'nope' }) });
    expect(response.status).to.equal(400);
  });
});

describe('simulator: faults', () => {
  it('adds latency', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/api/monitoring/events', latencyMs: 400, times: 1 });
    expect((await fetch(`${sim.baseUrl}/api/monitoring/events`)).status).to.equal(200);
    expect((await sim.requests()).lastServerMs['/api/monitoring/events'], 'the time the simulator held the answer').to.be.at.least(400 - TIMER_SLACK_MS);
  });

  it('answers an HTML 502 page once', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/api/monitoring', kind: 'html-502', times: 1 });
    const failed = await fetch(`${sim.baseUrl}/api/monitoring/health`);
    expect(failed.status).to.equal(502);
    expect(failed.headers.get('content-type')).to.match(/^text\/html/);
    expect((await fetch(`${sim.baseUrl}/api/monitoring/health`)).status).to.equal(200);
  });

  it('truncates the JSON body', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/api/monitoring/health', kind: 'malformed-json' });
    const response = await fetch(`${sim.baseUrl}/api/monitoring/health`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/json');
    // Read as text, as the client does: WebKit's response.json() rejects with a DOMException,
    // not a SyntaxError.
    const text = await response.text();
    expect(text.length).to.be.greaterThan(0);
    expect(() => JSON.parse(text)).to.throw(SyntaxError);
  });

  it('answers a given status with body and headers, for one method only', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/api/v1/ingestion/ingest/', method: 'POST', kind: 'status', status: 429, headers: { 'Retry-After': '5' }, body: { detail: 'Queue full' } });
    const limited = await ingest(sim, 'github.com/user/repo');
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal('5');
    expect(await limited.json()).to.deep.equal({ detail: 'Queue full' });
    expect((await fetch(`${sim.baseUrl}/api/v1/ingestion/jobs/history`)).status).to.equal(200);
    await sim.clearFaults();
    expect((await ingest(sim, 'github.com/user/repo')).status).to.equal(200);
  });

  it('rejects an invalid fault', async () => {
    const sim = await startSim('healthy');
    const response = await fetch(`${sim.baseUrl}/__sim/faults`, { method: 'POST', body: JSON.stringify({ path: 'no-slash', kind: 'html-502' }) });
    expect(response.status).to.equal(400);
  });
});

describe('simulator: auth', () => {
  it('auth scenario: 401s for missing and wrong tokens, public paths stay open', async () => {
    const sim = await startSim('auth');
    const missing = await ingest(sim, 'github.com/user/repo');
    expect(missing.status).to.equal(401);
    expect(missing.headers.get('www-authenticate')).to.equal('Bearer');
    expect(await missing.json()).to.deep.equal({ detail: 'Not authenticated' });
    const wrong = await ingest(sim, 'github.com/user/repo', { Authorization: 'Bearer nope' });
    expect(wrong.status).to.equal(401);
    expect(await wrong.json()).to.deep.equal({ detail: 'Invalid authentication token' });
    expect((await ingest(sim, 'github.com/user/repo', TOKEN)).status).to.equal(200);
    expect((await fetch(`${sim.baseUrl}/api/monitoring/events`)).status).to.equal(401);
    expect((await fetch(`${sim.baseUrl}/api/monitoring/health`)).status).to.equal(200);
    expect((await fetch(`${sim.baseUrl}/api/v1/ingestion/jobs/history`)).status).to.equal(200);
    // The heartbeat route checks the token itself, with the router-level wording.
    const heartbeat = await fetch(`${sim.baseUrl}/api/v1/ingestion/health/worker`, { method: 'POST', headers: { Authorization: 'Bearer nope' }, body: '{}' });
    expect(await heartbeat.json()).to.deep.equal({ detail: 'Invalid or missing authentication token' });
  });

  it('other scenarios accept any or no token', async () => {
    const sim = await startSim('healthy');
    expect((await ingest(sim, 'github.com/user/repo')).status).to.equal(200);
    expect((await fetch(`${sim.baseUrl}/api/monitoring/events`, { headers: { Authorization: 'Bearer whatever' } })).status).to.equal(200);
  });
});

describe('simulator: CORS, seen from another origin', () => {
  // The page is on localhost; 127.0.0.1 is another origin (allowed by the default list).
  const otherOrigin = () => location.origin.replace('//localhost', '//127.0.0.1');

  it('cross-origin reads work, but auth 401s and the model-health 500 are opaque failures', async function () {
    if (!location.hostname.includes('localhost')) this.skip();
    const sim = await startSim('auth', otherOrigin());
    expect((await fetch(`${sim.baseUrl}/api/monitoring/health`)).status).to.equal(200);
    let failure: unknown;
    await ingest(sim, 'github.com/user/repo').catch((e: unknown) => (failure = e));
    expect(failure, 'a 401 without CORS headers').to.be.instanceOf(TypeError);
    failure = undefined;
    await fetch(`${sim.baseUrl}/api/monitoring/model-health`, { headers: TOKEN }).catch((e: unknown) => (failure = e));
    expect(failure, 'a 500 without CORS headers').to.be.instanceOf(TypeError);
  });

  it('exposes no headers: Retry-After and X-Pharos-Edge-Status stay hidden', async function () {
    if (!location.hostname.includes('localhost')) this.skip();
    const sim = await startSim('worker-offline', otherOrigin());
    const offline = await ingest(sim, 'github.com/user/repo');
    expect(offline.status).to.equal(503);
    expect(offline.headers.get('x-pharos-edge-status')).to.equal(null);
    expect((await offline.json()).detail.error).to.equal('System Degraded: Edge Worker Offline');
    await sim.fault({ path: '/api/monitoring', kind: 'status', status: 429, headers: { 'Retry-After': '5' } });
    const limited = await fetch(`${sim.baseUrl}/api/monitoring/events`);
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal(null);
  });
});

describe('simulator: ingestion jobs', () => {
  it('an ingest shows up as pending, then finishes as the clock advances', async () => {
    const sim = await startSim('healthy');
    const repo = `github.com/sim-test/${Math.random().toString(36).slice(2, 8)}`;
    const response = await ingest(sim, repo);
    const dispatched = await response.json();
    expect(dispatched.status).to.equal('dispatched');
    expect(Number.isInteger(dispatched.job_id)).to.equal(true);
    expect(dispatched.max_queue_size).to.equal(10);
    expect(dispatched.message).to.equal(`Task queued successfully. Position: ${dispatched.queue_position}/10`);

    const pending = await jobFor(sim, repo);
    expect(pending).to.include({ status: 'pending', timestamp: '', age_seconds: null, error: null });

    await sim.advance(2 * 3_600_000);
    const done = await jobFor(sim, repo);
    expect(done.status).to.be.oneOf(['completed', 'failed']);
    expect(done.timestamp).to.match(NAIVE_ISO);
    expect(done.age_seconds).to.be.above(7000);
    expect(done.duration_seconds).to.be.a('number');
    if (done.status === 'failed') {
      expect(done.error).to.be.a('string');
      expect(done.reason).to.be.a('string');
    } else {
      expect(done.files_processed).to.be.a('number');
    }
  });

  it('lists oldest first, and limit cuts off the newest', async () => {
    const sim = await startSim('healthy');
    const all = (await getJson(sim, '/api/v1/ingestion/jobs/history?limit=100')).body.jobs;
    expect(all.length).to.be.above(2);
    const two = (await getJson(sim, '/api/v1/ingestion/jobs/history?limit=2')).body.jobs;
    const repos = (jobs: { repo_url: string }[]) => jobs.map((job) => job.repo_url);
    expect(repos(two)).to.deep.equal(repos(all.slice(0, 2)));
  });

  it('validates repository URLs with the backend rules', async () => {
    const sim = await startSim('healthy');
    const valid = ['github.com/user/repo', 'https://github.com/user/repo', 'http://gitlab.com/a/b', 'git://example.org/x.git', 'localhost:3000/r'];
    const invalid = ['', 'foo;rm%20-rf', 'github.com/a..b', 'file:///etc/passwd', 'javascript:alert(1)', 'data:text/plain,x', 'ftp://github.com/x', 'github.com/a%7Cb', 'github.com/%24(id)', 'github.com/a%0Ab', 'bad_domain!/x', 'git@github.com:user/repo'];
    for (const url of valid) expect((await ingest(sim, url)).status, url).to.equal(200);
    for (const url of invalid) {
      const response = await ingest(sim, url);
      expect(response.status, url).to.equal(400);
      expect(await response.json()).to.deep.equal({ detail: 'Invalid repository URL format' });
    }
  });
});

describe('simulator: monitoring values', () => {
  it('events: counters grow, history is oldest first, zone-aware and honours limit', async () => {
    const sim = await startSim('healthy');
    const before = (await getJson(sim, '/api/monitoring/events')).body.metrics;
    await sim.advance(30 * 60_000);
    const after = (await getJson(sim, '/api/monitoring/events')).body.metrics;
    expect(after.events_emitted).to.be.above(before.events_emitted);
    expect(after.events_delivered).to.be.at.least(before.events_delivered);
    const history = (await getJson(sim, '/api/monitoring/events/history?limit=25')).body;
    expect(history.count).to.equal(25);
    expect(history.events).to.have.length(25);
    const times = history.events.map((event: { timestamp: string }) => event.timestamp);
    for (const time of times) expect(time).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect([...times].sort()).to.deep.equal(times);
  });

  it('validates query parameters like FastAPI', async () => {
    const sim = await startSim('healthy');
    for (const query of ['time_window_days=0', 'time_window_days=91', 'time_window_days=abc']) {
      const { response, body } = await getJson(sim, `/api/monitoring/user-engagement?${query}`);
      expect(response.status, query).to.equal(422);
      expect(body.detail[0]).to.have.keys(body.detail[0].ctx ? ['type', 'loc', 'msg', 'input', 'ctx'] : ['type', 'loc', 'msg', 'input']);
      expect(body.detail[0].loc).to.deep.equal(['query', 'time_window_days']);
    }
    expect((await fetch(`${sim.baseUrl}/api/monitoring/events/history?limit=1001`)).status).to.equal(422);
    expect((await fetch(`${sim.baseUrl}/api/monitoring/recommendation-quality?time_window_days=90`)).status).to.equal(200);
  });

  it('unknown paths are 404, wrong methods 405', async () => {
    const sim = await startSim('healthy');
    const missing = await getJson(sim, '/api/monitoring/nope');
    expect(missing.response.status).to.equal(404);
    expect(missing.body).to.deep.equal({ detail: 'Not Found' });
    expect((await fetch(`${sim.baseUrl}/api/v1/ingestion/ingest/github.com/a/b`)).status).to.equal(405);
  });

  it('sparse generation waits for the configured duration and counts given ids', async () => {
    const sim = await startSim('healthy');
    await sim.config({ sparseDurationMs: 300 });
    const { response, body } = await getJson(sim, '/api/search/admin/sparse-embeddings/generate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ resource_ids: ['a', 'b', 'c'] }),
    });
    expect((await sim.requests()).lastServerMs['/api/search/admin/sparse-embeddings/generate'], 'the time the simulator took').to.be.at.least(300 - TIMER_SLACK_MS);
    expect(response.status).to.equal(200);
    expect(body.status).to.equal('completed');
    expect(body.resources_to_process).to.equal(3);
    expect(body.job_id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('simulator: Prometheus metrics', () => {
  it('parses, uses the real names, and counters only grow', async () => {
    const sim = await startSim('healthy');
    const first = await metrics(sim);
    for (const [name, type] of [
      ['neo_alexandria_request_duration_seconds', 'histogram'],
      ['neo_alexandria_requests_total', 'counter'],
      ['neo_alexandria_ingestion_success_total', 'counter'],
      ['neo_alexandria_ingestion_failure_total', 'counter'],
      ['neo_alexandria_ai_processing_seconds', 'histogram'],
      ['neo_alexandria_database_query_seconds', 'histogram'],
      ['neo_alexandria_active_ingestions', 'gauge'],
      ['neo_alexandria_cache_hits_total', 'counter'],
      ['neo_alexandria_cache_misses_total', 'counter'],
    ]) {
      expect(first.types.get(name), name).to.equal(type);
    }
    const buckets = first.samples.filter((s) => s.name === 'neo_alexandria_request_duration_seconds_bucket');
    expect(buckets).not.to.be.empty;
    for (const bucket of buckets) expect(bucket.labels).to.have.keys(['method', 'endpoint', 'status_code', 'le']);
    const inf = first.sum('neo_alexandria_request_duration_seconds_bucket', (l) => l.le === '+Inf');
    expect(inf).to.equal(first.sum('neo_alexandria_request_duration_seconds_count'));
    expect(first.sum('neo_alexandria_request_duration_seconds_sum')).to.be.above(0);

    await sim.advance(5 * 60_000);
    const second = await metrics(sim);
    expect(second.sum('neo_alexandria_requests_total')).to.be.above(first.sum('neo_alexandria_requests_total'));
    for (const sample of first.samples.filter((s) => s.name.endsWith('_total'))) {
      const later = second.samples.find((s) => s.name === sample.name && JSON.stringify(s.labels) === JSON.stringify(sample.labels));
      expect(later!.value, sample.name).to.be.at.least(sample.value);
    }
  });

  it('the 5xx share rises during an incident', async () => {
    const sim = await startSim('healthy');
    const is5xx = (labels: Record<string, string>) => labels.status_code.startsWith('5');
    const a = await metrics(sim);
    await sim.advance(10 * 60_000);
    const b = await metrics(sim);
    await sim.scenario('incident');
    await sim.advance(10 * 60_000);
    const c = await metrics(sim);
    const share = (from: typeof a, to: typeof a) =>
      (to.sum('neo_alexandria_requests_total', is5xx) - from.sum('neo_alexandria_requests_total', is5xx)) /
      (to.sum('neo_alexandria_requests_total') - from.sum('neo_alexandria_requests_total'));
    expect(share(a, b)).to.be.below(0.05);
    expect(share(b, c)).to.be.above(0.1);
  });
});

describe('simulator: control API', () => {
  it('counts requests per path, without control calls, until reset', async () => {
    const sim = await startSim('healthy');
    await fetch(`${sim.baseUrl}/api/monitoring/health`);
    await fetch(`${sim.baseUrl}/api/monitoring/health`);
    await fetch(`${sim.baseUrl}/api/monitoring/events/history?limit=5`);
    await fetch(`${sim.baseUrl}/api/monitoring/nope`);
    const { serverMs, lastServerMs, ...counts } = await sim.requests();
    expect(counts).to.deep.equal({
      total: 4,
      byPath: { '/api/monitoring/health': 2, '/api/monitoring/events/history': 1, '/api/monitoring/nope': 1 },
    });
    expect(serverMs).to.have.length(4);
    expect(Object.keys(lastServerMs)).to.have.members(Object.keys(counts.byPath));
    await sim.reset();
    expect(await sim.requests()).to.deep.equal({ total: 0, byPath: {}, serverMs: [], lastServerMs: {} });
  });

  it('a latency fault on "/" delays every endpoint, adds to other faults, and hides none', async () => {
    const sim = await startSim('healthy');
    await sim.fault({ path: '/', latencyMs: 80 });
    await sim.fault({ path: '/api/monitoring/cache', kind: 'html-502' });
    expect((await fetch(`${sim.baseUrl}/api/monitoring/health`)).status).to.equal(200);
    expect((await fetch(`${sim.baseUrl}/api/monitoring/cache/stats`)).status).to.equal(502);
    const { serverMs } = await sim.requests();
    expect(serverMs).to.have.length(2);
    for (const ms of serverMs) expect(ms).to.be.at.least(80);
    const faults = (await (await fetch(`${sim.baseUrl}/__sim/faults`)).json()).faults;
    expect(faults.map((f: { hits: number }) => f.hits)).to.deep.equal([2, 1]);
  });

  it('sends Timing-Allow-Origin when configured, so a cross-origin page sees the request phases', async function () {
    if (location.hostname !== 'localhost') this.skip();
    // The same server under another name: a cross-origin backend (an allowed CORS origin).
    const sim = await startSim('healthy', location.origin.replace('localhost', '127.0.0.1'));
    const phasesVisible = async () => {
      performance.clearResourceTimings(); // the buffer (250 entries) is full after the tests above
      const url = `${sim.baseUrl}/api/monitoring/health?probe=${Math.random()}`;
      await (await fetch(url)).text();
      let entry: PerformanceResourceTiming | undefined;
      for (let i = 0; i < 50 && !entry; i++) {
        entry = performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined;
        if (!entry) await new Promise((r) => setTimeout(r, 10));
      }
      return entry!.requestStart > 0;
    };
    expect(await phasesVisible()).to.equal(false);
    await sim.config({ timingAllowOrigin: true });
    expect(await phasesVisible()).to.equal(true);
    const bad = await fetch(`${sim.baseUrl}/__sim/config`, { method: 'POST', body: JSON.stringify({ timingAllowOrigin: 'yes' }) });
    expect(bad.status).to.equal(400);
  });

  it('reports and resets state; instances are isolated', async () => {
    const sim = await startSim('incident');
    const other = await startSim('healthy');
    await sim.fault({ path: '/api/x', kind: 'html-502' });
    await sim.advance(1234);
    const state = await (await fetch(`${sim.baseUrl}/__sim/state`)).json();
    expect(state).to.include({ scenario: 'incident', offsetMs: 1234 });
    expect(state.faults).to.have.length(1);
    expect(state.config).to.deep.equal({ sparseDurationMs: 6000, timingAllowOrigin: false });
    const otherState = await (await fetch(`${other.baseUrl}/__sim/state`)).json();
    expect(otherState).to.include({ scenario: 'healthy', offsetMs: 0 });
    expect(otherState.faults).to.be.empty;
    await sim.reset();
    const reset = await (await fetch(`${sim.baseUrl}/__sim/state`)).json();
    expect(reset).to.include({ scenario: 'healthy', offsetMs: 0 });
    expect(reset.faults).to.be.empty;
  });
});
