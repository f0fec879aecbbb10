// @ts-check
// A @web/test-runner plugin that gives browser tests a real Prometheus scraping the real
// standalone simulator: GET /__prometheus/info starts them on first use (installing Debian's
// `prometheus` package when missing and running as root) and answers
//   { available: true, url, simUrl }      or      { available: false, reason }.
// Prometheus runs on loopback with --web.cors.origin, so test pages query it directly.
// Both processes are killed when the server stops, and on any exit of the test runner.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port.mjs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INFO_PATH = '/__prometheus/info';

/** @param {string} name @returns {string | null} */
function which(name) {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : null;
}

/**
 * Finds `prometheus`, installing it with apt-get when possible.
 * @returns {{ path: string } | { reason: string }}
 */
function ensurePrometheus() {
  const existing = process.env.PROMETHEUS_BIN || which('prometheus') || (existsSync('/usr/bin/prometheus') ? '/usr/bin/prometheus' : null);
  if (existing) return { path: existing };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return { reason: 'prometheus is not installed and this is not root, so it cannot be installed (apt-get install prometheus, or set PROMETHEUS_BIN)' };
  }
  if (!which('apt-get')) return { reason: 'prometheus is not installed and apt-get is not available (set PROMETHEUS_BIN)' };
  console.log('[prometheus-plugin] installing Debian prometheus (apt-get install -y prometheus)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'prometheus'], { encoding: 'utf8', env });
  let result = install();
  if (result.status !== 0) {
    spawnSync('apt-get', ['update'], { encoding: 'utf8', env });
    result = install();
  }
  const path = which('prometheus') || (existsSync('/usr/bin/prometheus') ? '/usr/bin/prometheus' : null);
  if (path) return { path };
  return { reason: `apt-get could not install prometheus: ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' ')}` };
}

/**
 * @param {string} url
 * @param {(response: Response) => Promise<boolean>} ok
 * @param {number} timeoutMs
 */
async function waitFor(url, ok, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (await ok(response)) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}

/**
 * @param {{ rootDir: string, scrapeInterval?: string }} options
 */
export function prometheusPlugin({ rootDir, scrapeInterval = '1s' }) {
  /** @type {import('node:child_process').ChildProcess[]} */
  const children = [];
  /** @type {string | null} */
  let workDir = null;
  /** @type {Promise<object> | null} */
  let started = null;
  let stopping = false;

  const killAll = () => {
    for (const child of children.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    if (workDir) {
      rmSync(workDir, { recursive: true, force: true });
      workDir = null;
    }
  };
  // However the runner ends, leave no process behind: it stops the server (serverStop) on
  // Ctrl-C and on failures, then exits ('exit'); SIGTERM/SIGHUP would end it without either.
  process.once('exit', killAll);
  for (const signal of /** @type {const} */ (['SIGTERM', 'SIGHUP'])) {
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }

  /**
   * @param {string} command
   * @param {string[]} args
   * @param {string} label
   */
  const launch = (command, args, label) => {
    const child = spawn(command, args, { cwd: rootDir, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    // Last resort if the runner is killed outright (SIGKILL): a watchdog ends the child once
    // the runner is gone, and ends itself when the child is.
    if (child.pid) {
      spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${child.pid} 2>/dev/null; do sleep 1; done; kill -9 ${child.pid} 2>/dev/null`], {
        stdio: 'ignore',
        detached: true,
      }).unref();
    }
    let output = '';
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('exit', (code, signal) => {
      if (!stopping && children.includes(child)) console.error(`[prometheus-plugin] ${label} exited early (${signal ?? code}): ${output.slice(-800)}`);
    });
    return child;
  };

  async function start() {
    const found = ensurePrometheus();
    if ('reason' in found) {
      console.warn(`[prometheus-plugin] SKIPPING the real-Prometheus test: ${found.reason}`);
      return { available: false, reason: found.reason };
    }
    try {
      workDir = mkdtempSync(join(tmpdir(), 'pharos-prometheus-'));
      const [simPort, promPort] = [await freePort(), await freePort()];
      launch(process.execPath, ['sim/cli.js', '--port', String(simPort), '--host', '127.0.0.1', '--scenario', 'healthy'], 'simulator');
      const simUrl = `http://127.0.0.1:${simPort}`;
      await waitFor(`${simUrl}/metrics`, async (r) => r.ok && (await r.text()).includes('neo_alexandria_requests_total'), 15_000);
      const configFile = join(workDir, 'prometheus.yml');
      writeFileSync(
        configFile,
        [
          'global:',
          `  scrape_interval: ${scrapeInterval}`,
          `  evaluation_interval: ${scrapeInterval}`,
          'scrape_configs:',
          '  - job_name: pharos-simulator',
          '    metrics_path: /metrics',
          '    static_configs:',
          `      - targets: ['127.0.0.1:${simPort}']`,
          '',
        ].join('\n'),
      );
      launch(
        found.path,
        [
          `--config.file=${configFile}`,
          `--storage.tsdb.path=${join(workDir, 'data')}`,
          `--web.listen-address=127.0.0.1:${promPort}`,
          '--web.cors.origin=.*',
          '--storage.tsdb.retention.time=1h',
          '--log.level=warn',
        ],
        'prometheus',
      );
      const url = `http://127.0.0.1:${promPort}`;
      await waitFor(`${url}/-/ready`, async (r) => r.ok, 30_000);
      console.log(`[prometheus-plugin] Prometheus on ${url} scraping the simulator on ${simUrl} every ${scrapeInterval}`);
      return { available: true, url, simUrl };
    } catch (error) {
      killAll();
      // Installed but not startable: that is a failure to report, not a reason to skip.
      return { available: false, failed: true, reason: `could not start Prometheus: ${error instanceof Error ? error.message : error}` };
    }
  }

  return {
    name: 'prometheus',
    /** @param {{ path: string }} context */
    async serve(context) {
      if (context.path !== INFO_PATH) return undefined;
      started ??= start();
      return { body: JSON.stringify(await started), type: 'json' };
    },
    async serverStop() {
      // Politely first (Prometheus closes its database), then for sure.
      stopping = true;
      const running = children.filter((c) => c.exitCode === null && c.signalCode === null);
      await Promise.all(
        running.map(
          (child) =>
            new Promise((resolve) => {
              const timer = setTimeout(resolve, 5_000);
              child.once('exit', () => {
                clearTimeout(timer);
                resolve(undefined);
              });
              child.kill('SIGTERM');
            }),
        ),
      );
      killAll();
    },
  };
}
