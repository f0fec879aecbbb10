import { expect } from '@open-wc/testing';
import type { HealthReport } from '../api/monitoring.js';
import type { JobHistory, IngestionJob } from '../api/ingestion.js';
import { HistoryBuffer } from '../store/history.js';
import type { ResourceDefinition } from '../store/resource.js';
import { DEFAULT_RULES, counterIncrease, newFailedJob, ALERT_TARGETS, MIN_CACHE_LOOKUPS, MIN_HANDLER_CALLS } from './default-rules.js';
import { AlertEngine } from './engine.js';
import { alertmanagerAnnotations } from './alertmanager.js';
import { alertMessage, anomalyWords, ENGLISH } from './messages.js';
import { loadAlerts, saveAlerts, alertStorageKey, type AlertStorage } from './persistence.js';
import { DEFAULT_PREFERENCES, HISTORY_LIMIT, type Alert, type AlertRule, type AlertTarget, type HistoryEntry, type RuleInput } from './types.js';

/** A history entry that is a resolved alert. */
const asAlert = (e: HistoryEntry | undefined) => e as Alert;
/** What an alert says, in English. */
const say = (a: Alert | undefined) => alertMessage(a!);

const T0 = Date.UTC(2026, 10, 22, 10, 0, 0);
const SEC = 1000;

const numberDef: ResourceDefinition<number> = { name: 'test/number', fetch: async () => 0, sample: (v) => ({ v }) };
const statusDef: ResourceDefinition<string> = { name: 'test/status', fetch: async () => 'ok' };
const numberTarget: AlertTarget<number> = { definition: numberDef, params: undefined, label: 'Number' };
const statusTarget: AlertTarget<string> = { definition: statusDef, params: undefined, label: 'Status' };

const RULES: AlertRule[] = [
  {
    id: 'high',
    label: 'Too high',
    description: 'Value above 80 %',
    severity: 'warning',
    resource: numberTarget,
    condition: { kind: 'threshold', direction: 'above', value: 0.8, samples: 2, unit: 'percent' },
    read: (v: number) => (v < 0 ? null : v),
    subject: 'The value',
  },
  {
    id: 'down',
    label: 'Down',
    description: 'Status down',
    severity: 'critical',
    resource: statusTarget,
    condition: { kind: 'status', firing: ['down'] },
    read: (s: string) => (s === '?' ? null : s),
    describe: (s: string) => `It is ${s}.`,
  },
  {
    id: 'spike',
    label: 'Spike',
    description: 'Unusual value',
    severity: 'info',
    resource: numberTarget,
    condition: { kind: 'anomaly', series: 'v', value: 3.5, window: 30, minSamples: 8, direction: 'up', unit: 'count' },
    subject: 'The value',
  },
  { id: 'failing', label: 'Failing', description: 'Failing', severity: 'critical', condition: { kind: 'failing', value: 3 } },
];

/** Feeds scripted values to an engine, keeping a history like the store's. */
class Script {
  readonly history = new HistoryBuffer(500);
  readonly statusHistory = new HistoryBuffer(500);
  at = T0;
  failures = 0;
  lastNumber: number | undefined;
  constructor(readonly engine: AlertEngine) {}

  number(v: number): void {
    this.at += SEC;
    this.failures = 0;
    this.lastNumber = v;
    this.history.append(this.at, { v, failed: 0 });
    this.engine.update(numberTarget, this.input(v, true, this.history));
  }

  fail(): void {
    this.at += SEC;
    this.failures++;
    this.history.append(this.at, { failed: 1 });
    const error = { kind: 'network', message: 'Cannot connect.' } as RuleInput['error'];
    this.engine.update(numberTarget, { ...this.input(this.lastNumber, false, this.history), error });
  }

  status(s: string): void {
    this.at += SEC;
    this.engine.update(statusTarget, { value: s, ok: true, at: this.at, failures: 0, error: null, history: this.statusHistory, intervalMs: SEC });
  }

  private input(value: number | undefined, ok: boolean, history: HistoryBuffer): Omit<RuleInput, 'baseline'> {
    return { value, ok, at: this.at, failures: ok ? 0 : this.failures, error: null, history, intervalMs: SEC };
  }
}

const make = (options: Partial<ConstructorParameters<typeof AlertEngine>[0]> = {}) => new Script(new AlertEngine({ rules: RULES, ...options }));
const activeIds = (e: AlertEngine) => e.active.get().map((a) => a.ruleId);

describe('alert engine', () => {
  it('threshold: fires only after N consecutive samples beyond the limit, from the first of them', () => {
    const s = make();
    const fired: Alert[] = [];
    s.engine.onFire((a) => fired.push(a));
    s.number(0.7);
    s.number(0.85);
    expect(activeIds(s.engine)).to.deep.equal([]);
    const firstBreach = s.at;
    s.number(0.9);
    expect(activeIds(s.engine)).to.deep.equal(['high']);
    const alert = s.engine.active.get()[0]!;
    expect(alert.state).to.equal('firing');
    expect(alert.since).to.equal(firstBreach);
    expect(alert.value).to.equal(0.9);
    expect(alert.detail).to.deep.equal({ kind: 'threshold', subject: 'The value', unit: 'percent', direction: 'above', reading: 0.9, limit: 0.8, run: 2 });
    expect(alert.message, 'no English text is kept').to.equal(undefined);
    expect(say(alert)).to.equal('The value is 90%, at or above the 80% limit for 2 samples in a row.');
    expect(fired).to.have.length(1);
    s.number(0.95);
    expect(fired, 'not fired again while active').to.have.length(1);
    expect(say(s.engine.active.get()[0])).to.contain('95%');
  });

  it('threshold: a reading exactly at the limit counts (a pool at 80 % is at its limit)', () => {
    const s = make();
    s.number(0.8);
    s.number(0.8);
    expect(activeIds(s.engine)).to.deep.equal(['high']);
    s.number(0.7999);
    expect(activeIds(s.engine)).to.deep.equal([]);
  });

  it('threshold: a dip below the limit breaks the streak', () => {
    const s = make();
    s.number(0.9);
    s.number(0.5);
    s.number(0.9);
    expect(activeIds(s.engine)).to.deep.equal([]);
    s.number(0.9);
    expect(activeIds(s.engine)).to.deep.equal(['high']);
  });

  it('threshold: "no verdict" readings and failed attempts are not samples', () => {
    const s = make();
    s.number(0.9);
    s.number(-1); // read() says: no verdict
    s.fail();
    expect(activeIds(s.engine)).to.not.include('high');
    s.number(0.9);
    expect(activeIds(s.engine)).to.include('high');
  });

  it('resolve: the alert leaves the active list for history, with its duration', () => {
    const s = make();
    s.number(0.9);
    s.number(0.9);
    const since = s.engine.active.get()[0]!.since;
    s.number(0.3);
    expect(s.engine.active.get()).to.have.length(0);
    const resolved = asAlert(s.engine.history.get()[0]);
    expect(resolved!.state).to.equal('resolved');
    expect(resolved!.ruleId).to.equal('high');
    expect(resolved!.resolvedAt! - resolved!.since).to.equal(s.at - since);
  });

  it('status: fires while the status is in the firing set, keeps state on "no verdict", resolves after', () => {
    const s = make();
    s.status('ok');
    expect(activeIds(s.engine)).to.deep.equal([]);
    s.status('down');
    expect(activeIds(s.engine)).to.deep.equal(['down']);
    expect(s.engine.active.get()[0]!.detail).to.deep.equal({ kind: 'text', text: 'It is down.' });
    expect(say(s.engine.active.get()[0])).to.equal('It is down.');
    expect(s.engine.active.get()[0]!.severity).to.equal('critical');
    s.status('?');
    expect(activeIds(s.engine)).to.deep.equal(['down']);
    s.status('ok');
    expect(activeIds(s.engine)).to.deep.equal([]);
    expect(s.engine.history.get()[0]!.ruleId).to.equal('down');
  });

  it('acknowledge: keeps the alert active but silenced, and history remembers it', () => {
    const s = make();
    const fired: Alert[] = [];
    s.engine.onFire((a) => fired.push(a));
    s.status('down');
    const id = s.engine.active.get()[0]!.id;
    const ackAt = s.at + 500;
    const acked = s.engine.acknowledge(id, ackAt);
    expect(acked!.state).to.equal('acknowledged');
    expect(s.engine.active.get()[0]!.state).to.equal('acknowledged');
    s.status('down');
    expect(s.engine.active.get()[0]!.state, 'stays acknowledged').to.equal('acknowledged');
    expect(fired).to.have.length(1);
    s.status('ok');
    expect(asAlert(s.engine.history.get()[0]).acknowledgedAt).to.equal(ackAt);
    s.status('down');
    expect(s.engine.active.get()[0]!.state, 'a new occurrence fires afresh').to.equal('firing');
    expect(fired).to.have.length(2);
  });

  it('anomaly: flags a spike against the trailing window (robust z-score), not the noise', () => {
    const s = make({ rules: RULES.filter((r) => r.id === 'spike') });
    const noise = [10, 10.4, 9.8, 10.1, 9.7, 10.3, 10, 9.9, 10.2, 10.1, 9.8, 10];
    for (const v of noise) s.number(v);
    expect(activeIds(s.engine)).to.deep.equal([]);
    s.number(10.5);
    expect(activeIds(s.engine), 'a wobble is no anomaly').to.deep.equal([]);
    s.number(40);
    expect(activeIds(s.engine)).to.deep.equal(['spike']);
    expect(say(s.engine.active.get()[0])).to.match(/^The value is unusually high: 40, usually 10 \(median of the last 13 samples\); [\d.]+× the usual spread\.$/);
    s.number(10);
    expect(activeIds(s.engine)).to.deep.equal([]);
  });

  it('anomaly: no verdict with too few samples, and a drop does not count for an "up" rule', () => {
    const s = make({ rules: RULES.filter((r) => r.id === 'spike') });
    s.number(10);
    s.number(100);
    expect(activeIds(s.engine)).to.deep.equal([]);
    for (let i = 0; i < 12; i++) s.number(100 + (i % 3));
    s.number(1);
    expect(activeIds(s.engine)).to.deep.equal([]);
  });

  it('failing: fires after N failed attempts in a row, with the error in plain words, and clears on success', () => {
    const s = make();
    s.number(0.1);
    s.fail();
    s.fail();
    expect(activeIds(s.engine)).to.deep.equal([]);
    s.fail();
    expect(activeIds(s.engine)).to.deep.equal(['failing']);
    const alert = s.engine.active.get()[0]!;
    // The error by kind (its English text is not kept): the view words it.
    expect(alert.detail).to.deep.equal({ kind: 'failing', names: ['Number'], all: false, attempts: 3, error: { kind: 'network' } });
    expect(say(alert)).to.equal('Number fails: 3 attempts or more in a row. Last error: network.');
    s.number(0.1);
    expect(activeIds(s.engine)).to.deep.equal([]);
  });

  it('preferences: a disabled rule stops and its alert ends; a tuned limit applies at once', () => {
    const s = make();
    s.number(0.75);
    s.number(0.75);
    expect(activeIds(s.engine)).to.deep.equal([]);
    s.engine.setRulePreference('high', { value: 0.7 }, s.at);
    expect(activeIds(s.engine), 'lower limit re-checks the kept readings').to.deep.equal(['high']);
    expect(say(s.engine.active.get()[0])).to.contain('70% limit');
    s.engine.setRulePreference('high', { enabled: false }, s.at);
    expect(activeIds(s.engine)).to.deep.equal([]);
    expect(asAlert(s.engine.history.get()[0]).note).to.equal('Rule turned off');
    s.number(0.99);
    s.number(0.99);
    expect(activeIds(s.engine)).to.deep.equal([]);
    expect(s.engine.targets().map((t) => t.label), 'the number is still watched by the anomaly rule').to.include('Number');
    s.engine.setRulePreference('high', { enabled: undefined, value: undefined }, s.at);
    expect(s.engine.preferences.get().rules).to.deep.equal({});
  });

  it('preferences: invalid overrides are ignored', () => {
    const s = make();
    s.engine.setRulePreference('high', { value: 7, samples: 0 }, s.at); // 700 %, 0 samples
    s.number(0.9);
    expect(activeIds(s.engine)).to.deep.equal([]);
    s.number(0.9);
    expect(activeIds(s.engine)).to.deep.equal(['high']);
  });
});

describe('default rules', () => {
  const report = (status: string, modules: HealthReport['modules']): HealthReport => ({
    status: status as HealthReport['status'],
    message: status === 'healthy' ? 'All systems operational' : 'System operational with degraded functionality: Module graph unhealthy',
    timestamp: null,
    components: [{ name: 'database', status: 'healthy', message: 'Connected', workerCount: null }],
    modules,
  });
  const feedHealth = (engine: AlertEngine, value: HealthReport, at: number) =>
    engine.update(ALERT_TARGETS.health, { value, ok: true, at, failures: 0, error: null, history: new HistoryBuffer(10), intervalMs: 30_000 });

  it('health: degraded with a module down raises both, in plain words; healthy raises none', () => {
    const engine = new AlertEngine({ rules: DEFAULT_RULES });
    feedHealth(engine, report('healthy', [{ name: 'graph', status: 'healthy', message: '', details: {} }]), T0);
    expect(engine.active.get()).to.have.length(0);
    feedHealth(engine, report('degraded', [{ name: 'graph', status: 'unhealthy', message: 'Vector store unreachable', details: {} }]), T0 + SEC);
    const byRule = Object.fromEntries(engine.active.get().map((a) => [a.ruleId, a]));
    expect(Object.keys(byRule).sort()).to.deep.equal(['health-degraded', 'module-down']);
    expect(say(byRule['module-down'])).to.equal('Module graph is unhealthy: Vector store unreachable');
    expect(say(byRule['health-degraded'])).to.equal('System operational with degraded functionality: Module graph unhealthy');
    expect(byRule['health-degraded']!.severity).to.equal('warning');
  });

  it('jobs: only a failure that appears after watching began fires, and a later success clears it', () => {
    let order = 0;
    const job = (status: IngestionJob['status'], repo: string): IngestionJob => ({
      repoUrl: repo, status, rawStatus: status, durationSeconds: 1, filesProcessed: null, embeddingsGenerated: null,
      timestamp: new Date(T0 + order * 1000), error: status === 'failed' ? 'Clone timed out' : null, reason: null, ageSeconds: null, order: order++,
    });
    const oldFailure = job('failed', 'github.com/a/old');
    const start: JobHistory = { jobs: [oldFailure], limit: 100, mayBeTruncated: false };
    expect(newFailedJob(start, start), 'already failed when watching began').to.equal(null);
    const failed = job('failed', 'github.com/a/new');
    const later: JobHistory = { jobs: [oldFailure, failed, job('pending', 'github.com/a/next')], limit: 100, mayBeTruncated: false };
    expect(newFailedJob(later, start)).to.equal(failed);

    const engine = new AlertEngine({ rules: DEFAULT_RULES });
    const feed = (value: JobHistory, at: number) =>
      engine.update(ALERT_TARGETS.jobs, { value, ok: true, at, failures: 0, error: null, history: new HistoryBuffer(10), intervalMs: 30_000 });
    feed(start, T0);
    expect(engine.active.get()).to.have.length(0);
    feed(later, T0 + SEC);
    expect(engine.active.get().map(say)).to.deep.equal(['Ingestion of github.com/a/new failed: Clone timed out.']);
    feed({ ...later, jobs: [...later.jobs, job('completed', 'github.com/a/ok')] }, T0 + 2 * SEC);
    expect(engine.active.get()).to.have.length(0);
  });

  it('counters: increase over the window, across a backend restart', () => {
    const h = new HistoryBuffer(20);
    h.append(T0, { c: 100 });
    expect(counterIncrease(h, 'c', T0)).to.equal(null);
    h.append(T0 + SEC, { c: 130 });
    h.append(T0 + 2 * SEC, { failed: 1 });
    h.append(T0 + 3 * SEC, { c: 5 }); // restarted: 5 new since
    expect(counterIncrease(h, 'c', T0 + 3 * SEC)).to.equal(35);
  });
});

/** Web Storage in memory. */
class MemoryStorage implements AlertStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('alert persistence', () => {
  const alert = (i: number): Alert => ({
    id: `r@${i}`, ruleId: 'r', label: 'R', severity: 'warning', state: 'resolved', since: T0 + i, value: i, message: `m${i}`, acknowledgedAt: null, resolvedAt: T0 + i + 5,
  });

  let warnings: unknown[][] = [];
  const originalWarn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('round-trips preferences and history, per base URL, bounded to the newest 1,000', () => {
    const storage = new MemoryStorage();
    const key = alertStorageKey('http://a.example');
    const preferences = { rules: { high: { enabled: false, value: 0.7, samples: 3 } }, sound: true, minSeverity: 'warning' as const, notifications: true };
    const history = Array.from({ length: 1100 }, (_, i) => alert(i));
    saveAlerts(storage, key, { preferences, history, active: [], silences: [] });
    const loaded = loadAlerts(storage, key);
    expect(loaded.preferences).to.deep.equal(preferences);
    expect(loaded.history).to.have.length(HISTORY_LIMIT);
    expect(loaded.history[0]).to.deep.equal(alert(0));
    expect(loadAlerts(storage, alertStorageKey('http://b.example')).preferences).to.deep.equal(DEFAULT_PREFERENCES);
    expect(warnings).to.have.length(0);
  });

  it('the engine saves on change, and a new engine starts from what was saved', () => {
    const storage = new MemoryStorage();
    const key = alertStorageKey('');
    const first = new AlertEngine({ rules: RULES, onChange: () => saveAlerts(storage, key, { preferences: first.preferences.get(), history: [...first.history.get()], active: [...first.active.get()], silences: [] }) });
    const s = new Script(first);
    s.status('down');
    s.status('ok');
    first.setRulePreference('high', { value: 0.6 }, s.at);
    const saved = loadAlerts(storage, key);
    const second = new AlertEngine({ rules: RULES, ...saved });
    expect(second.history.get().map((a) => a.ruleId)).to.deep.equal(['down']);
    expect(second.preferences.get().rules.high).to.deep.equal({ value: 0.6 });
  });

  it('ignores corrupt storage with a console warning', () => {
    const storage = new MemoryStorage();
    const key = alertStorageKey('x');
    storage.setItem(key, '{not json');
    expect(loadAlerts(storage, key)).to.deep.equal({ preferences: DEFAULT_PREFERENCES, history: [], active: [], silences: [] });
    expect(warnings.length).to.equal(1);

    storage.setItem(key, JSON.stringify({ version: 1, preferences: { sound: 'yes', minSeverity: 'loud', rules: { a: { value: 'x' } } }, history: [alert(1), { id: 3 }, null] }));
    const loaded = loadAlerts(storage, key);
    expect(loaded.preferences).to.deep.equal({ rules: {}, sound: false, minSeverity: 'info', notifications: false });
    expect(loaded.history).to.deep.equal([alert(1)]);
    expect(warnings.length).to.equal(2);

    storage.setItem(key, JSON.stringify(['an', 'array']));
    expect(loadAlerts(storage, key).history).to.deep.equal([]);
    expect(warnings.length).to.equal(3);
  });

  it('survives a storage that throws', () => {
    const broken: AlertStorage = {
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadAlerts(broken, 'k').history).to.deep.equal([]);
    saveAlerts(broken, 'k', { preferences: DEFAULT_PREFERENCES, history: [], active: [], silences: [] });
    expect(warnings.length).to.equal(2);
  });

  it('an acknowledged alert survives a reload: kept, silenced, not announced again; resolved when it clears', () => {
    const storage = new MemoryStorage();
    const key = alertStorageKey('http://reload.example');
    const save = (e: AlertEngine) => saveAlerts(storage, key, { preferences: e.preferences.get(), history: [...e.history.get()], active: [...e.active.get()], silences: [] });
    const first: AlertEngine = new AlertEngine({ rules: RULES, onChange: () => save(first) });
    const s1 = new Script(first);
    s1.status('down');
    const [fired] = first.active.get();
    first.acknowledge(fired!.id, s1.at);

    const saved = loadAlerts(storage, key);
    expect(saved.active.map((a) => [a.ruleId, a.state])).to.deep.equal([['down', 'acknowledged']]);
    const second: AlertEngine = new AlertEngine({ rules: RULES, active: saved.active, history: saved.history, onChange: () => save(second) });
    const announced: Alert[] = [];
    second.onFire((a) => announced.push(a));
    const s2 = new Script(second);
    s2.at = s1.at;
    s2.status('down');
    expect(second.active.get().map((a) => [a.id, a.state, a.since])).to.deep.equal([[fired!.id, 'acknowledged', fired!.since]]);
    expect(announced).to.have.length(0);
    s2.status('ok');
    expect(second.active.get()).to.have.length(0);
    expect(second.history.get()[0]!.id).to.equal(fired!.id);
    expect(loadAlerts(storage, key).active).to.have.length(0);
  });

  it('reads history saved by earlier versions (a finished English message, no detail) and shows that message as it is', () => {
    const storage = new MemoryStorage();
    // Written out as an earlier version saved it.
    storage.setItem(
      'old',
      '{"version":1,"preferences":{"rules":{},"sound":false,"minSeverity":"info","notifications":false},"active":[],"silences":[],' +
        '"history":[{"id":"db-pool-usage@1764000000000.1","ruleId":"db-pool-usage","label":"Connection pool nearly full","severity":"warning","state":"resolved",' +
        '"since":1764000000000,"value":0.92,"message":"Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row.","acknowledgedAt":null,' +
        '"resolvedAt":1764000600000,"note":"Rule turned off"}]}',
    );
    const [entry] = loadAlerts(storage, 'old').history as Alert[];
    expect(warnings).to.have.length(0);
    expect(entry!.detail).to.equal(undefined);
    expect(alertMessage(entry!)).to.equal('Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row.');
    expect(alertMessage(entry!, 'de', { ...ENGLISH, t: () => 'übersetzt' }), 'not translated: it is finished text').to.equal(
      'Connection pool usage is 92%, at or above the 75% limit for 3 samples in a row.',
    );
    expect(entry!.note).to.equal('Rule turned off');
  });

  it('round-trips an alert detail, and drops an alert whose detail is corrupt', () => {
    const storage = new MemoryStorage();
    const detailed: Alert = { ...alert(1), message: undefined, detail: { kind: 'worker-silent', seconds: 900, limit: 600 } };
    delete (detailed as { message?: string }).message;
    saveAlerts(storage, 'k', { preferences: DEFAULT_PREFERENCES, history: [detailed, { ...detailed, id: 'bad', detail: { kind: 'threshold', subject: 3 } as never }], active: [], silences: [] });
    expect(loadAlerts(storage, 'k').history).to.deep.equal([detailed]);
    expect(warnings).to.have.length(1);
    expect(alertMessage(detailed)).to.equal("The edge worker's last heartbeat was 15 min ago (limit 10 min): new ingestions are refused.");
  });

  it('drops saved active alerts of rules that no longer exist, and corrupt ones', () => {
    const good = { id: 'down@1.1', ruleId: 'down', label: 'Down', severity: 'critical', since: 1, value: 'down', message: 'It is down.', acknowledgedAt: null, resolvedAt: null };
    const storage = new MemoryStorage();
    storage.setItem('k', JSON.stringify({ version: 1, active: [good, { ...good, id: 'x', ruleId: 'gone' }, { ...good, since: 'soon' }] }));
    const saved = loadAlerts(storage, 'k');
    expect(saved.active).to.have.length(2);
    const engine = new AlertEngine({ rules: RULES, active: saved.active });
    expect(engine.active.get().map((a) => [a.ruleId, a.state])).to.deep.equal([['down', 'firing']]);
  });
});

describe('alert engine: acknowledgements, silences, bounded history', () => {
  it('acknowledges with and without a comment; the comment goes to the history', () => {
    const s = make();
    s.status('down');
    const [first] = s.engine.active.get();
    s.engine.acknowledge(first!.id, s.at, '  checking the pool ');
    expect(s.engine.active.get()[0]).to.include({ state: 'acknowledged', comment: 'checking the pool', acknowledgedAt: s.at });
    s.status('ok');
    expect(asAlert(s.engine.history.get()[0]).comment).to.equal('checking the pool');

    s.status('down');
    const [second] = s.engine.active.get();
    s.engine.acknowledge(second!.id, s.at);
    expect(s.engine.active.get()[0]!.state).to.equal('acknowledged');
    expect('comment' in s.engine.active.get()[0]!, 'no empty comment').to.equal(false);
  });

  it('a silence needs a reason and a future end, mutes its alert, keeps evaluating, and expires into the history', () => {
    const s = make();
    s.status('down');
    const alert = s.engine.active.get()[0]!;
    expect(s.engine.silence({ scope: 'alert', alertId: alert.id, reason: '  ', until: s.at + 60_000 }, s.at)).to.deep.equal({ refused: true, field: 'reason', message: 'Give a reason, so others know why it is muted.' });
    expect(s.engine.silence({ scope: 'alert', alertId: alert.id, reason: 'deploying', until: s.at - 1 }, s.at)).to.deep.equal({ refused: true, field: 'until', message: 'Choose an end in the future.' });
    const silence = s.engine.silence({ scope: 'rule', alertId: alert.id, reason: 'deploying', until: s.at + 15 * 60_000 }, s.at);
    expect(silence).to.have.property('id');
    expect(s.engine.silenceFor(alert, s.at)).to.equal(silence);
    expect(s.engine.nextSilenceEnd()).to.equal(s.at + 15 * 60_000);
    // Evaluation goes on: the message follows the readings, a new occurrence of the rule is silenced too.
    s.status('ok');
    s.status('down');
    const again = s.engine.active.get()[0]!;
    expect(again.id).to.not.equal(alert.id);
    expect(s.engine.silenceFor(again, s.at), 'a rule silence covers the next alert').to.exist;

    s.engine.expireSilences(s.at + 15 * 60_000);
    expect(s.engine.silences.get()).to.deep.equal([]);
    expect(s.engine.silenceFor(again, s.at + 15 * 60_000)).to.equal(undefined);
    const record = s.engine.history.get().find((e) => e.kind === 'silence')!;
    expect(record).to.include({ kind: 'silence', reason: 'deploying', ended: 'expired', startedAt: alert.since, endedAt: s.at - 2 * SEC + 15 * 60_000 + 2 * SEC });
  });

  it('"until it resolves" and one-alert silences end when their alert resolves', () => {
    const s = make();
    s.status('down');
    const alert = s.engine.active.get()[0]!;
    s.engine.silence({ scope: 'rule', alertId: alert.id, reason: 'known outage', until: null }, s.at);
    s.engine.silence({ scope: 'alert', alertId: alert.id, reason: 'mine', until: s.at + 3_600_000 }, s.at);
    expect(s.engine.silence({ scope: 'rule', alertId: null, ruleId: 'down', reason: 'x', until: null }, s.at)).to.deep.equal({ refused: true, field: 'until', message: 'Choose when the silence ends.' });
    s.status('ok');
    expect(s.engine.silences.get()).to.deep.equal([]);
    const ended = s.engine.history.get().filter((e) => e.kind === 'silence').map((e) => (e.kind === 'silence' ? e.ended : ''));
    expect(ended).to.deep.equal(['resolved', 'resolved']);
  });

  it('keeps at most 1,000 entries and none older than 30 days', () => {
    const old = (i: number, end: number): Alert => ({ id: `r@${i}`, ruleId: 'down', label: 'Down', severity: 'critical', state: 'resolved', since: end - 1000, value: 'down', message: 'm', acknowledgedAt: null, resolvedAt: end });
    const now = T0 + 40 * 86_400_000;
    const history = [old(1, now - 31 * 86_400_000), ...Array.from({ length: 1200 }, (_, i) => old(i + 2, now - i * 1000))];
    const s = make({ history });
    s.at = now;
    s.status('down');
    s.status('ok');
    const kept = s.engine.history.get();
    expect(kept).to.have.length(HISTORY_LIMIT);
    expect(kept.some((e) => e.id === 'r@1'), 'the 31-day-old entry is gone').to.equal(false);
    expect(asAlert(kept[0]).ruleId).to.equal('down');
  });

  it('adopts what another tab saved: preferences, silences, acknowledgements of the same alert, history it lacks', () => {
    const storage = new MemoryStorage();
    const key = alertStorageKey('http://tabs.example');
    const save = (e: AlertEngine) => saveAlerts(storage, key, { preferences: e.preferences.get(), history: [...e.history.get()], active: [...e.active.get()], silences: [...e.silences.get()] });
    const shared = (ruleId: string) => loadAlerts(storage, key).active.find((a) => a.ruleId === ruleId);
    const a: AlertEngine = new AlertEngine({ rules: RULES, onChange: () => save(a), shared });
    const b: AlertEngine = new AlertEngine({ rules: RULES, onChange: () => save(b), shared });
    const fired: string[] = [];
    a.onFire((x) => fired.push(`a:${x.id}`));
    b.onFire((x) => fired.push(`b:${x.id}`));
    const sa = new Script(a);
    const sb = new Script(b);
    sa.status('down');
    sb.at = sa.at + 400;
    sb.status('down');
    const id = a.active.get()[0]!.id;
    expect(b.active.get()[0]!.id, 'the second tab names the same alert').to.equal(id);
    expect(fired, 'only the first tab sees it as new').to.deep.equal([`a:${id}`]);

    a.acknowledge(id, sa.at, 'on it');
    a.setPreferences({ ...a.preferences.get(), sound: true }, sa.at);
    a.silence({ scope: 'rule', alertId: id, reason: 'deploy', until: sa.at + 60_000 }, sa.at);
    b.adopt(loadAlerts(storage, key), sb.at);
    expect(b.active.get()[0]).to.include({ state: 'acknowledged', comment: 'on it' });
    expect(b.preferences.get().sound).to.equal(true);
    expect(b.silences.get().map((x) => x.reason)).to.deep.equal(['deploy']);
  });
});

describe('alert wording', () => {
  const ms = (v: number) => `${Math.round(v)} ms`;

  it('says against what an anomaly was measured, in English by default', () => {
    const recent = { latest: 412, usual: 120, baseline: 'recent', samples: 30, days: 0, spreads: 5.12 } as const;
    expect(anomalyWords('en', recent, ms)).to.equal('412 ms, usually 120 ms (median of the last 30 samples); 5.1× the usual spread');
    const seasonal = { latest: 300, usual: 100, baseline: 'seasonal', samples: 62, days: 2, spreads: 4.26 } as const;
    expect(anomalyWords('en', seasonal, ms)).to.equal('300 ms, usually 100 ms (median at this time of day on the last 2 days, 62 samples); 4.3× the usual spread');
    expect(anomalyWords('en', { ...seasonal, days: 1, spreads: null }, ms)).to.equal('300 ms, usually 100 ms (median at this time of day on the last 1 day, 62 samples); the usual spread is zero');
  });

  it('words each kind of detail', () => {
    const say = (detail: Alert['detail']) => alertMessage({ detail });
    expect(say({ kind: 'threshold', subject: 'The recent cache hit rate', unit: 'percent', direction: 'below', reading: 0.31, limit: 0.5, run: 25 })).to.equal(
      'The recent cache hit rate is 31%, at or below the 50% limit for 20+ samples in a row.',
    );
    expect(say({ kind: 'threshold', subject: 'Connection pool usage', unit: 'percent', direction: 'above', reading: 0.8, limit: 0.75, run: 1 })).to.equal(
      'Connection pool usage is 80%, at or above the 75% limit.',
    );
    expect(say({ kind: 'failing', names: ['System health', 'Database'], all: true, attempts: 1, error: { kind: 'http', status: 500 } })).to.equal(
      'No watched endpoint answers: 1 attempt or more in a row (System health and Database). Last error: http, HTTP 500.',
    );
    expect(say({ kind: 'failing', names: ['Cache', 'Database'], all: false, attempts: 3, error: null })).to.equal('Cache and Database fail: 3 attempts or more in a row.');
    const description = ['The backend rejected the request ({0}).', 'HTTP 500'] as const;
    expect(say({ kind: 'failing', names: ['Cache'], all: false, attempts: 2, error: { kind: 'http', status: 500, description } })).to.equal(
      'Cache fails: 2 attempts or more in a row. The backend rejected the request (HTTP 500).',
    );
    expect(say({ kind: 'health', status: 'unhealthy', said: '', down: ['database', 'redis'] })).to.equal('System health is unhealthy. Unhealthy: Database and Redis.');
    expect(say({ kind: 'health', status: 'degraded', said: 'Degraded', down: ['celery'] })).to.equal('Degraded. Unhealthy: Celery workers.');
    expect(say({ kind: 'modules', modules: [{ name: 'graph', message: '' }] })).to.equal('Module graph is unhealthy.');
    expect(say({ kind: 'modules', modules: [{ name: 'graph', message: '' }, { name: 'search', message: 'x' }] })).to.equal('Modules graph and search are unhealthy.');
    expect(say({ kind: 'worker-silent', seconds: null, limit: 600 })).to.equal('The edge worker has not sent a heartbeat within the limit: new ingestions are refused.');
    expect(say({ kind: 'job-failed', repoUrl: 'github.com/a/b', why: '' })).to.equal('Ingestion of github.com/a/b failed.');
  });

  it('gives Alertmanager the label and the explanation in English', () => {
    const engine = new AlertEngine({ rules: DEFAULT_RULES, lang: 'de' });
    engine.update(ALERT_TARGETS.worker, {
      value: { state: 'offline', secondsSinceLastSeen: null, thresholdSeconds: 600 } as never, ok: true, at: T0, failures: 0, error: null, history: new HistoryBuffer(10), intervalMs: 30_000,
    });
    expect(alertmanagerAnnotations(engine.active.get()[0]!)).to.deep.equal({
      summary: 'Edge worker offline',
      description: 'No heartbeat from the edge worker is on record (the backend forgets it after 10 minutes of silence): ingestion is unavailable.',
    });
  });

  it('describes the default rules with the figures they use', () => {
    const rule = (id: string) => DEFAULT_RULES.find((r) => r.id === id)!;
    expect(rule('cache-hit-rate').description).to.contain(` ${MIN_CACHE_LOOKUPS} lookups`);
    expect(rule('event-handler-errors').description).to.contain(` ${MIN_HANDLER_CALLS} calls`);
  });
});
