// @ts-check
// A real Alertmanager (Debian's prometheus-alertmanager) for the alerting tests: started in
// the foreground on a loopback port from a config in a temp dir, gossip off, stopped by its
// own process id. It can be stopped and started again on the same port and storage (the
// silences survive, as in production).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/free-port.mjs';
import { requireBinary, waitUntil } from './helpers.js';

/** The smallest config Alertmanager starts with: every alert to one receiver that does nothing. */
export const MINIMAL_CONFIG = `route:
  receiver: pharos-default
receivers:
  - name: pharos-default
`;

/** @param {{ config?: string }} [options] */
export async function startAlertmanager(options = {}) {
  const binary = requireBinary('prometheus-alertmanager', 'apt-get install -y --no-install-recommends prometheus-alertmanager');
  const dir = mkdtempSync(join(tmpdir(), 'pharos-am-'));
  writeFileSync(join(dir, 'alertmanager.yml'), options.config ?? MINIMAL_CONFIG);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  /** @type {import('node:child_process').ChildProcess | null} */
  let child = null;
  let output = '';

  async function start() {
    const proc = spawn(
      binary,
      [`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=', '--log.level=warn'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    const keep = (/** @type {Buffer} */ chunk) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    await waitUntil(async () => {
      if (proc.exitCode !== null) throw new Error(`Alertmanager exited: ${output}`);
      return (await fetch(`${url}/-/ready`)).ok;
    }, 15_000, 'Alertmanager ready');
  }

  async function stop() {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  await start();
  return {
    url,
    start,
    stop,
    output: () => output,
    /** Alertmanager's active alerts with `service="pharos"`. @returns {Promise<any[]>} */
    async alerts() {
      const response = await fetch(`${url}/api/v2/alerts?filter=${encodeURIComponent('service="pharos"')}`);
      if (!response.ok) throw new Error(`GET alerts: HTTP ${response.status}`);
      return /** @type {any[]} */ (await response.json());
    },
    /** Creates a silence through Alertmanager's API; returns its id. @param {object} silence */
    async silence(silence) {
      const response = await fetch(`${url}/api/v2/silences`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(silence) });
      if (!response.ok) throw new Error(`POST silence: HTTP ${response.status} ${await response.text()}`);
      return /** @type {{ silenceID: string }} */ (await response.json()).silenceID;
    },
    /** Stops it and removes its files. */
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
