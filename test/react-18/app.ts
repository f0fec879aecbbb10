// The React 18 app for react-18.test.ts: the generated wrappers in a real React 18 root.
// Bundled by scripts/react-18-bundle.mjs with `react` aliased to React 18 (React is CommonJS).
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import type { TokenSource } from '../../src/api/http.js';
import type { PharosIngestSubmittedEvent } from '../../src/events/ingest-submitted.js';
import { PharosIngestTrigger, PharosSource } from '../../src/react/index.js';

/** What the test hands the app. */
export interface AppProps {
  baseUrl: string;
  tokenProvider: TokenSource;
  onSubmitted: (event: PharosIngestSubmittedEvent) => void;
}

/** The React version actually running. */
export const reactVersion = React.version;

/** Renders `<PharosSource><PharosIngestTrigger/></PharosSource>` into `container`; returns the unmount. */
export function mountApp(container: HTMLElement, props: AppProps): () => void {
  const root = createRoot(container);
  root.render(
    React.createElement(
      PharosSource,
      { baseUrl: props.baseUrl, tokenProvider: props.tokenProvider },
      React.createElement(PharosIngestTrigger, { onPharosIngestSubmitted: props.onSubmitted }),
    ),
  );
  return () => root.unmount();
}
