/**
 * What Alertmanager knows of Pharos' alerts (silences, inhibitions), read through a Pharos
 * relay that forwards Alertmanager's alerts and silences read-only
 * (`/relay/alertmanager/alerts`, `/relay/alertmanager/silences`). Readers then need no access
 * to Alertmanager itself. A relay without an Alertmanager answers 404: {@link getAlertmanagerView}
 * turns that into `{ kind: 'none' }`, so a page shows nothing rather than an error.
 */
import { PharosError } from './errors.js';
import { readModel, requestJson, type ClientConfig, type RequestOptions } from './http.js';
import { list, object, ShapeError, string, stringOrNull, type Json } from './read.js';
import { parseUtc } from './time.js';

/** The relay's paths for Alertmanager's alerts and silences. */
export const ALERTMANAGER_PATHS = { alerts: '/relay/alertmanager/alerts', silences: '/relay/alertmanager/silences' } as const;

/** The `service` label the relay puts on every alert it sends, and filters on. */
export const ALERTMANAGER_SERVICE = 'pharos';

/** One alert as Alertmanager holds it. */
export interface AlertmanagerAlert {
  /** Its labels: `alertname` (the rule id), `severity`, `service`, and the target's. */
  readonly labels: Readonly<Record<string, string>>;
  /** `active`, `suppressed` (silenced or inhibited) or `unprocessed`. */
  readonly state: string;
  /** Ids of the silences muting it. */
  readonly silencedBy: readonly string[];
  /** Fingerprints of the alerts inhibiting it. */
  readonly inhibitedBy: readonly string[];
}

/** One matcher of a silence. */
export interface AlertmanagerMatcher {
  readonly name: string;
  readonly value: string;
  readonly isRegex: boolean;
  /** False for `!=` and `!~`. */
  readonly isEqual: boolean;
}

/** One silence as Alertmanager holds it. */
export interface AlertmanagerSilence {
  readonly id: string;
  /** Who made it (free text: amtool's user, or what someone typed in the UI). */
  readonly createdBy: string;
  readonly comment: string;
  readonly startsAt: Date | null;
  readonly endsAt: Date | null;
  readonly matchers: readonly AlertmanagerMatcher[];
  /** `active`, `pending` (starts later) or `expired`. */
  readonly status: string;
}

/** Alertmanager's view of this backend's alerts, or `none` when the relay has no Alertmanager. */
export type AlertmanagerView =
  | { readonly kind: 'ok'; readonly alerts: readonly AlertmanagerAlert[]; readonly silences: readonly AlertmanagerSilence[] }
  | { readonly kind: 'none' };

const strings = (value: unknown[], path: string): string[] =>
  value.map((v, i) => {
    if (typeof v !== 'string') throw new ShapeError(`field "${path}[${i}]" should be text`);
    return v;
  });

function readLabels(raw: unknown, path: string): Record<string, string> {
  const obj = object(raw, path);
  const out: Record<string, string> = {};
  for (const k of Object.keys(obj)) out[k] = string(obj, k, path);
  return out;
}

/** Reads the relay's `{ alerts: [...] }`. */
export function readAlertmanagerAlerts(body: Json): AlertmanagerAlert[] {
  return list(body, 'alerts').map((raw, i) => {
    const path = `alerts[${i}]`;
    const a = object(raw, path);
    return {
      labels: readLabels(a.labels, `${path}.labels`),
      state: stringOrNull(a, 'state', path) ?? 'unprocessed',
      silencedBy: strings(list(a, 'silencedBy', path), `${path}.silencedBy`),
      inhibitedBy: strings(list(a, 'inhibitedBy', path), `${path}.inhibitedBy`),
    };
  });
}

/** Reads the relay's `{ silences: [...] }`. */
export function readAlertmanagerSilences(body: Json): AlertmanagerSilence[] {
  return list(body, 'silences').map((raw, i) => {
    const path = `silences[${i}]`;
    const s = object(raw, path);
    return {
      id: string(s, 'id', path),
      createdBy: stringOrNull(s, 'createdBy', path) ?? '',
      comment: stringOrNull(s, 'comment', path) ?? '',
      startsAt: parseUtc(s.startsAt),
      endsAt: parseUtc(s.endsAt),
      matchers: list(s, 'matchers', path).map((m, j) => {
        const mo = object(m, `${path}.matchers[${j}]`);
        return { name: string(mo, 'name'), value: string(mo, 'value'), isRegex: mo.isRegex === true, isEqual: mo.isEqual !== false };
      }),
      status: stringOrNull(s, 'status', path) ?? 'active',
    };
  });
}

/**
 * Reads Alertmanager's alerts and silences through the relay at `config.baseUrl`. A 404 (no
 * Alertmanager configured in the relay, or not a relay at all) is `{ kind: 'none' }`; other
 * failures throw a {@link PharosError}.
 */
export async function getAlertmanagerView(config: ClientConfig, options?: RequestOptions): Promise<AlertmanagerView> {
  try {
    const [alerts, silences] = await Promise.all([
      requestJson(config, { path: ALERTMANAGER_PATHS.alerts }, options),
      requestJson(config, { path: ALERTMANAGER_PATHS.silences }, options),
    ]);
    return {
      kind: 'ok',
      alerts: readModel(ALERTMANAGER_PATHS.alerts, alerts.body, readAlertmanagerAlerts),
      silences: readModel(ALERTMANAGER_PATHS.silences, silences.body, readAlertmanagerSilences),
    };
  } catch (error) {
    if (error instanceof PharosError && error.status === 404) return { kind: 'none' };
    throw error;
  }
}
