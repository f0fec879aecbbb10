/** Everything the page reported as an error (console.error, uncaught errors, rejections), from the first moment. */
export const errors: string[] = [];
const error = console.error.bind(console);
console.error = (...args: unknown[]) => {
  errors.push(args.map(String).join(' '));
  error(...args);
};
window.addEventListener('error', (e) => errors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason)));
