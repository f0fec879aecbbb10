/**
 * How an alert of the engine is named in Alertmanager: its labels. One definition for both
 * places that need it: the relay, which sends the engine's alerts to Alertmanager (it bundles
 * this file with the engine), and `<pharos-alerts>`, which finds an alert's silences and
 * inhibitions in what Alertmanager holds. Labels must not change while an alert fires
 * (Alertmanager would take it for another alert), so they come from the rule and its target,
 * never from a reading.
 */
import { ALERTMANAGER_SERVICE, type AlertmanagerAlert } from '../api/alertmanager.js';
import type { HealthReport } from '../api/monitoring.js';
import { alertMessage } from './messages.js';
import type { Alert, AlertRule } from './types.js';

/** Short component names for the endpoints the default rules watch (label `component`). */
const COMPONENTS: Readonly<Record<string, string>> = {
  'monitoring/health': 'health',
  'ingestion/health/worker': 'edge-worker',
  'monitoring/database': 'database',
  'monitoring/cache/stats': 'cache',
  'monitoring/events': 'event-bus',
  'ingestion/jobs/history': 'ingestion',
};

/**
 * Rules whose alert is about backend modules: Alertmanager gets one alert per unhealthy
 * module (label `module`), so a team can silence or route one module.
 */
const MODULE_RULES: ReadonlySet<string> = new Set(['module-down']);

/** The backend path of a resource definition name (`monitoring/database` → `/api/monitoring/database`). */
export function endpointPath(definitionName: string): string {
  return definitionName.startsWith('ingestion/') ? `/api/v1/${definitionName}` : `/api/${definitionName}`;
}

/**
 * The target labels of a rule: `component` and `endpoint` of the resource it watches. A rule
 * on every watched endpoint ("backend not answering") has `component="backend"` and no endpoint.
 */
export function ruleTargetLabels(rule: AlertRule): Record<string, string> {
  if (!('resource' in rule)) return { component: 'backend' };
  const name = rule.resource.definition.name;
  return { component: COMPONENTS[name] ?? name.split('/').pop()!, endpoint: endpointPath(name) };
}

/** Labels every Alertmanager alert of `rule` carries: `alertname` (the rule id), `severity`, `service`, target. */
export function ruleLabels(rule: AlertRule): Record<string, string> {
  return { alertname: rule.id, severity: rule.severity, service: ALERTMANAGER_SERVICE, ...ruleTargetLabels(rule) };
}

/**
 * The label sets Alertmanager gets for an engine alert of `rule`: one, or for a module rule
 * one per unhealthy module in `value` (the rule's latest resource value), sorted by name.
 */
export function alertmanagerLabelSets(rule: AlertRule, value: unknown): Record<string, string>[] {
  const base = ruleLabels(rule);
  if (!MODULE_RULES.has(rule.id)) return [base];
  const modules = (value as HealthReport | undefined)?.modules;
  const down = (Array.isArray(modules) ? modules : []).filter((m) => m.status === 'unhealthy').map((m) => m.name);
  return down.length === 0 ? [base] : [...new Set(down)].sort().map((module) => ({ ...base, module }));
}

/**
 * Annotations for an engine alert: `summary` (the rule's label) and `description` (the
 * explanation). In English: they go to a server, read by whoever it notifies, in no viewer's
 * language.
 */
export function alertmanagerAnnotations(alert: Pick<Alert, 'label' | 'detail' | 'message'>): Record<string, string> {
  return { summary: alert.label, description: alertMessage(alert) };
}

/**
 * The Alertmanager alerts that are this engine alert: same `alertname`, same target labels,
 * `service="pharos"` (several for a module rule, one per module).
 */
export function matchAlertmanager(rule: AlertRule, held: readonly AlertmanagerAlert[]): AlertmanagerAlert[] {
  const want = ruleLabels(rule);
  delete (want as Record<string, string | undefined>).severity; // a rule's severity is the same; a relay's --rules cannot change it
  return held.filter((a) => Object.entries(want).every(([k, v]) => a.labels[k] === v));
}
