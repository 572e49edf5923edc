// The one place that reads and writes the bulk runs' settings in storage.local (key `bulkSettings`): the background
// reads them when a run starts, the options page writes the politeness delay.
import browser from 'webextension-polyfill';
import { cleanRunSettings } from '../core/bulk/run-settings';
import type { RunSettings } from '../core/bulk/queue-types';

const BULK_SETTINGS_KEY = 'bulkSettings';

async function stored(): Promise<Record<string, unknown>> {
  const value: unknown = (await browser.storage.local.get(BULK_SETTINGS_KEY))[BULK_SETTINGS_KEY];
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export async function readRunSettings(): Promise<RunSettings> {
  return cleanRunSettings(await stored());
}

/** Stores the pause between two requests to the same host; the other stored settings stay as they are. */
export async function writeDelayMs(delayMs: number): Promise<void> {
  await browser.storage.local.set({ [BULK_SETTINGS_KEY]: { ...(await stored()), delayMs } });
}
