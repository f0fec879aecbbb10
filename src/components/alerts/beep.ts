/**
 * A short alert tone made with WebAudio (no audio files): one beep for a warning, two
 * higher ones for a critical alert. Browsers keep audio suspended until the page has had a
 * user gesture; then it plays, before that it quietly does nothing.
 */
import type { Severity } from '../../alerts/types.js';

let context: AudioContext | null = null;

function audioContext(): AudioContext | null {
  if (context) return context;
  const Ctor = globalThis.AudioContext ?? (globalThis as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  try {
    context = new Ctor();
  } catch {
    return null;
  }
  return context;
}

/** Plays the tone for `severity`. Resolves true when it was scheduled to play. */
export async function playBeep(severity: Severity): Promise<boolean> {
  const ctx = audioContext();
  if (!ctx) return false;
  try {
    if (ctx.state === 'suspended') await ctx.resume();
  } catch {
    return false;
  }
  if (ctx.state !== 'running') return false;
  const frequency = severity === 'critical' ? 880 : 660;
  const beeps = severity === 'critical' ? 2 : 1;
  const start = ctx.currentTime + 0.01;
  for (let i = 0; i < beeps; i++) {
    const t = start + i * 0.22;
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    // A soft attack and release: no click, and quiet enough for an office.
    gain.gain.setValueAtTime(0, t);
    gain.gain.linearRampToValueAtTime(0.15, t + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 0.16);
    osc.connect(gain).connect(ctx.destination);
    osc.start(t);
    osc.stop(t + 0.18);
  }
  return true;
}

/**
 * The alert sound `<pharos-alerts>` plays. An object, so a host (or a test) can route the
 * sound elsewhere: `alertSound.play = (severity) => myChime(severity)`.
 */
export const alertSound: { play(severity: Severity): Promise<boolean> } = { play: playBeep };
