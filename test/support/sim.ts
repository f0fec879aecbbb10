/**
 * Drives a private simulator instance from a browser test: each call to {@link startSim}
 * gets its own `/sim/<id>` backend on the test server's origin, so test files running in
 * parallel never see each other's scenarios, faults or jobs.
 */

/** Scenario names the simulator knows. */
export type Scenario = 'healthy' | 'production-like' | 'incident' | 'worker-offline' | 'outage' | 'auth' | 'secured';

/** A fault to inject (see sim/ for the exact semantics). */
export interface Fault {
  path: string;
  method?: string;
  latencyMs?: number;
  kind?: 'html-502' | 'malformed-json' | 'status';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  times?: number;
}

/** Control of one simulator instance. */
export interface SimHandle {
  /** Base URL to give elements: `http://<test origin>/sim/<id>`. */
  baseUrl: string;
  scenario(name: Scenario): Promise<void>;
  fault(fault: Fault): Promise<void>;
  clearFaults(): Promise<void>;
  /** Moves the simulator's clock forward (jobs progress, heartbeats age). */
  advance(ms: number): Promise<void>;
  config(config: Record<string, unknown>): Promise<void>;
  /** Requests served since the last reset, total and by path, each one's time in the simulator (ms) and the latest per path. */
  requests(): Promise<{ total: number; byPath: Record<string, number>; serverMs: number[]; lastServerMs: Record<string, number> }>;
  reset(): Promise<void>;
}

async function control(base: string, path: string, method = 'POST', body?: unknown): Promise<any> {
  const response = await fetch(`${base}/__sim/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator control ${path} failed: HTTP ${response.status}`);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Starts a fresh simulator instance in the given scenario. */
export async function startSim(scenario: Scenario = 'healthy', origin = location.origin): Promise<SimHandle> {
  const baseUrl = `${origin}/sim/${Math.random().toString(36).slice(2, 10)}`;
  const handle: SimHandle = {
    baseUrl,
    scenario: (name) => control(baseUrl, 'scenario', 'POST', { scenario: name }),
    fault: (fault) => control(baseUrl, 'faults', 'POST', fault),
    clearFaults: () => control(baseUrl, 'faults', 'DELETE'),
    advance: (ms) => control(baseUrl, 'clock', 'POST', { advanceMs: ms }),
    config: (config) => control(baseUrl, 'config', 'POST', config),
    requests: () => control(baseUrl, 'requests', 'GET'),
    reset: () => control(baseUrl, 'reset', 'POST'),
  };
  await handle.scenario(scenario);
  return handle;
}
