// @ts-check
// Start-up: flags and environment, and one clear line (and a non-zero exit) for each bad setting.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../lib/config.js';
import { ADMIN_TOKEN, startSimulator, waitUntil } from '../testing/helpers.js';

const BIN = fileURLToPath(new URL('../bin/pharos-relay.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pharos-relay-cli-'));
const goodTokenFile = join(dir, 'good');
const wrongTokenFile = join(dir, 'wrong');
writeFileSync(goodTokenFile, `${ADMIN_TOKEN}\n`);
writeFileSync(wrongTokenFile, 'wrong-token-value\n');

/** @type {Awaited<ReturnType<typeof startSimulator>>} */
let sim;
before(async () => {
  sim = await startSimulator({ scenario: 'auth' });
});
after(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A port nothing listens on. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/**
 * Runs the command to its end.
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 * @returns {Promise<{ code: number | null, stdout: string, stderr: string }>}
 */
function run(args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('settings', () => {
  test('flags, environment variables and defaults', () => {
    const fromFlags = loadConfig(
      ['--backend', 'http://127.0.0.1:8000/', '--token-file', goodTokenFile, '--allow-origin', 'https://wiki.example', '--allow-origin', 'http://localhost:5173', '--port', '9000', '--interval', '15s', '--idle', '10m'],
      {},
    );
    assert.equal(fromFlags.help, false);
    if (fromFlags.help) return;
    assert.equal(fromFlags.config.backend.href, 'http://127.0.0.1:8000/');
    assert.equal(fromFlags.config.token, ADMIN_TOKEN, 'read from the file, newline trimmed');
    assert.deepEqual(fromFlags.config.allowOrigins, ['https://wiki.example', 'http://localhost:5173']);
    assert.equal(fromFlags.config.port, 9000);
    assert.equal(fromFlags.config.intervalMs, 15_000);
    assert.equal(fromFlags.config.idleMs, 600_000);

    const fromEnv = loadConfig([], {
      PHAROS_RELAY_BACKEND: 'https://pharos.example/base',
      PHAROS_RELAY_TOKEN: 'env-token',
      PHAROS_RELAY_ALLOW_ORIGIN: 'https://a.example, https://b.example',
      PHAROS_RELAY_PORT: '8100',
      PHAROS_RELAY_INTERVAL: '1m',
    });
    if (fromEnv.help) return assert.fail();
    assert.equal(fromEnv.config.backend.pathname, '/base');
    assert.equal(fromEnv.config.token, 'env-token');
    assert.deepEqual(fromEnv.config.allowOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(fromEnv.config.port, 8100);
    assert.equal(fromEnv.config.idleMs, 300_000, 'five minutes, at least three intervals');

    const flagWins = loadConfig(['--port', '1234'], { PHAROS_RELAY_BACKEND: 'http://x.example', PHAROS_RELAY_PORT: '4321' });
    if (flagWins.help) return assert.fail();
    assert.equal(flagWins.config.port, 1234);
    assert.equal(flagWins.config.token, null);
    assert.deepEqual(flagWins.config.allowOrigins, []);
  });

  test('bad settings are refused with a message that says what to write', () => {
    /** @param {string[]} args @param {RegExp} message @param {Record<string, string>} [env] */
    const refused = (args, message, env = {}) =>
      assert.throws(() => loadConfig(args, env), (error) => error instanceof ConfigError && message.test(error.message), args.join(' '));
    const backend = ['--backend', 'http://127.0.0.1:8000'];
    refused([], /no backend/);
    refused(['--backend', 'pharos.example'], /not a URL/);
    refused(['--backend', 'ftp://pharos.example'], /http/);
    refused(['--backend', 'https://user:pw@pharos.example'], /credentials/);
    refused([...backend, '--allow-origin', 'wiki.example'], /not a URL/);
    refused([...backend, '--allow-origin', 'https://wiki.example/'], /write it as https:\/\/wiki\.example/);
    refused([...backend, '--allow-origin', 'https://wiki.example/page'], /not an origin/);
    refused([...backend, '--allow-origin', 'file:///etc'], /http:\/\/ or https:\/\//);
    refused([], /not an origin/, { PHAROS_RELAY_BACKEND: 'http://x.example', PHAROS_RELAY_ALLOW_ORIGIN: 'https://ok.example,https://bad.example/x' });
    refused([...backend, '--interval', 'soon'], /duration/);
    refused([...backend, '--interval', '1m', '--idle', '30s'], /at least the interval/);
    refused([...backend, '--port', '70000'], /between 0 and 65535/);
    refused([...backend, '--token-file', join(dir, 'missing')], /cannot read the token file/);
    refused([...backend, '--frobnicate'], /Unknown option/);
    refused(backend, /cannot go into an Authorization header/, { PHAROS_RELAY_TOKEN: 'two words' });
  });
});

describe('the command', () => {
  test('--help', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--backend URL/);
    assert.match(stdout, /\/relay\/health/);
  });

  test('one line and a non-zero exit: unreachable backend, rejected token, malformed origin', async () => {
    const port = await closedPort();
    const cases = [
      { args: ['--backend', `http://127.0.0.1:${port}`], line: /^pharos-relay: cannot reach the backend at http:\/\/127\.0\.0\.1:\d+ \(unreachable\): check --backend$/ },
      { args: ['--backend', sim.url, '--token-file', wrongTokenFile], line: /^pharos-relay: the backend rejects the token \(HTTP 401: Invalid authentication token\): check the token file$/ },
      { args: ['--backend', sim.url, '--allow-origin', 'https://wiki.example/'], line: /^pharos-relay: allowed origin "https:\/\/wiki\.example\/" is not an origin/ },
    ];
    for (const { args, line } of cases) {
      const result = await run([...args, '--port', '0']);
      assert.notEqual(result.code, 0, args.join(' '));
      const lines = result.stderr.trim().split('\n');
      assert.equal(lines.length, 1, result.stderr);
      assert.match(lines[0], line);
      assert.ok(!result.stderr.includes('wrong-token-value'));
    }
  });

  test('a backend that answers HTML is not taken for Pharos', async () => {
    await sim.control('faults', { path: '/api/monitoring/health', kind: 'html-502' });
    const result = await run(['--backend', sim.url, '--port', '0']);
    await sim.control('faults', undefined, 'DELETE');
    assert.equal(result.code, 2);
    assert.match(result.stderr.trim(), /^pharos-relay: the backend at .* answered \/api\/monitoring\/health with HTTP 502 \(text\/html\), not the Pharos API: check --backend$/);
  });

  test('starts with a good configuration, serves, and stops on SIGTERM', async () => {
    const port = await closedPort();
    const child = spawn(process.execPath, [BIN, '--backend', sim.url, '--port', String(port)], {
      env: { PATH: process.env.PATH ?? '', PHAROS_RELAY_TOKEN_FILE: goodTokenFile, PHAROS_RELAY_ALLOW_ORIGIN: 'https://wiki.example' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    try {
      await waitUntil(async () => stdout.includes('Pharos relay on'), 10_000, 'the relay to start');
      assert.match(stdout, /readable by https:\/\/wiki\.example/);
      const response = await fetch(`http://127.0.0.1:${port}/api/monitoring/performance`);
      assert.equal(response.status, 200, 'the token from PHAROS_RELAY_TOKEN_FILE is used');
      assert.equal(response.headers.get('x-pharos-relay'), 'read-only');
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
      assert.ok(!stdout.includes(ADMIN_TOKEN));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
