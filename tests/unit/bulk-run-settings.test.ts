// The bulk runs' settings as stored, and the politeness delay as a person types it on the options page.
import { cleanRunSettings, delayMsFromInput } from '../../src/core/bulk/run-settings';
import { DEFAULT_RUN_SETTINGS } from '../../src/core/bulk/queue-types';

describe('bulk run settings', () => {
  it('takes stored values in range and falls back to the defaults for the rest', () => {
    expect(cleanRunSettings(undefined)).toEqual(DEFAULT_RUN_SETTINGS);
    expect(cleanRunSettings({ delayMs: 400 }).delayMs).toBe(400);
    expect(cleanRunSettings({ delayMs: 0 }).delayMs).toBe(0);
    for (const bad of [-1, 700_000, Number.NaN, '400', null]) expect(cleanRunSettings({ delayMs: bad }).delayMs).toBe(1500);
    expect(cleanRunSettings({ timeoutMs: 5 }).timeoutMs).toBe(DEFAULT_RUN_SETTINGS.timeoutMs);
    expect(cleanRunSettings('garbage')).toEqual(DEFAULT_RUN_SETTINGS);
  });

  it('reads seconds with a comma or a point, from 0 to 60, as whole milliseconds', () => {
    expect(delayMsFromInput('1,5')).toBe(1500);
    expect(delayMsFromInput(' 1.5 ')).toBe(1500);
    expect(delayMsFromInput('0')).toBe(0);
    expect(delayMsFromInput('60')).toBe(60_000);
    expect(delayMsFromInput('0,25')).toBe(250);
    for (const bad of ['', 'abc', '-1', '61', '1,5,2', '1e3', '２']) expect(delayMsFromInput(bad)).toBeNull();
  });
});
