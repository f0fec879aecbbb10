/**
 * A signal that aborts when the first of `signals` does, with its reason. `AbortSignal.any`
 * where the browser has it; Safari before 17.4 and Firefox before 124 (ESR 115) do not,
 * and calling it there would turn every request into a network error.
 */
export function anySignal(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([...signals]);
  const controller = new AbortController();
  const already = signals.find((s) => s.aborted);
  if (already) {
    controller.abort(already.reason);
    return controller.signal;
  }
  const onAbort = (event: Event) => {
    for (const s of signals) s.removeEventListener('abort', onAbort);
    controller.abort((event.target as AbortSignal).reason);
  };
  for (const s of signals) s.addEventListener('abort', onAbort);
  return controller.signal;
}
