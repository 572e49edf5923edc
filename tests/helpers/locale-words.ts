// The extension's messages as the browser fills them in (named placeholders → $1…), for pure code that takes its words.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const root = resolve(import.meta.dirname, '../..');

export function localeWords(locale = 'vi'): { t: (key: string, ...subs: string[]) => string; count: (n: number) => string } {
  const messages = JSON.parse(readFileSync(resolve(root, `_locales/${locale}/messages.json`), 'utf8')) as Messages;
  const t = (key: string, ...subs: string[]): string => {
    const entry = messages[key];
    if (!entry) throw new Error(`no message ${key}`);
    const named = entry.message.replace(/\$([A-Za-z_]+)\$/g, (_, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? '');
    return named.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1] ?? '');
  };
  return { t, count: (n) => n.toLocaleString(locale) };
}
