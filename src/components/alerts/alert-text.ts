/**
 * The alerts' words in the viewer's language. An alert is data (`Alert.detail`), worded by
 * `alerts/messages.ts`; the engine sits below the translations, so the wording gets them
 * here: `t`, `tp` and `list` of `src/i18n`, and the request errors' titles the other
 * elements show.
 */
import { alertMessage, anomalyWords, type Wording } from '../../alerts/messages.js';
import type { Alert } from '../../alerts/types.js';
import { explainAnomaly, type AnomalyResult } from '../../analysis/anomaly.js';
import { t, tp } from '../../i18n/translate.js';
import { list } from '../../i18n/list.js';
import { ERROR_TITLES, inLanguage } from '../../ui/resource-views.js';

/** The alerts' wording with the page's translations. */
export const WORDING: Wording = {
  t,
  tp,
  list,
  // What the API client said, else the error's title (and status), as the other elements word them.
  error: (lang, e) => (e.description ? inLanguage(lang, e.description) : `${e.status ? `HTTP ${e.status}: ` : ''}${t(lang, ERROR_TITLES[e.kind])}`),
};

/**
 * What is wrong, in `lang`: "Connection pool usage is 92%, at or above the 75% limit for 3
 * samples in a row." An alert saved by an earlier version shows its English message as it is.
 */
export function describeAlert(lang: string, alert: Pick<Alert, 'detail' | 'message'>): string {
  return alertMessage(alert, lang, WORDING);
}

/**
 * What an anomaly verdict was measured against, in `lang`: "412 ms, usually 120 ms (median
 * of the last 30 samples); 5.1× the usual spread"; empty without a verdict. `format` writes
 * a value of the series with its unit. For any element that shows an anomaly.
 */
export function describeAnomaly(lang: string, result: AnomalyResult, format: (value: number) => string): string {
  const explanation = explainAnomaly(result);
  return explanation ? anomalyWords(lang, explanation, format, WORDING) : '';
}
