// The demo page: the whole dashboard against the built-in simulator, or against a real
// backend given as ?base-url=…&token=…. The token is moved out of the address bar into
// sessionStorage so it does not linger in history or screenshots.
import '../src/index.js';
import type { PharosSourceElement } from '../src/index.js';

const params = new URLSearchParams(location.search);
const baseUrl = params.get('base-url') ?? '';
if (params.has('token')) {
  sessionStorage.setItem('pharos-demo-token', params.get('token') ?? '');
  params.delete('token');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
}
const token = sessionStorage.getItem('pharos-demo-token') || undefined;
const simulated = baseUrl === '';

const dataSource = document.querySelector('#data-source')!;
dataSource.textContent = simulated
  ? 'Data: built-in simulator (same origin)'
  : `Data: ${baseUrl}${token ? ' (with token)' : ' (no token: protected endpoints will fail)'}`;

const source = document.createElement('pharos-source') as PharosSourceElement;
source.baseUrl = baseUrl;
// Keep the history collected so far across reloads (IndexedDB, 7 days at most).
source.persistHistory = true;
if (token) source.tokenProvider = () => token;
if (params.get('prometheus-url')) source.prometheusUrl = params.get('prometheus-url')!;
source.innerHTML = '<pharos-ops-dashboard tab-badge></pharos-ops-dashboard>';
if (!customElements.get('pharos-ops-dashboard')) source.innerHTML = '<pharos-health></pharos-health>';
document.querySelector('#app')!.append(source);

// The dashboard's language and direction, as a host page would set them.
const language = document.querySelector<HTMLSelectElement>('#language')!;
const app = document.querySelector<HTMLElement>('#app')!;
language.addEventListener('change', () => {
  if (language.value) app.lang = language.value;
  else app.removeAttribute('lang');
  app.dir = language.selectedOptions[0]?.dataset.dir ?? 'ltr';
});

const theme = document.querySelector<HTMLSelectElement>('#theme')!;
theme.addEventListener('change', () => {
  document.documentElement.dataset.theme = theme.value;
  if (theme.value) source.setAttribute('theme', theme.value);
  else source.removeAttribute('theme');
});

if (simulated) {
  const field = document.querySelector<HTMLElement>('#scenario-field')!;
  const select = document.querySelector<HTMLSelectElement>('#scenario')!;
  field.hidden = false;
  fetch('/__sim/state')
    .then((r) => r.json())
    .then((state: { scenario?: string }) => {
      if (state.scenario) select.value = state.scenario;
    })
    .catch(() => {});
  select.addEventListener('change', async () => {
    await fetch('/__sim/scenario', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scenario: select.value }),
    });
    // No token is sent, so the auth scenario shows what a missing token looks like.
    void source.source?.refresh();
  });
}
