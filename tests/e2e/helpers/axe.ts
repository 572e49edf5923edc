// axe-core over an extension page, in both colour schemes (the accessibility suite and the feature suites use it).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const SCHEMES = ['light', 'dark'] as const;

interface Violation { id: string; impact: string; nodes: Array<{ target: string[]; failureSummary: string }> }

/**
 * axe-core's violations on the page as it stands, in both colour schemes. Evaluated through the debugging protocol,
 * which the extension pages' CSP (script-src 'self') does not block. The reader's frame runs no script, so axe
 * checks the frame element (its name) but not inside it.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    // axe takes a transparent page for white: the page must paint the scheme's own background for dark to be checked.
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background, `${colorScheme} page background`).toBe(colorScheme === 'dark' ? 'rgb(18, 18, 18)' : 'rgb(255, 255, 255)');
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }).axe;
      return (await axe.run(document, { iframes: false, resultTypes: ['violations'] })).violations;
    });
    for (const v of violations) for (const n of v.nodes) found.push(`${colorScheme} ${v.id} (${v.impact}) ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

