// The benchmark's query mix (pure, shared by the Node and Chromium runs): 1–3 words with and without
// diacritics, prefixes, phrases, filters, exclusions. Words are drawn from sample articles so most queries hit.
import type { Article } from '../src/core/types';
import type { SearchFilters } from '../src/core/search';
import { foldVietnamese } from '../src/core/text/normalize';
import { tokenize } from '../src/core/text/tokenize';
import { rng, SITES, TAGS } from './search-corpus';

export interface BenchQuery {
  text: string;
  filters?: SearchFilters;
  form: string;
}

export function makeBenchQueries(sample: Article[], count: number): BenchQuery[] {
  const r = rng(4242);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const words = sample.flatMap((a) => tokenize(a.bodyText).slice(0, 200).map((t) => t.text.toLowerCase()));
  const word = () => pick(words);
  const phrase = (n: number) => {
    const a = pick(sample);
    const toks = tokenize(a.bodyText).map((t) => t.text.toLowerCase());
    const at = Math.floor(r() * Math.max(1, toks.length - n));
    return toks.slice(at, at + n).join(' ');
  };
  const qs: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    switch (i % 8) {
      case 0: qs.push({ form: '1 word', text: `${word()} ` }); break;
      case 1: qs.push({ form: '2 words folded', text: `${foldVietnamese(`${word()} ${word()}`)} ` }); break;
      case 2: qs.push({ form: '3 words', text: `${word()} ${word()} ${word()} ` }); break;
      case 3: { const w = word(); qs.push({ form: 'prefix', text: `${word()} ${w.slice(0, Math.max(2, w.length - 1))}` }); break; }
      case 4: qs.push({ form: 'phrase', text: `"${phrase(2 + (i % 3))}"` }); break;
      case 5: qs.push({ form: 'word + province', text: `${word()} `, filters: { province: pick(SITES).province ?? 'Lào Cai' } }); break;
      case 6: qs.push({ form: 'words + dates', text: `${word()} ${word()} `, filters: { publishedFrom: '2024-06-01', publishedTo: '2025-06-30' } }); break;
      case 7: qs.push({ form: 'word -word + tag', text: `${word()} -${word()} `, filters: r() < 0.5 ? { tag: pick(TAGS) } : undefined }); break;
    }
  }
  return qs;
}

