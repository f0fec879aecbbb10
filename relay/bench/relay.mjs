#!/usr/bin/env node
// @ts-check
// npm run bench:relay [-- --connections 500 --duration 60 --interval 25]
// N simulated readers (autocannon) read the whole dashboard's endpoints through the relay in
// front of the simulator. Prints: backend requests against those of one reader (target at
// most 1.05), the relay's throughput and p50/p99 next to a floor measured in the same run (a
// bare Fastify route answering the same bytes from memory), and the relay's memory before and
// after. Each server runs in its own process; the load generator in this one.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort } from '../../scripts/free-port.mjs';
import { EVERY_READ } from '../testing/helpers.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '500' },
    duration: { type: 'string', default: '60' },
    // 25 s rather than the default 30 s, so that no poll falls on the edge of a 60 s window.
    interval: { type: 'string', default: '25' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log('Usage: npm run bench:relay -- [--connections 500] [--duration 60] [--interval 25]   (seconds)');
  process.exit(0);
}
const connections = Number(values.connections);
const duration = Number(values.duration);
const interval = Number(values.interval);
if (!(connections >= 1 && duration >= 1 && duration <= 600 && interval >= 1)) {
  console.error('--connections must be >= 1, --duration 1 to 600 s, --interval >= 1 s');
  process.exit(2);
}

const TOKEN = 'dev-admin-token';
const ORIGIN = 'http://wiki.example';
/** What the whole dashboard reads: every read but the root `/health`, with two module probes. */
const PATHS = [...EVERY_READ.filter((path) => path !== '/health'), '/api/monitoring/health/module/graph'];
const here = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pharos-relay-bench-'));
/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

/**
 * Starts a server process and waits for its ready line.
 * @param {string[]} args
 * @param {string} ready
 * @param {Record<string, string>} [env]
 */
async function start(args, ready, env = {}) {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  let output = '';
  await new Promise((resolve, reject) => {
    const hear = (/** @type {Buffer} */ chunk) => {
      output += chunk;
      if (output.includes(ready)) resolve(undefined);
    };
    child.stdout?.on('data', hear);
    child.stderr?.on('data', hear);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}): ${output}`)));
  });
  return child;
}

/** @param {import('node:child_process').ChildProcess} child */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** @param {string} url */
async function backendCount(url) {
  const state = await fetch(`${url}/__sim/requests`).then((r) => r.json());
  return /** @type {number} */ (state.total);
}

/**
 * A process's resident memory, from the kernel (asking the relay's /metrics would start
 * polling the figures' sources, and so change the backend count being measured).
 * @param {import('node:child_process').ChildProcess} child
 */
function residentBytes(child) {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? NaN) * 1024;
}

/**
 * @param {string} url
 * @param {number} conns
 * @param {Partial<autocannon.Options>} [extra]
 */
function load(url, conns, extra = {}) {
  return autocannon({
    url,
    connections: conns,
    duration,
    headers: { origin: ORIGIN },
    requests: PATHS.map((path) => ({ method: 'GET', path })),
    ...extra,
  });
}

/** A relay on a free port in front of the simulator. @param {string} simUrl */
async function startRelay(simUrl) {
  const port = await freePort();
  const child = await start(
    [here('../bin/pharos-relay.js'), '--backend', simUrl, '--port', String(port), '--interval', `${interval}s`, '--allow-origin', ORIGIN, '--log-level', 'warn'],
    'Pharos relay on',
    { PHAROS_RELAY_TOKEN: TOKEN },
  );
  return { child, url: `http://127.0.0.1:${port}` };
}

const mb = (/** @type {number} */ bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const fmt = (/** @type {number} */ n) => Math.round(n).toLocaleString('en-US');

console.log(`Relay benchmark: ${connections} readers for ${duration} s, ${PATHS.length} endpoints each (the whole dashboard), relay poll interval ${interval} s, ${cpus().length} cores`);

const simPort = await freePort();
await start([here('../../sim/cli.js'), '--port', String(simPort), '--scenario', 'healthy'], 'Pharos simulator on');
const simUrl = `http://127.0.0.1:${simPort}`;

// The floor serves the bytes the backend answers, captured once.
/** @type {Record<string, string>} */
const bodies = {};
for (const path of PATHS) {
  const body = Buffer.from(await fetch(`${simUrl}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.arrayBuffer()));
  bodies[path] = body.toString('base64');
}
writeFileSync(join(dir, 'bodies.json'), JSON.stringify(bodies));
const floorPort = await freePort();
const floor = await start([here('floor.mjs'), join(dir, 'bodies.json'), String(floorPort)], 'floor ready');

// 1. The floor, and meanwhile one reader (5 requests a second, next to no CPU) through a relay.
const single = await startRelay(simUrl);
await fetch(`${simUrl}/__sim/requests`, { method: 'DELETE' });
const [floorResult] = await Promise.all([
  load(`http://127.0.0.1:${floorPort}`, connections),
  load(single.url, 1, { overallRate: 5 }),
]);
const oneReaderBackend = await backendCount(simUrl);
await stop(single.child);
await stop(floor);

// 2. N readers through a fresh relay.
const relay = await startRelay(simUrl);
const before = residentBytes(relay.child);
await fetch(`${simUrl}/__sim/requests`, { method: 'DELETE' });
const relayResult = await load(relay.url, connections);
const manyBackend = await backendCount(simUrl);
const after = residentBytes(relay.child);
await stop(relay.child);

const ratio = manyBackend / oneReaderBackend;
const row = (/** @type {string} */ name, /** @type {autocannon.Result} */ r) =>
  `  ${name.padEnd(6)} ${fmt(r.requests.average).padStart(8)} req/s   p50 ${String(r.latency.p50).padStart(3)} ms   p99 ${String(r.latency.p99).padStart(3)} ms   ${fmt(r.requests.total)} requests, ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`;
console.log('');
console.log(`Backend requests: ${manyBackend} for ${connections} readers, ${oneReaderBackend} for one reader: ratio ${ratio.toFixed(3)} (target <= 1.05) ${ratio <= 1.05 ? 'OK' : 'MISSED'}`);
console.log('Throughput and latency (same machine, same run):');
console.log(row('relay', relayResult));
console.log(row('floor', floorResult));
const share = relayResult.requests.average / floorResult.requests.average;
console.log(`  relay/floor throughput ${(share * 100).toFixed(0)} % (aim >= 50 %) ${share >= 0.5 ? 'OK' : 'MISSED'}; relay p99 ${relayResult.latency.p99} ms (aim < 25 ms) ${relayResult.latency.p99 < 25 ? 'OK' : 'MISSED'}`);
console.log(`Relay memory (resident): ${mb(before)} before, ${mb(after)} after`);
process.exit(0);
