// The in-page half of `npm run bench:load`: a classic script that bench/load.mjs puts at the
// top of <head> of both pages (the dashboard and the floor), so it runs before any module
// and sees the whole load. It needs nothing from the driver: every engine (puppeteer for
// Chromium and Firefox, classic WebDriver for WebKit) only has to read `__loadBench` back.
//
// The page declares its panels in `window.__benchPanels()` (an array of elements). A panel
// "has data" from the first animation frame in which it has rendered and nothing in its
// tree, nested shadow roots included, shows a loading state (see `loading` below). Times
// are milliseconds since the start of navigation (performance.now() when the frame's
// callbacks run).
(() => {
  /** How long to keep recording after the last panel got its data, for trailing long tasks. */
  const TAIL_MS = 500;
  /** Give up after this long (the driver reads `timedOut`). */
  const GIVE_UP_MS = 30_000;
  /** A heartbeat tick; a gap of GAP_MS more than that means the main thread was blocked. */
  const BEAT_MS = 10;
  const GAP_MS = 50;
  // What the Pharos elements show while a first answer is pending: renderSkeleton()'s
  // progressbar (part="skeleton"), a metric card's `.skeleton` placeholder, and the words
  // "Loading…" (a card's "updated" line, the module grid's rows, the header). "Checking
  // alert rules" is a skeleton too. The floor page's placeholders say "Loading" as well.
  const BUSY_SELECTOR = '[part~="skeleton"], [role="progressbar"][aria-busy="true"], .skeleton';
  const BUSY_TEXT = /\bLoading\b/;

  const result = {
    visibility: document.visibilityState,
    userAgent: navigator.userAgent,
    timeOrigin: performance.timeOrigin,
    marks: /** @type {Record<string, number>} */ ({}),
    panels: /** @type {{ name: string, rendered: number | null, seenLoading: boolean, data: number | null, error: boolean }[]} */ ([]),
    longTaskSupported: false,
    longTasks: /** @type {[number, number][]} */ ([]),
    longFrames: /** @type {{ start: number, duration: number, blocking: number, scripts: { source: string, invoker: string, duration: number }[] }[]} */ ([]),
    stalls: /** @type {[number, number][]} */ ([]),
    paints: /** @type {Record<string, number>} */ ({}),
    resources: /** @type {object[]} */ ([]),
    navigation: /** @type {object | null} */ (null),
    errors: /** @type {string[]} */ ([]),
    firstData: /** @type {number | null} */ (null),
    allData: /** @type {number | null} */ (null),
    timedOut: false,
  };
  /** @type {{ done: boolean, result: typeof result }} */
  const bench = { done: false, result };
  Object.defineProperty(window, '__loadBench', { value: bench });

  addEventListener('error', (e) => result.errors.push(String((e.error && e.error.stack) || e.message).split('\n')[0]));
  addEventListener('unhandledrejection', (e) => result.errors.push(`unhandled rejection: ${(e.reason && e.reason.message) || e.reason}`));

  const supported = (type) => typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes || []).includes(type);
  if (supported('longtask')) {
    result.longTaskSupported = true;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) result.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  }
  // Chromium's Long Animation Frames name the scripts that ran in a long frame: that is
  // what says which code a long task is.
  if (supported('long-animation-frame')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        result.longFrames.push({
          start: e.startTime,
          duration: e.duration,
          blocking: e.blockingDuration,
          scripts: (e.scripts || []).map((s) => ({
            source: `${String(s.sourceURL || '').replace(/^.*\//, '')}${s.sourceFunctionName ? ` ${s.sourceFunctionName}` : ''}`,
            invoker: String(s.invoker || ''),
            duration: s.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  }
  if (supported('paint')) {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) result.paints[e.name] = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  }

  // Engines without Long Tasks (Firefox, WebKit) still show a blocked main thread as a late
  // timer: a 10 ms heartbeat whose tick comes 50 ms or more late was held up by a long task.
  let last = performance.now();
  const beat = () => {
    const now = performance.now();
    if (now - last >= BEAT_MS + GAP_MS) result.stalls.push([last, now - last - BEAT_MS]);
    last = now;
    if (!bench.done) setTimeout(beat, BEAT_MS);
  };
  setTimeout(beat, BEAT_MS);

  addEventListener('DOMContentLoaded', () => (result.marks.domContentLoaded = performance.now()));
  addEventListener('load', () => (result.marks.load = performance.now()));

  /** The roots to search in a panel: its shadow root (or itself, for a plain element) and every shadow root below. */
  function loading(el) {
    const roots = [el.shadowRoot || el];
    while (roots.length) {
      const root = roots.pop();
      if (root.querySelector(BUSY_SELECTOR) || BUSY_TEXT.test(root.textContent || '')) return true;
      for (const child of root.querySelectorAll('*')) if (child.shadowRoot) roots.push(child.shadowRoot);
    }
    return false;
  }
  /** A custom element has rendered once its shadow root holds an element; a plain one at once. */
  const rendered = (el) => (el.localName.includes('-') ? !!(el.shadowRoot && el.shadowRoot.querySelector('*')) : true);
  /** An error notice shown in the panel (the panel settled on a failure, not on data). */
  function showsError(el) {
    const roots = [el.shadowRoot || el];
    while (roots.length) {
      const root = roots.pop();
      if (root.querySelector('[part~="error"], [data-error]')) return true;
      for (const child of root.querySelectorAll('*')) if (child.shadowRoot) roots.push(child.shadowRoot);
    }
    return false;
  }

  /** @type {Map<Element, (typeof result.panels)[number]>} */
  const seen = new Map();
  let allAt = null;
  function frame() {
    // The time the frame's callbacks run, not the frame's own timestamp: Chromium stamps a
    // frame when it was begun, which may be before a long task that delayed it.
    const t = performance.now();
    const panels = typeof window.__benchPanels === 'function' ? window.__benchPanels() : [];
    for (const el of panels) {
      let p = seen.get(el);
      if (!p) {
        p = { name: el.dataset.panel || el.localName, rendered: null, seenLoading: false, data: null, error: false };
        seen.set(el, p);
        result.panels.push(p);
      }
      if (p.data !== null) continue;
      if (p.rendered === null && rendered(el)) p.rendered = t;
      if (p.rendered === null) continue;
      if (loading(el)) p.seenLoading = true;
      else {
        p.data = t;
        p.error = showsError(el);
        // "First panel with data": the first placeholder replaced by an answer, so panels
        // that never wait for one (a form) do not count.
        if (p.seenLoading && result.firstData === null) result.firstData = t;
      }
    }
    if (allAt === null && panels.length > 0 && result.panels.every((p) => p.data !== null)) {
      allAt = t;
      result.allData = t;
    }
    if ((allAt !== null && t - allAt >= TAIL_MS) || t >= GIVE_UP_MS) return finish(allAt === null);
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  function finish(timedOut) {
    result.timedOut = timedOut;
    const nav = performance.getEntriesByType('navigation')[0];
    if (nav) {
      result.navigation = {
        responseEnd: nav.responseEnd,
        domInteractive: nav.domInteractive,
        domContentLoaded: nav.domContentLoadedEventStart,
        loadEventStart: nav.loadEventStart,
      };
    }
    result.resources = performance.getEntriesByType('resource').map((e) => ({
      name: e.name,
      type: e.initiatorType,
      start: e.startTime,
      requestStart: e.requestStart,
      responseStart: e.responseStart,
      end: e.responseEnd,
      transfer: e.transferSize,
      protocol: e.nextHopProtocol,
    }));
    bench.done = true;
  }
})();
