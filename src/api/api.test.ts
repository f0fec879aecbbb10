import { expect } from '@open-wc/testing';
import { fetchReplaying, fetchReturning, loadSample, SAMPLE_FILES } from '../../test/support/samples.js';
import * as api from './index.js';
import { ErrorKind, PharosError } from './errors.js';

type Call = (config: api.ClientConfig) => Promise<unknown>;

/** How each real sample is requested through the client. */
const CALLS: Record<(typeof SAMPLE_FILES)[number], Call> = {
  ingestion_health: (c) => api.getIngestionHealth(c),
  ingestion_health_worker: (c) => api.getWorkerHealth(c),
  ingestion_heartbeat_post: (c) => api.postWorkerHeartbeat(c, { workerId: 'edge-box-3f9a1c2e' }),
  ingestion_ingest_invalid_url: (c) => api.ingestRepository(c, 'foo;rm -rf'),
  ingestion_ingest_no_token: (c) => api.ingestRepository(c, 'github.com/user/repo'),
  ingestion_ingest_with_token: (c) => api.ingestRepository(c, 'github.com/user/repo'),
  ingestion_jobs_history: (c) => api.getJobHistory(c, 10),
  ingestion_worker_status: (c) => api.getLegacyWorkerStatus(c),
  monitoring_cache_stats: (c) => api.getCacheStats(c),
  monitoring_database: (c) => api.getDatabase(c),
  monitoring_db_pool: (c) => api.getDbPool(c),
  monitoring_events: (c) => api.getEvents(c),
  monitoring_events_history: (c) => api.getEventHistory(c, 100),
  monitoring_health: (c) => api.getHealth(c),
  monitoring_health_ml: (c) => api.getMlHealth(c),
  monitoring_health_module_search: (c) => api.getModuleHealth(c, 'search'),
  monitoring_model_health: (c) => api.getModelHealth(c),
  monitoring_performance: (c) => api.getPerformance(c),
  monitoring_recommendation_quality: (c) => api.getRecommendationQuality(c, 7),
  monitoring_user_engagement: (c) => api.getUserEngagement(c, 7),
  monitoring_workers_status: (c) => api.getWorkersStatus(c),
  root_health: (c) => api.getRootHealth(c),
  sparse_generate_empty_object: (c) => api.generateSparseEmbeddings(c, {}),
  sparse_generate_no_body: (c) => api.requestJson(c, { method: 'POST', path: '/api/search/admin/sparse-embeddings/generate' }),
  sparse_generate_with_body: (c) => api.generateSparseEmbeddings(c, { batchSize: 8 }),
};

/** Samples that are real failures, and the error kind each must become. */
const FAILURES: Partial<Record<(typeof SAMPLE_FILES)[number], api.ErrorKind>> = {
  ingestion_ingest_invalid_url: ErrorKind.http,
  ingestion_ingest_no_token: ErrorKind.auth,
  monitoring_model_health: ErrorKind.http,
  monitoring_workers_status: ErrorKind.backend,
  sparse_generate_no_body: ErrorKind.http,
};

async function failure(promise: Promise<unknown>): Promise<PharosError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PharosError);
    return error as PharosError;
  }
  throw new Error('expected the call to fail');
}

function expectReadable(error: PharosError) {
  expect(error.message).to.be.a('string').and.have.length.above(20);
  expect(error.message).not.to.match(/undefined|NaN|\[object Object\]/);
}

describe('API client on every real sample', () => {
  for (const name of SAMPLE_FILES) {
    it(`reads ${name}`, async () => {
      const sample = await loadSample(name);
      const config = { baseUrl: 'https://pharos.test', fetch: fetchReplaying(sample) };
      const expectedKind = FAILURES[name];
      if (expectedKind) {
        const error = await failure(CALLS[name](config));
        expect(error.kind).to.equal(expectedKind);
        expect(error.status).to.equal(sample.status);
        expectReadable(error);
      } else {
        expect(await CALLS[name](config)).to.be.an('object');
      }
    });
  }
});

describe('API client models', () => {
  const replay = async (name: string) => ({ baseUrl: 'https://pharos.test', fetch: fetchReplaying(await loadSample(name)) });

  it('reads zone-less timestamps as UTC and orders components', async () => {
    const report = await api.getHealth(await replay('monitoring_health'));
    expect(report.timestamp?.toISOString()).to.equal('2026-11-22T10:23:18.949Z');
    expect(report.status).to.equal('degraded');
    expect(report.components.map((c) => c.name)).to.deep.equal(['database', 'redis', 'celery', 'ncf_model', 'api']);
    expect(report.components[2]!.workerCount).to.equal(0);
    expect(report.components[3]!.status).to.equal('not_applicable');
    expect(report.modules).to.equal(null);
  });

  it('makes every ratio a fraction', async () => {
    const db = await api.getDatabase(await replay('monitoring_database'));
    expect(db.pool.usage).to.be.closeTo(0.1333, 1e-6);
    expect(db.pool.overflow).to.equal(-2);
    const pool = await api.getDbPool(await replay('monitoring_db_pool'));
    expect(pool.utilization).to.be.closeTo(0.0333, 1e-6);
    expect(pool.maxConnections).to.equal(60);
  });

  it('keeps not_applicable as its own state with the reason', async () => {
    const ml = await api.getMlHealth(await replay('monitoring_health_ml'));
    expect(api.isNotApplicable(ml)).to.equal(true);
    expect((ml as api.NotApplicable).reason).to.contain('removed');
    const quality = await api.getRecommendationQuality(await replay('monitoring_recommendation_quality'), 7);
    expect(api.isNotApplicable(quality)).to.equal(true);
  });

  it('surfaces a 200 with status "error" as a backend failure with its message', async () => {
    const error = await failure(api.getWorkersStatus(await replay('monitoring_workers_status')));
    expect(error.kind).to.equal('backend');
    expect(error.message).to.contain('Could not connect to Celery workers');
    expect(error.message).to.contain("No module named 'celery'");
  });

  it('reads the job history with empty timestamps as unknown', async () => {
    const history = await api.getJobHistory(await replay('ingestion_jobs_history'), 10);
    expect(history.jobs).to.have.length(3);
    expect(history.jobs[0]!.timestamp).to.equal(null);
    expect(history.jobs[0]!.ageSeconds).to.equal(null);
    expect(history.jobs[0]!.status).to.equal('pending');
    expect(history.mayBeTruncated).to.equal(false);
  });

  it('reads the worker heartbeat', async () => {
    const worker = await api.getWorkerHealth(await replay('ingestion_health_worker'));
    expect(worker.state).to.equal('online');
    expect(worker.lastSeen?.getTime()).to.be.closeTo(1795342998034, 1);
    expect(worker.meta?.workerId).to.equal('edge-box-3f9a1c2e');
    expect(worker.meta?.lastSeen?.toISOString()).to.equal('2026-11-22T10:23:18.034Z');
  });

  it('maps ingestion services, including "not configured"', async () => {
    const health = await api.getIngestionHealth(await replay('ingestion_health'));
    expect(health.services.map((s) => s.state)).to.deep.equal(['healthy', 'healthy', 'not-configured']);
  });

  it('reads an unhealthy ingestion health 503 as a normal answer', async () => {
    const body = JSON.stringify({ status: 'unhealthy', services: { redis: 'unhealthy: connection refused', database: 'healthy', qdrant: 'not configured' } });
    const health = await api.getIngestionHealth({ baseUrl: '', fetch: fetchReturning(503, body) });
    expect(health.status).to.equal('unhealthy');
    expect(health.services[0]).to.deep.equal({ name: 'redis', state: 'unhealthy', message: 'unhealthy: connection refused' });
  });

  it('maps unknown job statuses to unknown and keeps the raw text', async () => {
    const body = JSON.stringify({ jobs: [{ repo_url: 'github.com/a/b', status: 'exploded', duration_seconds: null, files_processed: null, embeddings_generated: null, timestamp: '', error: null, reason: null, age_seconds: null }] });
    const history = await api.getJobHistory({ baseUrl: '', fetch: fetchReturning(200, body) }, 1);
    expect(history.jobs[0]!.status).to.equal('unknown');
    expect(history.jobs[0]!.rawStatus).to.equal('exploded');
    expect(history.mayBeTruncated).to.equal(true);
  });
});

describe('API client errors', () => {
  const config = (status: number, body: string, headers?: Record<string, string>) => ({
    baseUrl: 'https://pharos.test',
    token: 'secret-token-123',
    fetch: fetchReturning(status, body, headers),
  });

  it('names the missing field of a broken body', async () => {
    const sample = await loadSample('monitoring_health');
    const body = structuredClone(sample.body) as { components: { redis: { status?: string } } };
    delete (body.components as Record<string, unknown>).redis;
    (body as Record<string, unknown>).components = { database: 'oops' };
    const error = await failure(api.getHealth(config(200, JSON.stringify(body))));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('components.database');
    expectReadable(error);
  });

  it('reports a missing metrics field by path', async () => {
    const sample = await loadSample('monitoring_cache_stats');
    const body = structuredClone(sample.body) as { cache_stats: Record<string, unknown> };
    delete body.cache_stats.hits;
    const error = await failure(api.getCacheStats(config(200, JSON.stringify(body))));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('cache_stats.hits');
    expect(error.message).to.contain('missing');
  });

  it('turns an HTML 200 into invalid-response', async () => {
    const error = await failure(api.getHealth(config(200, '<!doctype html><h1>Welcome</h1>', { 'content-type': 'text/html' })));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('HTML page');
  });

  it('turns an HTML 502 gateway page into an http error that says so', async () => {
    const error = await failure(api.getHealth(config(502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' })));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(502);
    expect(error.message).to.contain('HTML page');
    expectReadable(error);
  });

  it('reports malformed JSON', async () => {
    const error = await failure(api.getHealth(config(200, '{"status": "ok", "compo')));
    expect(error.kind).to.equal('invalid-response');
    expect(error.message).to.contain('malformed JSON');
  });

  for (const [status, detail, kind] of [
    [401, 'Not authenticated', 'auth'],
    [401, 'Invalid authentication token', 'auth'],
    [403, 'Not authenticated', 'auth'],
    [500, 'Internal server error', 'http'],
  ] as const) {
    it(`maps ${status} "${detail}" to ${kind}`, async () => {
      const error = await failure(api.getPerformance(config(status, JSON.stringify({ detail }))));
      expect(error.kind).to.equal(kind);
      expect(error.message).to.contain(detail);
      expect(error.message).not.to.contain('secret-token-123');
      expectReadable(error);
    });
  }

  it('turns a 422 list into readable text', async () => {
    const sample = await loadSample('sparse_generate_no_body');
    const error = await failure(api.requestJson(config(422, JSON.stringify(sample.body)), { method: 'POST', path: '/x' }));
    expect(error.kind).to.equal('http');
    expect(error.message).to.contain('body: Field required');
  });

  it('honours Retry-After on 429', async () => {
    const error = await failure(api.ingestRepository(config(429, JSON.stringify({ detail: 'Queue full' }), { 'content-type': 'application/json', 'retry-after': '30' }), 'github.com/a/b'));
    expect(error.kind).to.equal('rate-limited');
    expect(error.retryAfterMs).to.equal(30_000);
    expect(error.message).to.contain('30 s');
  });

  it('reads the edge-worker-offline 503 detail', async () => {
    const detail = { error: 'System Degraded: Edge Worker Offline', context: 'ingest', last_seen_seconds_ago: 720, threshold_seconds: 300 };
    const error = await failure(api.ingestRepository(config(503, JSON.stringify({ detail })), 'github.com/a/b'));
    expect(error.kind).to.equal('unavailable');
    expect(error.edgeWorkerOffline).to.deep.equal({ lastSeenSecondsAgo: 720, thresholdSeconds: 300 });
    expect(error.message).to.contain('12 min');
    expect(error.message).to.contain('Nothing was queued');
  });

  it('reports a queue-unavailable 503 with its detail', async () => {
    const error = await failure(api.ingestRepository(config(503, JSON.stringify({ detail: 'Queue unavailable: redis down' })), 'github.com/a/b'));
    expect(error.kind).to.equal('unavailable');
    expect(error.message).to.contain('Queue unavailable: redis down');
  });

  it('explains a network failure (what a browser shows for a CORS-less 401)', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const error = await failure(api.getPerformance({ baseUrl: 'https://pharos.test', token: 'secret-token-123', fetch: failing }));
    expect(error.kind).to.equal('network');
    expect(error.message).to.contain('base URL');
    expect(error.message).to.contain('token');
    expect(error.message).to.contain('CORS');
    expect(error.message).to.contain('https://pharos.test');
    expect(error.message).not.to.contain('secret-token-123');
  });

  it('times out with a timeout error', async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const error = await failure(api.getHealth({ baseUrl: '', fetch: hanging, timeoutMs: 30 }));
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.contain('did not answer within');
  });

  it('rejects with the abort reason, not a PharosError, when the caller aborts', async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch;
    const controller = new AbortController();
    const promise = api.getHealth({ baseUrl: '', fetch: hanging }, { signal: controller.signal });
    controller.abort();
    try {
      await promise;
      throw new Error('expected an abort');
    } catch (error) {
      expect(error).not.to.be.instanceOf(PharosError);
      expect(api.isAbortError(error)).to.equal(true);
    }
  });

  it('sends the token only as a header, from a string or an async provider', async () => {
    const fetch1 = fetchReturning(200, JSON.stringify({ status: 'healthy', service: 'pharos-api' }));
    await api.getRootHealth({ baseUrl: 'https://pharos.test/', token: async () => 'tok-1', fetch: fetch1 });
    expect(fetch1.calls[0]!.url).to.equal('https://pharos.test/health');
    expect((fetch1.calls[0]!.init!.headers as Record<string, string>).Authorization).to.equal('Bearer tok-1');
    const fetch2 = fetchReturning(200, JSON.stringify({ status: 'healthy', service: 'pharos-api' }));
    await api.getRootHealth({ baseUrl: '', token: null, fetch: fetch2 });
    expect((fetch2.calls[0]!.init!.headers as Record<string, string>).Authorization).to.equal(undefined);
  });

  it('keeps the repository URL in the path with its slashes', async () => {
    const sample = await loadSample('ingestion_ingest_with_token');
    const f = fetchReplaying(sample);
    const result = await api.ingestRepository({ baseUrl: 'https://pharos.test', fetch: f }, 'https://github.com/user/repo');
    expect(f.calls[0]!.url).to.equal('https://pharos.test/api/v1/ingestion/ingest/https%3A//github.com/user/repo');
    expect(f.calls[0]!.init!.method).to.equal('POST');
    expect(result).to.include({ jobId: 126870888, queuePosition: 4, maxQueueSize: 10 });
  });

  it('sends a JSON body for sparse generation', async () => {
    const f = fetchReplaying(await loadSample('sparse_generate_with_body'));
    const result = await api.generateSparseEmbeddings({ baseUrl: '', fetch: f }, { resourceIds: ['a', 'b'], batchSize: 8 });
    expect(JSON.parse(f.calls[0]!.init!.body as string)).to.deep.equal({ resource_ids: ['a', 'b'], batch_size: 8 });
    expect(result.resourcesToProcess).to.equal(2);
  });
});

describe('checkRepoUrl', () => {
  for (const ok of ['github.com/user/repo', 'https://github.com/user/repo', 'git://gitlab.com/a/b', 'http://example.org:8080/x']) {
    it(`accepts ${ok}`, () => expect(api.checkRepoUrl(ok).ok).to.equal(true));
  }
  for (const [bad, words] of [
    ['', 'Enter a repository URL'],
    ['github.com/user/repo;rm', '“;”'],
    ['github.com/$(x)', '“$”'],
    ['github.com/../etc', '“..”'],
    ['github.com/a\nb', 'line break'],
    ['file:///etc/passwd', 'file: URLs'],
    ['javascript:alert(1)', 'javascript: URLs'],
    ['github.com/data:x', 'data: URLs'],
    ['ftp://github.com/a', 'scheme “ftp”'],
    ['-bad-.example/repo', 'not a valid domain'],
    ['x'.repeat(2049), 'limit is 2048'],
  ] as const) {
    it(`rejects ${JSON.stringify(bad.slice(0, 30))} saying why`, () => {
      const result = api.checkRepoUrl(bad);
      expect(result.ok).to.equal(false);
      expect((result as { reason: string }).reason).to.contain(words);
    });
  }
});
