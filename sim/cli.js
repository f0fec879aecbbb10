#!/usr/bin/env node
// @ts-check
// A standalone simulated backend:
//   node sim/cli.js --port 8000 --host 127.0.0.1 --scenario healthy --seed 1
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createSimulatorHub } from './hub.js';
import { SCENARIO_NAMES, isScenarioName } from './scenarios.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8000' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'healthy' },
    seed: { type: 'string', default: '1' },
    latency: { type: 'string', default: '0' },
    'timing-allow-origin': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    `Usage: node sim/cli.js [--port 8000] [--host 127.0.0.1] [--scenario ${SCENARIO_NAMES.join('|')}] [--seed 1] [--latency MS] [--timing-allow-origin]`,
  );
  console.log('  --latency MS            a fixed server-side delay on every endpoint (a latency fault on "/")');
  console.log('  --timing-allow-origin   send Timing-Allow-Origin to allowed origins (full Resource Timing)');
  process.exit(0);
}
const port = Number(values.port);
const seed = Number(values.seed);
const latencyMs = Number(values.latency);
if (!isScenarioName(values.scenario)) {
  console.error(`Unknown scenario "${values.scenario}"; use one of: ${SCENARIO_NAMES.join(', ')}`);
  process.exit(2);
}
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(seed)) {
  console.error('--port and --seed must be integers');
  process.exit(2);
}
if (!(Number.isFinite(latencyMs) && latencyMs >= 0)) {
  console.error('--latency must be a number of milliseconds >= 0');
  process.exit(2);
}

const hub = createSimulatorHub({ scenario: values.scenario, seed, config: { timingAllowOrigin: values['timing-allow-origin'] } });
if (latencyMs > 0) hub.get().faults.add({ path: '/', latencyMs });
// Standalone, the default instance answers everything, including its 404s.
const server = createServer((req, res) => {
  if (!hub.handle(req, res)) hub.get().handle(req, res);
});
server.listen(port, values.host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Pharos simulator on http://${values.host}:${actualPort} (scenario ${values.scenario}, seed ${seed})`);
  console.log(`Control API: http://${values.host}:${actualPort}/__sim/state`);
});

const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
