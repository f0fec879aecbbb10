import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Sets the page's viewport in any of the three engines (scripts/viewport-plugin.mjs); the
 * runner's own setViewport cannot size WebKit's, which is driven over WebDriver. Returns the
 * size reached: WebKitGTK's MiniBrowser window does not get narrower than about 450 px.
 */
export async function setViewport(size: { width: number; height: number }): Promise<{ width: number; height: number }> {
  return (await executeServerCommand('viewport', size)) as { width: number; height: number };
}
