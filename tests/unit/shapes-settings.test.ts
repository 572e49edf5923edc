// Settings read from storage.local and the archive's settings table go through their declarations
// (src/core/shapes/settings.ts): whatever is stored there, a damaged value gives the default, never an error.
import fc from 'fast-check';
import { DEFAULT_RUN_SETTINGS } from '../../src/core/bulk/queue-types';
import {
  BulkSettingsSchema, CollectionSchema, ReminderEverySchema, ReminderStateSchema, storedList, storedSetting, UserRuleSchema, UserSiteSchema,
} from '../../src/core/shapes/settings';

const defaults = { delayMs: DEFAULT_RUN_SETTINGS.delayMs, timeoutMs: DEFAULT_RUN_SETTINGS.timeoutMs, backoffMs: DEFAULT_RUN_SETTINGS.backoffMs };

describe('stored settings', () => {
  it('bulk pacing: each field out of range or of the wrong type falls back to its own default', () => {
    expect(storedSetting(BulkSettingsSchema, undefined)).toEqual(defaults);
    expect(storedSetting(BulkSettingsSchema, 'fast')).toEqual(defaults);
    expect(storedSetting(BulkSettingsSchema, { delayMs: 0, timeoutMs: 50, backoffMs: '1' })).toEqual({ ...defaults, delayMs: 0 });
    expect(storedSetting(BulkSettingsSchema, { delayMs: 700_000, timeoutMs: 2000, backoffMs: Number.NaN, extra: 1 })).toEqual({ ...defaults, timeoutMs: 2000 });
  });

  it('backup reminder: typed text counts, anything else is the default', () => {
    expect(storedSetting(ReminderEverySchema, ' 20 ')).toBe(20);
    expect(storedSetting(ReminderEverySchema, 1e9)).toBe(100_000);
    for (const bad of [-1, 1.5, '', 'x', null, true, {}]) expect(storedSetting(ReminderEverySchema, bad)).toBe(50);
    expect(storedSetting(ReminderStateSchema, { sinceBackup: 7, dismissedAt: -3 })).toEqual({ sinceBackup: 7, dismissedAt: 0 });
    expect(storedSetting(ReminderStateSchema, [1, 2])).toEqual({ sinceBackup: 0, dismissedAt: 0 });
  });

  it('user sites: a blank name is left out, not the site; the last entry of a host wins', () => {
    const sites = storedList(UserSiteSchema, [
      { host: 'WWW.Tinh.gov.vn.', province: ' Tuyên Quang ', kind: 'government-portal', name: '  ' },
      { host: 'x', province: 'Hà Giang', kind: 'newspaper' },
      { host: 'b.vn', province: 'Hà Giang', kind: 'other' },
      { host: 'b.vn', province: 'Hà Giang', kind: 'newspaper', name: ' Báo B ' },
      null, 'b.vn',
    ], (s) => s.host);
    expect(sites).toEqual([
      { host: 'tinh.gov.vn', province: 'Tuyên Quang', kind: 'government-portal' },
      { host: 'b.vn', province: 'Hà Giang', kind: 'newspaper', name: 'Báo B' },
    ]);
  });

  it('collections: names cleaned, stray ids dropped, a collection without a name left out', () => {
    expect(storedList(CollectionSchema, [{ id: 'c1', name: '  Cải  cách ', ids: ['a', 5, null, 'b'] }, { id: 'c2', name: ' ', ids: [] }], (c) => c.id))
      .toEqual([{ id: 'c1', name: 'Cải cách', createdAt: '', ids: ['a', 'b'] }]);
  });

  it('never throw, whatever is stored', () => {
    fc.assert(fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true, withBoxedValues: true }), (x) => {
      for (const schema of [BulkSettingsSchema, ReminderEverySchema, ReminderStateSchema]) storedSetting(schema, x);
      for (const schema of [UserSiteSchema, UserRuleSchema, CollectionSchema]) storedList(schema, [x], () => '');
    }), { numRuns: 300 });
  });
});
