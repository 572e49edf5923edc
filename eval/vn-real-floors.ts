// The floors issue 16 sets on the real pages; a run below one says so and exits non-zero.
import type { Totals } from './run-eval';

interface Floor { what: string; ok: (t: Totals) => boolean }

const WITH_RULES: Floor[] = [
  { what: 'body F1 ≥ 0.99', ok: (t) => t.f1 >= 0.99 },
  { what: '0 leaks', ok: (t) => t.leaks === 0 },
  { what: 'title 100%', ok: (t) => t.title === 1 },
  { what: 'date ≥ 95%', ok: (t) => t.date >= 0.95 },
  { what: 'author ≥ 90%', ok: (t) => t.author >= 0.9 },
  { what: 'category ≥ 90%', ok: (t) => t.category >= 0.9 },
];
const WITHOUT_RULES: Floor[] = [
  { what: 'body F1 ≥ 0.97', ok: (t) => t.f1 >= 0.97 },
  { what: '0 leaks', ok: (t) => t.leaks === 0 },
];

/** Prints each missed floor; returns true when one was missed. */
export function checkVnRealFloors(summary: [string, Totals][], detected: [number, number] | null): boolean {
  const find = (name: string) => summary.find(([n]) => n === name)?.[1];
  const misses: string[] = [];
  const check = (name: string, floors: Floor[]) => {
    const t = find(name);
    if (t) for (const f of floors) if (!f.ok(t)) misses.push(`${name}: ${f.what}`);
  };
  check('vn-real: ours (site rules)', WITH_RULES);
  check('vn-real: ours (generic)', WITHOUT_RULES);
  if (detected && detected[0] !== detected[1]) misses.push(`vn-real: detection ${detected[0]}/${detected[1]}`);
  if (!find('vn-real: ours (site rules)')) return false;
  console.log(misses.length ? `\nvn-real floors MISSED:\n  ${misses.join('\n  ')}` : '\nvn-real floors: all met');
  return misses.length > 0;
}
