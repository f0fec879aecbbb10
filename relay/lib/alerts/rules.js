// @ts-check
// `--rules FILE`: a team's overrides of the dashboard's alert rules, in the dashboard's own
// preferences format (what <pharos-alerts> saves per backend), so a file can be written by
// hand or copied from a browser's saved preferences. Checked strictly: a typo in a rule id
// or a percentage written as 80 instead of 0.8 would otherwise silently change nothing.
import { readFile } from 'node:fs/promises';
import { DEFAULT_PREFERENCES, DEFAULT_RULES, MAX_SAMPLES, SEVERITIES, validSamples, validValue } from './engine.js';

/**
 * @typedef {{ enabled?: boolean, value?: number, samples?: number }} RulePreference
 * @typedef {{ rules: Record<string, RulePreference>, sound: boolean, minSeverity: 'critical' | 'warning' | 'info', notifications: boolean }} AlertPreferences
 */

/** A rules file that cannot be used; `message` is one line naming the file and the field. */
export class RulesFileError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = 'RulesFileError';
  }
}

/** Keys of the saved form (`{ version: 1, preferences, history, active, silences }`, as localStorage holds it). */
const SAVED_KEYS = new Set(['version', 'preferences', 'history', 'active', 'silences']);
/** Keys of the preferences themselves. `sound` and `notifications` are the browser's; the relay ignores them. */
const PREFERENCE_KEYS = new Set(['rules', 'sound', 'minSeverity', 'notifications']);
const RULE_KEYS = new Set(['enabled', 'value', 'samples']);

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What a tuned `value` must be, for the error message (the dashboard's form speaks in
 * percent; its saved form, and so this file, holds fractions).
 * @param {any} condition
 */
function valueHint(condition) {
  if (condition.kind === 'threshold' && condition.unit === 'percent') return 'a fraction from 0 to 1 (as the dashboard saves it: 0.8 means 80 %)';
  if (condition.kind === 'threshold') return `zero or more (${condition.unit})`;
  if (condition.kind === 'anomaly') return 'a robust z-score above 0 and at most 50';
  if (condition.kind === 'failing') return `a whole number of attempts from 1 to ${MAX_SAMPLES}`;
  return 'a number';
}

/**
 * Checks a parsed rules file and returns the preferences it sets (defaults for what it
 * leaves out). Throws {@link RulesFileError} naming the first problem.
 * @param {unknown} raw the parsed JSON
 * @param {string} [where] how to name the file in messages
 * @param {readonly any[]} [rules] the rules it may tune (default: the dashboard's)
 * @returns {AlertPreferences}
 */
export function checkRules(raw, where = 'rules file', rules = DEFAULT_RULES) {
  const fail = (/** @type {string} */ why) => {
    throw new RulesFileError(`${where}: ${why}`);
  };
  if (!isObject(raw)) return fail('should be a JSON object like {"rules": {"db-pool-usage": {"value": 0.9}}}');
  /** @type {Record<string, unknown>} */
  let prefs = raw;
  let at = '';
  if ('preferences' in raw || 'version' in raw) {
    // The whole saved entry of a browser: only its preferences matter here.
    for (const key of Object.keys(raw)) if (!SAVED_KEYS.has(key)) fail(`unknown field "${key}" (expected ${[...SAVED_KEYS].join(', ')})`);
    if (raw.version !== 1) fail(`"version" should be 1 (the dashboard's saved format), not ${JSON.stringify(raw.version)}`);
    if (!isObject(raw.preferences)) return fail('"preferences" should be an object');
    prefs = raw.preferences;
    at = 'preferences.';
  }
  for (const key of Object.keys(prefs)) {
    if (!PREFERENCE_KEYS.has(key)) fail(`unknown field "${at}${key}" (expected ${[...PREFERENCE_KEYS].join(', ')})`);
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  /** @type {Record<string, RulePreference>} */
  const out = {};
  if (prefs.rules !== undefined) {
    if (!isObject(prefs.rules)) fail(`"${at}rules" should be an object keyed by rule id`);
    for (const [id, pref] of Object.entries(/** @type {Record<string, unknown>} */ (prefs.rules))) {
      const field = `${at}rules["${id}"]`;
      const rule = byId.get(id);
      if (!rule) fail(`unknown rule "${id}" in ${at}rules (known: ${[...byId.keys()].join(', ')})`);
      if (!isObject(pref)) return fail(`${field} should be an object with enabled, value or samples`);
      for (const key of Object.keys(pref)) if (!RULE_KEYS.has(key)) fail(`unknown field "${key}" in ${field} (expected enabled, value, samples)`);
      /** @type {RulePreference} */
      const one = {};
      if (pref.enabled !== undefined) {
        if (typeof pref.enabled !== 'boolean') fail(`${field}.enabled should be true or false`);
        one.enabled = /** @type {boolean} */ (pref.enabled);
      }
      if (pref.value !== undefined) {
        if (rule.condition.kind === 'status') fail(`${field}.value: rule "${id}" fires on a status and has no value to tune (switch it off with "enabled": false)`);
        if (typeof pref.value !== 'number' || validValue(rule.condition, pref.value) !== null) {
          fail(`${field}.value should be ${valueHint(rule.condition)}, not ${JSON.stringify(pref.value)}`);
        }
        one.value = /** @type {number} */ (pref.value);
      }
      if (pref.samples !== undefined) {
        if (rule.condition.kind !== 'threshold') fail(`${field}.samples: only threshold rules count samples in a row, and "${id}" is not one`);
        if (typeof pref.samples !== 'number' || validSamples(pref.samples) !== null) {
          fail(`${field}.samples should be a whole number from 1 to ${MAX_SAMPLES}, not ${JSON.stringify(pref.samples)}`);
        }
        one.samples = /** @type {number} */ (pref.samples);
      }
      if (Object.keys(one).length) out[id] = one;
    }
  }
  if (prefs.minSeverity !== undefined && !SEVERITIES.includes(prefs.minSeverity)) {
    fail(`"${at}minSeverity" should be one of ${SEVERITIES.join(', ')}, not ${JSON.stringify(prefs.minSeverity)}`);
  }
  for (const key of ['sound', 'notifications']) {
    if (prefs[key] !== undefined && typeof prefs[key] !== 'boolean') fail(`"${at}${key}" should be true or false`);
  }
  return {
    ...DEFAULT_PREFERENCES,
    rules: out,
    minSeverity: /** @type {AlertPreferences['minSeverity']} */ (prefs.minSeverity ?? DEFAULT_PREFERENCES.minSeverity),
  };
}

/**
 * Reads and checks `--rules FILE`. Throws {@link RulesFileError} with one line: unreadable,
 * not JSON (with the parser's position), or the first invalid field.
 * @param {string} file
 * @returns {Promise<AlertPreferences>}
 */
export async function loadRules(file) {
  let text;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new RulesFileError(`rules file ${file}: cannot be read (${/** @type {NodeJS.ErrnoException} */ (error).code ?? error})`);
  }
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new RulesFileError(`rules file ${file}: not JSON (${/** @type {Error} */ (error).message})`);
  }
  return checkRules(raw, `rules file ${file}`);
}

/** The preferences when no `--rules` is given: the dashboard's defaults. @returns {AlertPreferences} */
export function defaultRules() {
  return { ...DEFAULT_PREFERENCES, rules: {} };
}
