/**
 * The no-build files as a wiki page gets them: the package is built and `npm pack`ed by the
 * test server (scripts/packed-package.mjs), and each host page is a plain HTML page served
 * with a strict Content-Security-Policy header, loading cdn/autoloader.js or
 * cdn/pharos-ops.js by URL: no Vite, no import map, no test-runner module resolution.
 * Pages run in an iframe, their own realm with their own custom element registry.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { startSim } from '../support/sim.js';

interface HostWindow extends Window {
  __cspViolations: { directive: string; blocked: string; sample: string; source: string }[];
}

const TIMEOUT = { timeout: 15_000 };
const frames: HTMLIFrameElement[] = [];

interface HostOptions {
  /**
   * Also enforce Trusted Types; or be an old browser's page (no constructed stylesheets)
   * whose styles need a nonce, which Lit is given unless `litNonce` is false.
   */
  policy?: 'trusted-types' | 'style-nonce';
  litNonce?: false;
  /** Load the package from URLs no page loaded before (see `withholding`). */
  copy?: string;
}

/** Opens a strict-CSP host page with `html` in its body and one library script. */
async function openHost(script: 'autoloader' | 'pharos-ops' | 'host-app', html: string, { policy, copy, litNonce }: HostOptions = {}): Promise<HostWindow> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1280px; height: 900px; border: 0';
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const query = new URLSearchParams({ script, html, ...(policy && { policy }), ...(copy && { copy }), ...(litNonce === false && { 'lit-nonce': 'none' }) });
  frame.src = `/packed/page.html?${query}`;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as HostWindow;
}

/**
 * Runs `fn` while the package's files whose path contains `file` answer 503. `fn` gets a
 * copy of the package to open its page with: a chunk an earlier page loaded would come from
 * the browser's memory, withheld or not.
 */
async function withholding(file: string, fn: (copy: string) => Promise<void>): Promise<void> {
  await fetch(`/packed/withhold?file=${encodeURIComponent(file)}`);
  try {
    await fn(`w${Math.random().toString(36).slice(2)}`);
  } finally {
    await fetch('/packed/withhold');
  }
}

const shadowText = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const pharosTagsDefined = (win: Window, tags: string[]) => tags.filter((tag) => win.customElements.get(tag));

describe('cdn/ from the packed package, under a strict CSP', function () {
  before(async function () {
    this.timeout(180_000); // the first request builds and packs the package
    const response = await fetch('/packed/ready');
    expect(response.ok, 'package built and packed').to.be.true;
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  it('serves the host page with the strict policy', async () => {
    const response = await fetch('/packed/page.html?script=autoloader');
    expect(response.headers.get('content-security-policy')).to.equal("default-src 'self'; script-src 'self'; style-src 'self'");
  });

  it('autoloader: defines only the tags in the page, then those added later, with live data and no violations', async () => {
    const sim = await startSim('healthy');
    const win = await openHost('autoloader', `<pharos-source base-url="${sim.baseUrl}"><pharos-health></pharos-health></pharos-source>`);
    const doc = win.document;
    const health = doc.querySelector('pharos-health')!;
    await waitUntil(() => win.customElements.get('pharos-health'), 'pharos-health defined', TIMEOUT);
    await waitUntil(() => health.shadowRoot?.querySelectorAll('[part~="component"]').length === 5, 'live health data', TIMEOUT);
    expect(shadowText(health)).to.contain('Healthy');

    // What the page has, and the building blocks pharos-health renders; nothing else.
    const all = ['pharos-source', 'pharos-health', 'pharos-status-badge', 'pharos-database', 'pharos-metric-card', 'pharos-timeseries', 'pharos-ops-dashboard', 'pharos-alerts', 'pharos-ingest-trigger'];
    expect(pharosTagsDefined(win, all)).to.deep.equal(['pharos-source', 'pharos-health', 'pharos-status-badge']);
    const chunks = win.performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/cdn/'));
    expect(chunks.some((n) => n.endsWith('/cdn/components/timeseries.js')), 'no chart chunk').to.be.false;

    // Added later, deep inside the page: found by the MutationObserver.
    const wrapper = doc.createElement('section');
    wrapper.innerHTML = `<div><pharos-database base-url="${sim.baseUrl}"></pharos-database></div>`;
    doc.body.append(wrapper);
    const database = wrapper.querySelector('pharos-database')!;
    await waitUntil(() => win.customElements.get('pharos-database'), 'pharos-database defined when added', TIMEOUT);
    await waitUntil(() => database.shadowRoot?.querySelector('[part=gauge]'), 'database data', TIMEOUT);
    expect(win.customElements.get('pharos-timeseries'), 'its chart came with it').to.exist;
    expect(win.customElements.get('pharos-ops-dashboard')).to.be.undefined;

    expect(win.__cspViolations).to.deep.equal([]);
  });

  it('autoloader on a German page: the German strings load as one file under the strict policy; cdn/localize.js offers registerTranslation', async () => {
    const sim = await startSim('healthy');
    const win = await openHost('autoloader', `<div lang="de"><pharos-source base-url="${sim.baseUrl}"><pharos-health></pharos-health></pharos-source></div>`);
    const health = win.document.querySelector('pharos-health')!;
    await waitUntil(() => health.shadowRoot?.querySelectorAll('[part~="component"]').length === 5, 'live health data', TIMEOUT);
    await waitUntil(() => shadowText(health).includes('Systemzustand'), 'the heading in German', TIMEOUT);
    expect(shadowText(health)).to.contain('Gesund').and.not.contain('Healthy');
    const strings = win.performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\/cdn\/chunks\/(de|es|fr|ja)-/.test(n));
    expect(strings.map((n) => n.replace(/.*\/chunks\/(\w+)-.*/, '$1'))).to.deep.equal(['de']);
    const localize = (await import(/* @vite-ignore */ new URL('../localize.js', strings[0]).href)) as { registerTranslation?: unknown };
    expect(localize.registerTranslation).to.be.a('function');
    expect(win.__cspViolations).to.deep.equal([]);
  });

  it('autoloader: tags in a host app\'s own shadow root are defined once the app hands the root to autoload(), and those added to it later', async () => {
    const sim = await startSim('healthy');
    // host-app (scripts/packed-package.mjs) renders <pharos-health> in its shadow root and
    // calls autoload(root), imported from cdn/autoloader.js.
    const win = await openHost('host-app', `<host-app base-url="${sim.baseUrl}"></host-app>`);
    await waitUntil(() => win.document.querySelector('host-app')?.shadowRoot, 'the host app', TIMEOUT);
    const root = win.document.querySelector('host-app')!.shadowRoot!;
    await waitUntil(() => shadowText(root.querySelector('pharos-health')).includes('Healthy'), 'live health data inside the app', TIMEOUT);

    const database = win.document.createElement('pharos-database');
    database.setAttribute('base-url', sim.baseUrl);
    root.append(win.document.createElement('div'));
    root.lastElementChild!.append(database);
    await waitUntil(() => database.shadowRoot?.querySelector('[part=gauge]'), 'added later, deep in the root', TIMEOUT);
    expect(win.__cspViolations).to.deep.equal([]);
  });

  it('pharos-ops.js: defines every tag; the pool gauge is drawn at the usage it reports; no violations', async () => {
    const sim = await startSim('healthy');
    const win = await openHost('pharos-ops', `<pharos-source base-url="${sim.baseUrl}"><pharos-database></pharos-database><pharos-health></pharos-health></pharos-source>`);
    await waitUntil(() => win.customElements.get('pharos-database'), 'defined', TIMEOUT);
    for (const tag of ['pharos-source', 'pharos-ops-dashboard', 'pharos-alerts', 'pharos-ingest-trigger', 'pharos-sparse-embeddings', 'pharos-timeseries']) {
      expect(win.customElements.get(tag), tag).to.exist;
    }
    const database = win.document.querySelector('pharos-database')!;
    await waitUntil(() => database.shadowRoot?.querySelector('[part=gauge] .gauge-fill'), 'live pool data', TIMEOUT);
    const gauge = database.shadowRoot!.querySelector<HTMLElement>('[part=gauge]')!;
    const usage = Number(gauge.getAttribute('aria-valuenow')) / 100;
    expect(usage).to.be.greaterThan(0).and.lessThan(1);
    const track = gauge.querySelector('.gauge-track')!.getBoundingClientRect();
    const fill = gauge.querySelector('.gauge-fill')!.getBoundingClientRect();
    expect(fill.width / track.width).to.be.closeTo(usage, 0.02);
    await waitUntil(() => shadowText(win.document.querySelector('pharos-health')).includes('Healthy'), 'health too', TIMEOUT);

    expect(win.__cspViolations).to.deep.equal([]);
  });

  it('pharos-ops.js, Trusted Types enforced: the whole dashboard renders, charts and on-demand tabs included, with no violations', async () => {
    const sim = await startSim('healthy');
    const win = await openHost('pharos-ops', `<pharos-source base-url="${sim.baseUrl}"><pharos-ops-dashboard></pharos-ops-dashboard></pharos-source>`, { policy: 'trusted-types' });
    if ('trustedTypes' in win) {
      // The policy is in force, and the probe hears its violations: a plain string no longer
      // reaches an HTML sink.
      expect(() => (win.document.createElement('div').innerHTML = '<b>x</b>')).to.throw();
      await waitUntil(() => win.__cspViolations.length === 1, 'the probe heard it', TIMEOUT);
      win.__cspViolations.length = 0;
    }
    await waitUntil(() => win.customElements.get('pharos-ops-dashboard'), 'defined', TIMEOUT);
    const dashboard = win.document.querySelector('pharos-ops-dashboard')!;
    const inside = (tag: string) => dashboard.shadowRoot!.querySelector(tag)!;
    await waitUntil(() => dashboard.shadowRoot?.querySelector('pharos-health'), 'the dashboard rendered', TIMEOUT);
    await waitUntil(() => shadowText(inside('pharos-health')).includes('Healthy'), 'live health data', TIMEOUT);
    const performance = inside('pharos-performance');
    await waitUntil(() => performance.shadowRoot?.querySelector('pharos-timeseries')?.shadowRoot?.querySelector('canvas'), 'a chart drawn by uPlot', TIMEOUT);
    const alerts = inside('pharos-alerts');
    await waitUntil(() => alerts.shadowRoot?.querySelector('#tab-history'), 'the alerts tabs', TIMEOUT);
    alerts.shadowRoot!.querySelector<HTMLElement>('#tab-history')!.click();
    await waitUntil(() => shadowText(alerts).includes('No resolved alerts yet.'), 'the History tab, loaded on demand', TIMEOUT);

    expect(win.__cspViolations).to.deep.equal([]);
  });

  it('pharos-ops.js, the opt-in tab badge under the strict policy: the title counts; an icon the policy refuses is tried once', async () => {
    const sim = await startSim('incident');
    const win = await openHost('pharos-ops', `<pharos-source base-url="${sim.baseUrl}"><pharos-ops-dashboard tab-badge></pharos-ops-dashboard></pharos-source>`);
    await waitUntil(() => /^\(\d+\) Strict CSP host$/.test(win.document.title), 'the count in the title', TIMEOUT);
    const dataIcons = () => [...win.document.querySelectorAll<HTMLLinkElement>('link[rel~=icon]')].filter((link) => link.href.startsWith('data:'));
    // Chromium holds favicons to img-src, so it refuses the badge's data: icon and reports it;
    // the badge then leaves the page's icon alone. Firefox and WebKit load it.
    if (navigator.userAgent.includes('Chrome/')) await waitUntil(() => win.__cspViolations.length > 0 && dataIcons().length === 0, 'the refusal, then no icon of ours', TIMEOUT);
    // A new count: the title follows, and the icon is not tried again.
    const dashboard = win.document.querySelector('pharos-ops-dashboard')!;
    const alerts = dashboard.shadowRoot!.querySelector('pharos-alerts') as HTMLElement & { monitor: import('../../src/alerts/monitor.js').AlertMonitor };
    const before = win.document.title;
    alerts.monitor.engine.acknowledge(alerts.monitor.engine.active.get()[0]!.id, Date.now());
    await waitUntil(() => win.document.title !== before, 'a new count', TIMEOUT);
    const refusals = win.__cspViolations.length;
    expect(refusals).to.be.at.most(1);
    if (refusals) {
      expect(win.__cspViolations[0]).to.include({ directive: 'img-src', blocked: 'data' });
      expect(dataIcons()).to.have.length(0);
    }
  });

  it('pharos-ops.js on an old browser\'s page (no constructed stylesheets): Lit\'s <style> elements carry the page\'s nonce; no violations', async () => {
    const sim = await startSim('healthy');
    const body = `<pharos-source base-url="${sim.baseUrl}"><pharos-database></pharos-database></pharos-source>`;
    const win = await openHost('pharos-ops', body, { policy: 'style-nonce' });
    await waitUntil(() => win.customElements.get('pharos-database'), 'defined', TIMEOUT);
    const database = win.document.querySelector('pharos-database')!;
    await waitUntil(() => database.shadowRoot?.querySelector('[part=gauge] .gauge-fill'), 'live pool data', TIMEOUT);
    const styles = [...database.shadowRoot!.querySelectorAll('style')];
    expect(styles.length, 'the fallback <style> elements').to.be.greaterThan(0);
    expect(styles.every((style) => style.nonce === 'pharos-test-nonce')).to.be.true;
    // The styles apply: the gauge is drawn to scale, not at full width.
    const gauge = database.shadowRoot!.querySelector<HTMLElement>('[part=gauge]')!;
    const usage = Number(gauge.getAttribute('aria-valuenow')) / 100;
    const fill = gauge.querySelector('.gauge-fill')!.getBoundingClientRect().width / gauge.querySelector('.gauge-track')!.getBoundingClientRect().width;
    expect(fill).to.be.closeTo(usage, 0.02);
    expect(win.__cspViolations).to.deep.equal([]);

    // Without the nonce, the same page breaks: what the nonce is for.
    const bare = await openHost('pharos-ops', body, { policy: 'style-nonce', litNonce: false });
    await waitUntil(() => bare.__cspViolations?.some((v) => v.directive.startsWith('style-src')), 'style violations without the nonce', TIMEOUT);
  });

  it('pharos-ops.js: a chunk that cannot be loaded (the alerts\' History tab) says so in plain words; the rest works', async () => {
    const sim = await startSim('healthy');
    await withholding('/chunks/pharos-ops-alert-panels', async (copy) => {
      const win = await openHost('pharos-ops', `<pharos-source base-url="${sim.baseUrl}"><pharos-alerts></pharos-alerts></pharos-source>`, { copy });
      await waitUntil(() => win.customElements.get('pharos-alerts'), 'defined', TIMEOUT);
      const alerts = win.document.querySelector('pharos-alerts')!;
      const tab = (id: string) => alerts.shadowRoot!.querySelector<HTMLElement>(`#tab-${id}`)!;
      await waitUntil(() => alerts.shadowRoot?.querySelector('#tab-history'), 'tabs', TIMEOUT);
      tab('history').click();
      await waitUntil(() => alerts.shadowRoot!.querySelector('[part~=error]'), 'an error notice', TIMEOUT);
      expect(shadowText(alerts)).to.contain('This view could not be loaded. Check the connection, then reload the page.');
      // The active alerts are still one click away.
      tab('active').click();
      await waitUntil(() => alerts.shadowRoot!.querySelector('[part~=list], [part~=empty]'), 'the active list', TIMEOUT);
      expect(alerts.shadowRoot!.querySelector('[part~=error]')).to.equal(null);
    });
  });

  it('pharos-ops.js: a Prometheus client that cannot be loaded is an error notice in plain words', async () => {
    const sim = await startSim('healthy');
    await withholding('/chunks/pharos-ops-prometheus', async (copy) => {
      const win = await openHost('pharos-ops', `<pharos-source base-url="${sim.baseUrl}" prometheus-url="${location.origin}/no-prometheus"><pharos-performance></pharos-performance></pharos-source>`, { copy });
      await waitUntil(() => win.customElements.get('pharos-performance'), 'defined', TIMEOUT);
      const performance = win.document.querySelector('pharos-performance')!;
      await waitUntil(() => shadowText(performance).includes('could not be loaded'), 'an error notice', TIMEOUT);
      expect(shadowText(performance)).to.contain("Prometheus: Cannot reach the backend. The Prometheus client, part of this page's code, could not be loaded. Check the connection, then reload the page.");
    });
  });

  it('pharos-ops.js: history code that cannot be loaded (persist-history): the elements work, and nothing is kept for it any longer', async () => {
    const sim = await startSim('healthy');
    await withholding('/chunks/pharos-ops-persistence', async (copy) => {
      const win = await openHost('pharos-ops', `<pharos-source base-url="${sim.baseUrl}" persist-history><pharos-health></pharos-health></pharos-source>`, { copy });
      await waitUntil(() => shadowText(win.document.querySelector('pharos-health')).includes('Healthy'), 'live health data', TIMEOUT);
      // What polled resources report was kept for the history code while it loaded; once its
      // load failed, that buffer must end, or it grows with every poll for the page's life.
      const source = (win.document.querySelector('pharos-source') as unknown as { source: { persistence: { waiting: unknown } } }).source;
      await waitUntil(() => source.persistence.waiting === null, 'the buffer ended', TIMEOUT);
    });
  });

  it('dist/index.js, the bundlers\' entry, imports every element\'s registering module', async () => {
    // A bundler drops an import it believes side-effect-free; the registering modules once
    // were, so `import '@pharos/ops-elements'` defined no tag at all.
    const manifest = (await (await fetch('/packed/pkg/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string }[] }[] };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
    expect(tags.length).to.be.greaterThan(20);
    // Followed through the bare imports (`import "./x.js"`), as a bundler keeps them.
    const imported: string[] = [];
    const pending = ['index.js'];
    for (let file; (file = pending.pop()); ) {
      const code = await (await fetch(`/packed/pkg/dist/${file}`)).text();
      for (const [, path] of code.matchAll(/import\s*["']\.\/([a-z/-]+\.js)["']/g)) {
        const element = /^components\/([a-z-]+)\.js$/.exec(path!)?.[1];
        if (element) imported.push(`pharos-${element}`);
        else pending.push(path!);
      }
    }
    expect(imported).to.have.members(tags);
  });

  it('editor files: in the package, named by package.json, with every tag, attribute, event, part and custom property of the manifest', async () => {
    type Named = { name: string };
    type Declaration = { tagName?: string; attributes?: Named[]; events?: Named[]; cssParts?: Named[]; cssProperties?: Named[] };
    const read = async <T>(path: string): Promise<T> => {
      const response = await fetch(`/packed/pkg/${path}`);
      expect(response.status, path).to.equal(200);
      return (await response.json()) as T;
    };
    const pkg = await read<{ 'web-types': string; exports: Record<string, string> }>('package.json');
    expect(pkg['web-types']).to.equal('./editor/web-types.json');
    expect(pkg.exports['./editor/*']).to.equal('./editor/*');
    const manifest = await read<{ modules: { declarations?: Declaration[] }[] }>('custom-elements.json');
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    const names = (list: Named[] | undefined) => (list ?? []).map((x) => x.name).sort();

    const webTypes = await read<{ name: string; contributions: { html: { elements: (Named & { attributes?: Named[]; js?: { events?: Named[] } })[] } } }>(pkg['web-types'].slice(2));
    expect(webTypes.name).to.equal('@pharos/ops-elements');
    const vsHtml = await read<{ tags: (Named & { attributes: Named[] })[] }>('editor/vscode.html-custom-data.json');
    const vsCss = await read<{ properties: Named[]; pseudoElements: Named[] }>('editor/vscode.css-custom-data.json');
    expect(webTypes.contributions.html.elements.map((e) => e.name).sort()).to.deep.equal(elements.map((e) => e.tagName!).sort());
    expect(vsHtml.tags.map((t) => t.name).sort()).to.deep.equal(elements.map((e) => e.tagName!).sort());
    for (const element of elements) {
      const tag = element.tagName!;
      const jetBrains = webTypes.contributions.html.elements.find((e) => e.name === tag)!;
      expect(names(jetBrains.attributes), `${tag}: attributes (web-types)`).to.deep.equal(names(element.attributes));
      expect(names(jetBrains.js?.events), `${tag}: events (web-types)`).to.deep.equal(names(element.events));
      expect(names(vsHtml.tags.find((t) => t.name === tag)!.attributes), `${tag}: attributes (VS Code)`).to.deep.equal(names(element.attributes));
      for (const prop of element.cssProperties ?? []) expect(vsCss.properties.map((p) => p.name), `${tag}: ${prop.name}`).to.include(prop.name);
      for (const part of element.cssParts ?? []) expect(vsCss.pseudoElements.map((p) => p.name), `${tag}: part ${part.name}`).to.include(`::part(${part.name})`);
    }
  });
});
