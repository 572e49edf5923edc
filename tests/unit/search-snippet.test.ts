// Which words a result's snippet and title highlight (issue 20, point 6).
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/core/search/query';
import { buildSnippet, highlighterFor, highlightRanges } from '../../src/core/search/snippet';

const marked = (text: string, ranges: [number, number][]) => ranges.map(([s, e]) => text.slice(s, e));

// An article like the one in the issue: "dưỡng" comes first, "đường" fifteen times after it.
const lead = 'Chăm sóc, bồi dưỡng cán bộ cơ sở là nhiệm vụ thường xuyên của tỉnh.';
const body = [
  'Năm nay tỉnh tập trung bồi dưỡng kỹ năng cho cán bộ xã.',
  ...Array.from({ length: 15 }, (_, i) => `Đoạn ${i + 1}: tuyến đường liên xã số ${i + 1} đã được nâng cấp.`),
].join(' ');

describe('snippet highlighting', () => {
  it('searching đường marks đường, not dưỡng, and the window shows an exact match', () => {
    const h = highlighterFor(parseQuery('đường ', { prefix: false }));
    const snip = buildSnippet(lead, body, h);
    const words = marked(snip.text, snip.ranges);
    expect(words.length).toBeGreaterThan(0);
    expect(words.every((w) => w.toLowerCase() === 'đường')).toBe(true);
    expect(snip.text).toContain('tuyến đường');
  });

  it('falls back to the folded matches when the text has no exact one', () => {
    const h = highlighterFor(parseQuery('đường ', { prefix: false }));
    const snip = buildSnippet(lead, 'Chương trình bồi dưỡng nghiệp vụ.', h);
    expect(marked(snip.text, snip.ranges)).toEqual(['dưỡng']);
  });

  it('a query typed without diacritics marks every folded match', () => {
    const h = highlighterFor(parseQuery('duong', { prefix: false }));
    const text = 'Bồi dưỡng trên tuyến đường và dương liễu.';
    expect(marked(text, highlightRanges(text, h))).toEqual(['dưỡng', 'đường', 'dương']);
  });

  it('marks exact matches only in a title that has both forms', () => {
    const h = highlighterFor(parseQuery('đường', { prefix: false }));
    const title = 'Bồi dưỡng cán bộ làm đường giao thông nông thôn';
    expect(marked(title, highlightRanges(title, h))).toEqual(['đường']);
  });

  it('a quoted phrase is one span, and its words elsewhere are not marked', () => {
    const h = highlighterFor(parseQuery('"an toàn giao thông"'));
    const text = 'Giao thông nông thôn phát triển; bảo đảm an toàn giao thông trên mọi tuyến, an toàn là trên hết.';
    expect(marked(text, highlightRanges(text, h))).toEqual(['an toàn giao thông']);
  });

  it('a phrase split by punctuation is still one span', () => {
    const h = highlighterFor(parseQuery('"hà giang tuyên quang"'));
    const text = 'Hai tỉnh Hà Giang, Tuyên Quang hợp nhất.';
    expect(marked(text, highlightRanges(text, h))).toEqual(['Hà Giang, Tuyên Quang']);
  });

  it('the snippet window is placed on the phrase, not on an earlier lone word of it', () => {
    const h = highlighterFor(parseQuery('"an toàn giao thông"'));
    const longBody = `${'Giao thông phát triển mạnh trong năm qua. '.repeat(20)}Tỉnh ra quân bảo đảm an toàn giao thông dịp Tết.`;
    const snip = buildSnippet(null, longBody, h);
    expect(marked(snip.text, snip.ranges)).toEqual(['an toàn giao thông']);
  });

  it('a prefix typed with diacritics prefers the exact prefix', () => {
    const h = highlighterFor(parseQuery('đườ'));
    const text = 'Bồi dưỡng và làm đường.';
    expect(marked(text, highlightRanges(text, h))).toEqual(['đường']);
  });

  it('words of a query are still joined when adjacent', () => {
    const h = highlighterFor(parseQuery('cải cách hành chính', { prefix: false }));
    const text = 'Đẩy mạnh cải cách hành chính ở cơ sở.';
    expect(marked(text, highlightRanges(text, h))).toEqual(['cải cách hành chính']);
  });
});
