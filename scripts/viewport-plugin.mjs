// @ts-check
// A `viewport` test command that works in all three engines and answers the viewport it
// reached. The runner's own set-viewport speaks only puppeteer and playwright; for WebKit
// (WebDriver) this sizes the window so that the page's viewport, not the window with its
// frame, gets the asked size, as far as the window allows: WebKitGTK's MiniBrowser window
// is never narrower than its toolbar (a viewport of about 450 px).

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function viewportPlugin() {
  return {
    name: 'pharos-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'viewport') return undefined;
      const { width, height } = /** @type {{ width: number, height: number }} */ (payload);
      const browser = /** @type {any} */ (session.browser);
      if (browser.type === 'puppeteer') {
        await browser.getPage(session.id).setViewport({ width, height });
        return { width, height };
      }
      if (browser.type === 'webdriver' && browser.driver) {
        const driver = browser.driver;
        // Twice: the first pass measures how much the window frame takes.
        const inner = async () => /** @type {[number, number]} */ (await driver.execute('return [window.innerWidth, window.innerHeight]'));
        for (let pass = 0; pass < 2; pass++) {
          const [innerW, innerH] = await inner();
          if (innerW === width && innerH === height) break;
          const { width: outerW, height: outerH } = await driver.getWindowSize();
          await driver.setWindowSize(width + (outerW - innerW), height + (outerH - innerH));
        }
        const [reachedW, reachedH] = await inner();
        return { width: reachedW, height: reachedH };
      }
      throw new Error(`Setting the viewport is not supported for ${browser.type} browsers.`);
    },
  };
}
