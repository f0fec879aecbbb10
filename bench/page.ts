// The benchmark page (driven by bench/run.mjs): renders the same 7 days of 30 s points with
// <pharos-timeseries> (uPlot) and with Recharts' LineChart, and measures the in-browser
// history's memory. Exposes `window.pharosBench` for the driver.
import { createElement as h } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import '../src/components/timeseries/timeseries.js';
import type { PharosTimeseries } from '../src/components/timeseries/timeseries.js';
import * as resources from '../src/store/resources.js';
import type { ResourceDefinition } from '../src/store/resource.js';
import { PharosSource } from '../src/store/source.js';
import { FAILED_SERIES, LATENCY_SERIES } from '../src/store/resource.js';

const STEP_MS = 30_000;
const SERIES = ['p50', 'p95', 'p99'] as const;
const WIDTH = 800;
const HEIGHT = 200;

/** Deterministic pseudo-random numbers (so both libraries draw identical data every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** `points` rows of latency-like data ending now, columnar; a few gaps (outages) included. */
function makeColumns(points: number): Float64Array[] {
  const random = rng(42);
  const end = Math.floor(Date.now() / STEP_MS) * STEP_MS;
  const xs = new Float64Array(points);
  const ys = SERIES.map(() => new Float64Array(points));
  for (let i = 0; i < points; i++) {
    xs[i] = end - (points - 1 - i) * STEP_MS;
    const daily = 1 + 0.4 * Math.sin((2 * Math.PI * i) / 2880);
    const gap = i % 5000 > 4990;
    const base = 80 * daily * (0.8 + 0.4 * random());
    ys[0]![i] = gap ? NaN : base;
    ys[1]![i] = gap ? NaN : base * (2 + random());
    ys[2]![i] = gap ? NaN : base * (3.5 + 2 * random());
  }
  return [xs, ...ys];
}

type Row = { t: number; p50: number | null; p95: number | null; p99: number | null };

function toRows(columns: Float64Array[], count = columns[0]!.length): Row[] {
  const rows: Row[] = new Array(count);
  const val = (v: number) => (Number.isNaN(v) ? null : v);
  for (let i = 0; i < count; i++) rows[i] = { t: columns[0]![i]!, p50: val(columns[1]![i]!), p95: val(columns[2]![i]!), p99: val(columns[3]![i]!) };
  return rows;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Two frames: the one that draws, and the one after it is painted. */
const painted = async () => {
  await frame();
  await frame();
};

function stage(): HTMLElement {
  const el = document.getElementById('stage')!;
  el.replaceChildren();
  return el;
}

/* ---------------- <pharos-timeseries> ---------------- */

let chart: PharosTimeseries | null = null;
let tsColumns: Float64Array[] = [];

async function timeseriesFirstRender(points: number): Promise<number> {
  tsColumns = makeColumns(points);
  const target = stage();
  const t0 = performance.now();
  chart = document.createElement('pharos-timeseries');
  chart.label = 'API latency';
  chart.unit = 'ms';
  chart.height = HEIGHT;
  chart.series = SERIES.map((s) => ({ label: s.toUpperCase() }));
  chart.thresholds = [{ value: 500, label: 'P95 threshold', seriesIndex: 1 }];
  chart.data = tsColumns;
  target.appendChild(chart);
  await chart.updateComplete;
  await painted();
  const elapsed = performance.now() - t0;
  if (!chart.shadowRoot!.querySelector('canvas') || chart.chart!.data[0].length !== points) throw new Error('timeseries did not draw');
  return elapsed;
}

/** Appends one point (new arrays, as a store window gives) and waits until it is drawn and painted. */
async function timeseriesAppend(count: number): Promise<number> {
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const n = tsColumns[0]!.length;
    const next = tsColumns.map((col) => {
      const out = new Float64Array(n + 1);
      out.set(col);
      return out;
    });
    next[0]![n] = tsColumns[0]![n - 1]! + STEP_MS;
    for (let s = 1; s < next.length; s++) next[s]![n] = 100 * s;
    tsColumns = next;
    chart!.data = next;
    await chart!.updateComplete;
    await frame();
  }
  if (chart!.chart!.data[0].length !== tsColumns[0]!.length) throw new Error('timeseries did not append');
  return (performance.now() - t0) / count;
}

/* ---------------- Recharts LineChart ---------------- */

let root: Root | null = null;
let rows: Row[] = [];

function rechartsElement(data: Row[]) {
  return h(
    LineChart,
    { width: WIDTH, height: HEIGHT, data },
    h(CartesianGrid, { strokeDasharray: '3 3' }),
    h(XAxis, { dataKey: 't', type: 'number', domain: ['dataMin', 'dataMax'], scale: 'time' }),
    h(YAxis, null),
    h(Tooltip, null),
    h(Legend, null),
    ...SERIES.map((s, i) =>
      h(Line, { key: s, dataKey: s, type: 'linear', dot: false, isAnimationActive: false, stroke: ['#0969da', '#8250df', '#bc4c00'][i], connectNulls: false }),
    ),
  );
}

function rechartsDrawn(points: number): boolean {
  const paths = document.querySelectorAll('#stage .recharts-line-curve');
  return paths.length === SERIES.length && [...paths].every((p) => (p.getAttribute('d') ?? '').length > points);
}

async function rechartsFirstRender(points: number): Promise<number> {
  rows = toRows(makeColumns(points));
  root?.unmount();
  const target = stage();
  const t0 = performance.now();
  root = createRoot(target);
  flushSync(() => root!.render(rechartsElement(rows)));
  // Recharts 3 lays out in effects after the first commit: wait until the lines exist.
  while (!rechartsDrawn(points)) await frame();
  await painted();
  return performance.now() - t0;
}

async function rechartsAppend(count: number): Promise<number> {
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const last = rows[rows.length - 1]!;
    rows = [...rows, { t: last.t + STEP_MS, p50: 100, p95: 200, p99: 300 }];
    flushSync(() => root!.render(rechartsElement(rows)));
    await frame();
  }
  if (!rechartsDrawn(rows.length)) throw new Error('recharts did not draw');
  return (performance.now() - t0) / count;
}

function cleanup(): void {
  root?.unmount();
  root = null;
  chart?.remove();
  chart = null;
  rows = [];
  tsColumns = [];
  stage();
}

/* ---------------- memory of 7 days of in-browser history ---------------- */

/** Typical parameters, and the recorded real answer each resource is fed. */
const SAMPLES: [ResourceDefinition<any, any>, unknown, string][] = [
  [resources.healthResource, undefined, 'monitoring_health'],
  [resources.mlHealthResource, undefined, 'monitoring_health_ml'],
  [resources.moduleHealthResource, 'search', 'monitoring_health_module_search'],
  [resources.modelHealthResource, undefined, 'monitoring_model_health'],
  [resources.performanceResource, undefined, 'monitoring_performance'],
  [resources.recommendationQualityResource, 1, 'monitoring_recommendation_quality'],
  [resources.userEngagementResource, 1, 'monitoring_user_engagement'],
  [resources.databaseResource, undefined, 'monitoring_database'],
  [resources.dbPoolResource, undefined, 'monitoring_db_pool'],
  [resources.eventsResource, undefined, 'monitoring_events'],
  [resources.eventHistoryResource, 100, 'monitoring_events_history'],
  [resources.cacheStatsResource, undefined, 'monitoring_cache_stats'],
  [resources.workersStatusResource, undefined, 'monitoring_workers_status'],
  [resources.workerHealthResource, undefined, 'ingestion_health_worker'],
  [resources.legacyWorkerStatusResource, undefined, 'ingestion_worker_status'],
  [resources.jobHistoryResource, 50, 'ingestion_jobs_history'],
  [resources.ingestionHealthResource, undefined, 'ingestion_health'],
];

async function historyMemory(points: number) {
  const source = new PharosSource({ baseUrl: '', autoRefresh: false, intervalMs: STEP_MS });
  const perResource: { name: string; series: number; bytes: number }[] = [];
  const end = Math.floor(Date.now() / STEP_MS) * STEP_MS;
  for (const [definition, params, file] of SAMPLES) {
    const recorded = await (await fetch(`/test/fixtures/pharos-samples/${file}.json`)).json();
    const replay = (async () =>
      new Response(JSON.stringify(recorded.body), { status: recorded.status, headers: recorded.headers })) as typeof fetch;
    let sample: Record<string, number | null | undefined> = {};
    try {
      const value = await definition.fetch({ baseUrl: '', fetch: replay }, params, new AbortController().signal);
      sample = definition.sample?.(value, params) ?? {};
    } catch {
      sample = {}; // an endpoint that fails today (model-health): failure rows only
    }
    const resource = (source.resource as (d: ResourceDefinition<any, any>, p?: unknown) => ReturnType<PharosSource['resource']>)(definition, params);
    const rowsToWrite: [number, Record<string, number | null | undefined>][] = [];
    for (let i = 0; i < points; i++) rowsToWrite.push([end - (points - 1 - i) * STEP_MS, { ...sample, [LATENCY_SERIES]: 50 + (i % 7), [FAILED_SERIES]: 0 }]);
    resource.history.appendMany(rowsToWrite);
    perResource.push({ name: resource.key, series: resource.history.series.length, bytes: resource.history.byteLength });
  }
  source.dispose();
  return { perResource, total: perResource.reduce((n, r) => n + r.bytes, 0), rows: points, capacity: source.historyCapacity(STEP_MS) };
}

declare global {
  interface Window {
    pharosBench: Record<string, (...args: any[]) => unknown>;
  }
}

window.pharosBench = { timeseriesFirstRender, timeseriesAppend, rechartsFirstRender, rechartsAppend, cleanup, historyMemory };
document.body.dataset.ready = 'true';
