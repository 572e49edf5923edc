import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

describe('Firefox build', () => {
  it('passes web-ext lint with no errors', () => {
    const dir = resolve(root, 'dist/firefox');
    expect(existsSync(resolve(dir, 'manifest.json')), 'dist/firefox missing: run npm run build').toBe(true);
    const run = spawnSync(process.execPath, [resolve(root, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, WEB_EXT_NO_UPDATE_NOTIFIER: '1' }, timeout: 120_000,
    });
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{')));
    const errors = (report.errors ?? []).map((e: { code: string; message: string; file?: string }) => `${e.code}: ${e.message} (${e.file ?? ''})`);
    expect(errors).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});
