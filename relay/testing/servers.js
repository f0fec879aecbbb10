// @ts-check
// Real nginx and Prometheus for the tests and the README's recipes: started in the foreground
// from a config in a temp dir, on loopback ports, and stopped by their own process ids.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port.mjs';
import { requireBinary, waitUntil } from './helpers.js';

/**
 * An nginx config that caches the relay (the README shows the same `location`).
 * @param {{ dir: string, listen: number, relayPort: number }} options
 */
export function nginxConfig({ dir, listen, relayPort }) {
  return `
${typeof process.getuid === 'function' && process.getuid() === 0 ? 'user root;' : ''}
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_temp;
  proxy_temp_path ${dir}/proxy_temp;
  fastcgi_temp_path ${dir}/fastcgi_temp;
  uwsgi_temp_path ${dir}/uwsgi_temp;
  scgi_temp_path ${dir}/scgi_temp;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=pharos_relay:1m max_size=64m inactive=10m use_temp_path=off;
  upstream pharos_relay { server 127.0.0.1:${relayPort}; keepalive 16; }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://pharos_relay;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache pharos_relay;
      # One request to the relay per key while others wait for it, and revalidation by ETag.
      proxy_cache_lock on;
      proxy_cache_lock_timeout 10s;
      proxy_cache_revalidate on;
      proxy_cache_background_update on;
      proxy_cache_use_stale updating error timeout http_502 http_503 http_504;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function launch(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (/** @type {Buffer} */ chunk) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return {
    child,
    output: () => output,
    /** Stops it by its own pid and waits for the exit. */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts Debian's nginx caching in front of a relay.
 * @param {{ relayPort: number }} options
 */
export async function startNginx({ relayPort }) {
  const bin = requireBinary('nginx', 'apt-get install -y --no-install-recommends nginx');
  const dir = mkdtempSync(join(tmpdir(), 'pharos-relay-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig({ dir, listen: port, relayPort }));
  const proc = launch(bin, ['-c', join(dir, 'nginx.conf'), '-p', dir]);
  return whenReady({ name: 'nginx', proc, dir, url: `http://127.0.0.1:${port}`, readyPath: '/relay/health', timeoutMs: 10_000 });
}

/**
 * Starts Prometheus scraping a relay's /metrics every second.
 * @param {{ relayPort: number }} options
 */
export async function startPrometheus({ relayPort }) {
  const bin = process.env.PROMETHEUS_BIN || requireBinary('prometheus', 'apt-get install -y --no-install-recommends prometheus');
  const dir = mkdtempSync(join(tmpdir(), 'pharos-relay-prometheus-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'prometheus.yml'),
    `global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: pharos-relay\n    metrics_path: /metrics\n    static_configs:\n      - targets: ['127.0.0.1:${relayPort}']\n`,
  );
  const proc = launch(bin, [
    `--config.file=${join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${join(dir, 'data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--storage.tsdb.retention.time=1h',
    '--log.level=warn',
  ]);
  return whenReady({ name: 'Prometheus', proc, dir, url: `http://127.0.0.1:${port}`, readyPath: '/-/ready', timeoutMs: 30_000 });
}

/**
 * Waits until a server started by `launch` answers `readyPath` with 2xx, and returns its
 * handle; stops it and removes its folder if it exits or never answers.
 * @param {{ name: string, proc: ReturnType<typeof launch>, dir: string, url: string, readyPath: string, timeoutMs: number }} server
 */
async function whenReady({ name, proc, dir, url, readyPath, timeoutMs }) {
  const stop = async () => {
    await proc.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntil(async () => {
      if (proc.child.exitCode !== null) throw new Error(`${name} exited: ${proc.output()}`);
      return (await fetch(`${url}${readyPath}`)).ok;
    }, timeoutMs, `${name} to answer`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: proc.output, stop };
}
