/**
 * What Alertmanager holds of this backend's alerts, read through a Pharos relay
 * (`/relay/alertmanager/alerts` and `/silences`). Only meaningful when the source is a relay:
 * subscribe to it only while `source.readOnly` is set (answers marked
 * `X-Pharos-Relay: read-only`). A relay without Alertmanager gives `{ kind: 'none' }`.
 */
import { getAlertmanagerView, type AlertmanagerView } from '../../api/alertmanager.js';
import { define } from './define.js';

/** Alertmanager's alerts and silences of Pharos, through the relay. */
export const alertmanagerResource = define<AlertmanagerView>({
  name: 'relay/alertmanager',
  fetch: (config, _p, signal) => getAlertmanagerView(config, { signal }),
});
