#!/usr/bin/env node
// Command line on the same core as the extension.
//   npm run -s extract -- [--url URL] [--generic] FILE.html      → one Article as JSON
//   npm run -s extract -- --manifest LIST.tsv                     → NDJSON, one line per "path<TAB>url" row
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { detectPage } from '../core/detect';
import { extractArticle } from '../core/extract';
import { buildArticle } from '../core/archive/build-article';
import type { Article, Detection } from '../core/types';
import { parseHtmlAt } from './parse-html';
import { emptyExplain, explainDetection, type ExtractionExplain } from '../core/extract/explain';

interface Options { url?: string; manifest?: string; generic: boolean; explain: boolean; files: string[] }

const USAGE = `usage: npm run -s extract -- [--url URL] [--generic] [--explain] FILE.html
       npm run -s extract -- --manifest LIST.tsv   (lines: path<TAB>url)`;

function parseArgs(argv: string[]): Options {
  const options: Options = { generic: false, explain: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--url') options.url = argv[++i];
    else if (arg === '--manifest') options.manifest = argv[++i];
    else if (arg === '--generic') options.generic = true;
    else if (arg === '--explain') options.explain = true;
    else if (arg === '-h' || arg === '--help') { console.log(USAGE); process.exit(0); }
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else options.files.push(arg);
  }
  if (!options.manifest && options.files.length !== 1) throw new Error(USAGE);
  return options;
}

interface CliRow {
  file: string;
  detection: Pick<Detection, 'isProvincialNewsArticle' | 'province' | 'kind'> | null;
  article: Article | null;
  error: string | null;
  explain?: ExtractionExplain;
}

async function processFile(file: string, url: string | undefined, generic: boolean, explain = false): Promise<CliRow> {
  const row: CliRow = { file, detection: null, article: null, error: null };
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch (error) {
    row.error = `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    return row;
  }
  const pageUrl = url || pathToFileURL(resolve(file)).href;
  const { document, close } = parseHtmlAt(html, pageUrl);
  try {
    const detection = detectPage(document, pageUrl);
    row.detection = { isProvincialNewsArticle: detection.isProvincialNewsArticle, province: detection.province, kind: detection.kind };
    const ex = explain ? emptyExplain() : undefined;
    if (ex) {
      ex.detection = explainDetection(detection);
      row.explain = ex;
    }
    try {
      const extracted = extractArticle(document, pageUrl, { useSiteRules: !generic, explain: ex });
      row.article = await buildArticle(extracted, detection.site);
    } catch (error) {
      row.error = error instanceof Error ? error.message : String(error);
    }
  } finally {
    await close();
  }
  return row;
}

function readManifest(path: string): Array<{ file: string; url: string | undefined }> {
  const base = dirname(resolve(path));
  return readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l.trim() && !l.startsWith('#')).map((line) => {
    const [file, url] = line.split('\t');
    return { file: resolve(base, file.trim()), url: url?.trim() || undefined };
  });
}

async function main(): Promise<number> {
  let options: Options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (options.manifest) {
    let rows;
    try {
      rows = readManifest(options.manifest);
    } catch (error) {
      console.error(`cannot read manifest ${options.manifest}: ${(error as Error).message}`);
      return 2;
    }
    for (const { file, url } of rows) {
      let row: CliRow;
      try {
        row = await processFile(file, url, options.generic);
      } catch (error) {
        row = { file, detection: null, article: null, error: error instanceof Error ? error.message : String(error) };
      }
      process.stdout.write(`${JSON.stringify(row)}\n`);
    }
    return 0;
  }
  let row: CliRow;
  try {
    row = await processFile(options.files[0], options.url, options.generic, options.explain);
  } catch (error) {
    console.error(`${options.files[0]}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  if (options.explain) {
    process.stdout.write(formatExplain(row));
    return row.article ? 0 : 1;
  }
  if (!row.article) {
    console.error(`${row.file}: ${row.error}`);
    return 1;
  }
  process.stdout.write(`${JSON.stringify(row.article, null, 2)}\n`);
  return 0;
}

/** The explanation as lines a person reads: detection, body path, metadata with sources, removed blocks. */
function formatExplain(row: CliRow): string {
  const ex = row.explain;
  const out: string[] = [];
  if (row.error) out.push(`error: ${row.error}`);
  if (!ex) return out.join('\n') + '\n';
  if (ex.detection) out.push(`detection: ${ex.detection.decision}`, ...ex.detection.reasons.map((r) => `  - ${r}`));
  if (row.article) {
    out.push(`body: ${ex.path}${ex.rule ? ` (${ex.rule})` : ''}, ${row.article.wordCount} words`);
    if (ex.candidates.length) out.push('generic scorer:', ...ex.candidates.map((c) => `  - ${String(c)}`));
    else out.push('generic scorer: not used (a rule chose the body)');
    out.push('metadata:');
    for (const [k, f] of Object.entries(ex.metadata)) out.push(`  ${k}: ${JSON.stringify(f.value)} ← ${f.via}`);
    out.push(`removed blocks: ${ex.removed.length}`, ...ex.removed.map((r) => `  - ${r.reason}: ${JSON.stringify(r.text)}`));
  }
  return out.join('\n') + '\n';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then((code) => { process.exitCode = code; }, (error) => { console.error(error); process.exitCode = 1; });
}
