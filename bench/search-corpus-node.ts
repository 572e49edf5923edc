// Node side of the synthetic corpus: the texts of the shared corpus (titles, leads, bodies of its truth files).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chainSource, type WordSource } from './search-corpus';

export function corpusTexts(corpusDir = resolve(import.meta.dirname, '../../shared/corpus/vn')): string[] {
  if (!existsSync(corpusDir)) return [];
  const texts: string[] = [];
  for (const d of readdirSync(corpusDir, { withFileTypes: true })) {
    const truthPath = resolve(corpusDir, d.name, 'truth.json');
    if (!d.isDirectory() || !existsSync(truthPath)) continue;
    try {
      const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as { title?: string | null; lead?: string | null; bodyText?: string | null };
      texts.push([truth.title, truth.lead, truth.bodyText].filter(Boolean).join('\n'));
    } catch {
      /* skip unreadable truth files */
    }
  }
  return texts;
}

export function corpusSource(): WordSource | null {
  return chainSource(corpusTexts());
}
