// The settings of a bulk run as a person (the options page) or a test may store them: cleaned on every read, so a
// value out of range or of the wrong type falls back to the default instead of stalling or hammering a site.
import { DEFAULT_RUN_SETTINGS, type RunSettings } from './queue-types';

/** What the options page offers for the pause between two requests to the same host. */
export const DELAY_SECONDS_MAX = 60;

const num = (v: unknown, min: number, max: number, fallback: number) => (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max ? v : fallback);

/** The stored `bulkSettings` object (any value) as complete run settings. */
export function cleanRunSettings(stored: unknown): RunSettings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Partial<Record<keyof RunSettings, unknown>>;
  return {
    ...DEFAULT_RUN_SETTINGS,
    delayMs: num(s.delayMs, 0, 600_000, DEFAULT_RUN_SETTINGS.delayMs),
    timeoutMs: num(s.timeoutMs, 100, 600_000, DEFAULT_RUN_SETTINGS.timeoutMs),
    backoffMs: num(s.backoffMs, 0, 600_000, DEFAULT_RUN_SETTINGS.backoffMs),
  };
}

/**
 * Seconds as a person types them ("1,5" in Vietnamese, "1.5" in English, "2") as whole milliseconds; null when it is
 * not a number from 0 to DELAY_SECONDS_MAX.
 */
export function delayMsFromInput(input: string): number | null {
  const text = input.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$|^\.\d+$/.test(text)) return null;
  const seconds = Number(text);
  return seconds <= DELAY_SECONDS_MAX ? Math.round(seconds * 1000) : null;
}
