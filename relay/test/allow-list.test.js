// @ts-check
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROUTES, backendUrl, matchRequest } from '../lib/allow-list.js';
import { EVERY_READ } from '../testing/helpers.js';

const BACKEND = new URL('http://127.0.0.1:8000/');

test('every endpoint the elements read is allowed, in canonical form', () => {
  // Every read, and the same reads with other parameters in bounds.
  const allowed = [...EVERY_READ, '/api/monitoring/health/module/pdf_ingestion', '/api/monitoring/user-engagement?time_window_days=90'];
  for (const target of allowed) {
    const match = matchRequest(target);
    assert.ok(match, target);
    assert.equal(match.key, target);
  }
  // Every route of the table is exercised above.
  assert.equal(new Set(allowed.map((t) => matchRequest(t)?.route.name)).size, ROUTES.length);
});

test('query parameters are checked against the backend bounds and re-serialised', () => {
  assert.equal(matchRequest('/api/monitoring/events/history?limit=0'), null);
  assert.equal(matchRequest('/api/monitoring/events/history?limit=1001'), null);
  assert.equal(matchRequest('/api/monitoring/events/history?limit=1')?.key, '/api/monitoring/events/history?limit=1');
  assert.equal(matchRequest('/api/monitoring/events/history?limit=0100')?.key, '/api/monitoring/events/history?limit=100');
  assert.equal(matchRequest('/api/monitoring/user-engagement?time_window_days=91'), null);
  assert.equal(matchRequest('/api/monitoring/user-engagement?time_window_days=-1'), null);
  assert.equal(matchRequest('/api/monitoring/user-engagement?time_window_days=1.5'), null);
  assert.equal(matchRequest('/api/monitoring/user-engagement?time_window_days=7&time_window_days=8'), null, 'duplicates');
  assert.equal(matchRequest('/api/monitoring/user-engagement?time_window_days=7&x=1'), null, 'unknown parameter');
  assert.equal(matchRequest('/api/monitoring/health?limit=1'), null, 'parameter on an endpoint without any');
  assert.equal(matchRequest('/api/v1/ingestion/jobs/history?limit=%31'), null, 'encoded digits');
  assert.equal(matchRequest('/api/v1/ingestion/jobs/history?limit=1%26admin=1'), null);
  assert.equal(matchRequest('/api/v1/ingestion/jobs/history?limit=1#x'), null);
  assert.equal(matchRequest('/api/monitoring/health?')?.key, '/api/monitoring/health', 'an empty query is no query');
});

test('never an open proxy: traversal, encodings, doubled slashes, other hosts', () => {
  const refused = [
    '/api/monitoring/health/../../admin',
    '/api/monitoring/health/module/..',
    '/api/monitoring/health/module/.',
    '/api/monitoring/%2e%2e/health',
    '/api/monitoring/health/module/%2e%2e',
    '/api/monitoring/health/module/..%2f..%2fsearch%2fadmin',
    '/api/monitoring/health/module/a%2fb',
    '/api/monitoring/health/module/a%2Fb',
    '/api/monitoring/health/module/a%5cb',
    '/api/monitoring/health/module/a\\b',
    '/api/monitoring//health',
    '//api/monitoring/health',
    '//evil.example/api/monitoring/health',
    'http://evil.example/api/monitoring/health',
    'https://evil.example/api/monitoring/health',
    '*',
    '/api/monitoring/health/',
    '/API/monitoring/health',
    '/api/monitoring/health;x=1',
    '/api/monitoring/health/module/a b',
    '/api/monitoring/health/module/a%0d%0aHost:%20evil',
    '/api/monitoring/health\r\nHost: evil',
    '/api/monitoring/health/module/' + 'a'.repeat(65),
    '/api/search/admin/sparse-embeddings/generate',
    '/api/v1/ingestion/ingest/github.com/a/b',
    '/metrics',
    '/__sim/state',
    '/api/monitoring/health@evil.example',
    '/api/monitoring/health/module/x@evil.example',
    '',
  ];
  for (const target of refused) assert.equal(matchRequest(target), null, JSON.stringify(target));
});

test('the backend URL is the configured base plus the canonical path, never another origin', () => {
  const match = matchRequest('/api/monitoring/health/module/search');
  assert.ok(match);
  assert.equal(backendUrl(BACKEND, match), 'http://127.0.0.1:8000/api/monitoring/health/module/search');
  // A base with a path prefix (a simulator hub instance, a backend under a sub-path).
  assert.equal(backendUrl(new URL('http://127.0.0.1:8000/sim/x/'), match), 'http://127.0.0.1:8000/sim/x/api/monitoring/health/module/search');
  const query = matchRequest('/api/v1/ingestion/jobs/history?limit=5');
  assert.ok(query);
  assert.equal(backendUrl(BACKEND, query), 'http://127.0.0.1:8000/api/v1/ingestion/jobs/history?limit=5');
  // Even a hand-made request that slipped past the matcher cannot leave the origin.
  const forged = { ...match, path: '//evil.example/x' };
  assert.notEqual(new URL(backendUrl(BACKEND, forged)).host, 'evil.example');
});
