// @web/test-runner: every test runs in real browsers (Chromium, Firefox, WebKit; BROWSERS picks
// them, scripts/test.mjs runs one after the other), against the Pharos simulator mounted on the
// same origin as the test pages (real HTTP, no fetch mocks).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchers } from './scripts/browsers.mjs';
import { cspHeaderMiddleware } from './scripts/csp-header-middleware.mjs';
import { cssInlinePlugin } from './scripts/css-inline-plugin.mjs';
import { prometheusPlugin } from './scripts/prometheus-plugin.mjs';
import { relayPlugin } from './scripts/relay-plugin.mjs';
import { viewportPlugin } from './scripts/viewport-plugin.mjs';
import { simulatorMiddleware } from './sim/koa.js';
import { packedPackageMiddleware } from './scripts/packed-package.mjs';
import { react18BundlePlugin } from './scripts/react-18-bundle.mjs';

const rootDir = fileURLToPath(new URL('.', import.meta.url));
/** `npm run coverage` fails below this share of lines covered. */
const MIN_LINE_COVERAGE = 95;

/** Writes the totals (and line coverage, when measured) for scripts/test.mjs, which prints them. */
function totalsReporter() {
  return {
    onTestRunFinished({ sessions, testCoverage }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else failed++;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load has no results but must still count as a failure.
        else if (!session.passed) failed++;
      }
      // The browser itself went away mid-run (scripts/test.mjs runs the engine once more).
      const lost = sessions.some((s) => (s.errors ?? []).some((e) => /browser disconnected/.test(e.message ?? '')));
      if (process.env.PHAROS_TOTALS_FILE) {
        const lines = testCoverage && { ...testCoverage.summary.lines, required: MIN_LINE_COVERAGE };
        writeFileSync(process.env.PHAROS_TOTALS_FILE, JSON.stringify({ passed, failed, skipped, lost, lines }));
      }
    },
  };
}

export default {
  rootDir,
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: a second page runs as a hidden tab, where the store pauses polling
  // (by design) and Chromium gives no animation frames, so such tests would only time out.
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 10 * 60 * 1000,
  browsers: launchers(),
  // `npm run coverage` (Chromium): line coverage of the library, failing below 95 %.
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['**/*.test.ts', '**/node_modules/**'],
    threshold: { statements: 0, branches: 0, functions: 0, lines: MIN_LINE_COVERAGE },
    report: true,
    reportDir: 'coverage',
    reporters: ['lcov'],
  },
  // Pages under test/csp/ get a strict Content-Security-Policy header (test/csp/csp.test.ts);
  // /packed/ serves the built, packed package and its strict-CSP host page (test/dist/).
  middleware: [simulatorMiddleware(), cspHeaderMiddleware('/test/csp/'), packedPackageMiddleware(rootDir)],
  plugins: [
    cssInlinePlugin(rootDir),
    // The React 18 test app, bundled with React 18 in place of the project's React 19.
    react18BundlePlugin(rootDir),
    viewportPlugin(),
    // A real Prometheus scraping the standalone simulator, started on first use (test/prometheus/).
    prometheusPlugin({ rootDir }),
    // Real relays (relay/) in front of simulator instances, started by the tests (test/relay/).
    relayPlugin({ rootDir }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
  reporters: [defaultReporter(), totalsReporter()],
};
