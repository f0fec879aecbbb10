// Module shapes the bundler (Vite) and the test runner's css-inline plugin provide.

/** A stylesheet imported as text, to adopt inside a shadow root with `unsafeCSS`. */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
