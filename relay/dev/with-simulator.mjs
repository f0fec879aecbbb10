#!/usr/bin/env node
// @ts-check
// `npm run relay` in this repository: the relay in front of the built-in simulator (started on
// a free loopback port), or, given --backend, in front of any backend. Not part of the package.
//   npm run relay                               simulator (healthy) + relay on 127.0.0.1:8787
//   npm run relay -- --scenario incident        another simulator scenario
//   npm run relay -- --backend URL --token-file F --allow-origin ORIGIN ...
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/free-port.mjs';

const relayDir = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${relayDir}/node_modules/fastify`)) {
  console.error('The relay\'s dependencies are not installed: npm ci --prefix relay');
  process.exit(1);
}
const { main } = await import('../lib/cli.js');

const args = process.argv.slice(2);
const wantsBackend = args.some((a) => a === '--backend' || a.startsWith('--backend=')) || Boolean(process.env.PHAROS_RELAY_BACKEND);
if (wantsBackend || args.includes('--help') || args.includes('-h')) {
  process.exitCode = await main(args, process.env);
} else {
  // The launcher's own flag: which simulator scenario to start.
  let scenario = 'healthy';
  const at = args.findIndex((a) => a === '--scenario');
  if (at !== -1) [, scenario] = args.splice(at, 2);
  const simPort = await freePort();
  const simulator = spawn(process.execPath, [fileURLToPath(new URL('../../sim/cli.js', import.meta.url)), '--port', String(simPort), '--scenario', scenario], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const simUrl = `http://127.0.0.1:${simPort}`;
  const stopSimulator = () => {
    if (simulator.exitCode === null && simulator.signalCode === null) simulator.kill('SIGTERM');
  };
  process.on('exit', stopSimulator);
  await new Promise((resolve, reject) => {
    simulator.stdout.on('data', (chunk) => {
      if (String(chunk).includes('Pharos simulator on')) resolve(undefined);
    });
    simulator.on('exit', (code) => reject(new Error(`the simulator exited (${code})`)));
  });
  const relayArgs = ['--backend', simUrl, ...args];
  // Any page may read a local relay; the simulator's `auth` scenario wants this token.
  if (!args.includes('--allow-origin')) relayArgs.push('--allow-origin', '*');
  const env = { PHAROS_RELAY_TOKEN: 'dev-admin-token', ...process.env };
  process.exitCode = await main(relayArgs, env, {
    onListening: (url) => {
      console.log(`Simulator (scenario ${scenario}): ${simUrl}  (control API: ${simUrl}/__sim/state)`);
      console.log(`Relay: ${url}  (health: ${url}/relay/health, metrics: ${url}/metrics)`);
      console.log(`A page: <pharos-source base-url="${url}"> with no token. Ctrl-C stops both.`);
    },
  });
  stopSimulator();
}
