// The generic body finder's choices a reader would notice: an article split into sibling blocks comes out whole, a
// page with text never comes out empty, and the explain trace says which path chose the body.
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';
import { newGenericTrace } from '../../src/core/extract/generic-trace';

const URL_ = 'https://blog.example.org/2024/05/artikel.html';
const para = (i: number, word = 'Gemeinderat') =>
  `<p>Absatz ${i}: Der ${word} hat am Dienstag, nach langer Debatte, beschlossen, die alte Brücke zu sanieren, den Radweg zu verbreitern und die Kosten offen zu legen.</p>`;
const run = (html: string, trace = newGenericTrace()) => ({ a: extractArticle(parseHtml(html, URL_), URL_, { useSiteRules: false, genericTrace: trace }), trace });

describe('generic body finder', () => {
  it('an article split by an ad into two sibling blocks comes out whole, without the link list beside it', () => {
    const { a } = run(
      `<html><body><main><h1>Brücke wird saniert</h1><div class="part">${para(1)}${para(2)}${para(3)}</div>` +
        `<div class="ad-slot"><a href="/x">Anzeige</a></div><div class="part">${para(4)}${para(5)}</div>` +
        `<ul class="more"><li><a href="/a">Weitere Nachrichten aus der Region heute</a></li><li><a href="/b">Noch ein langer Linktitel zum Testen</a></li></ul></main></body></html>`,
    );
    for (let i = 1; i <= 5; i++) expect(a.bodyText).toContain(`Absatz ${i}:`);
    expect(a.bodyText).not.toMatch(/Anzeige|Weitere Nachrichten/);
  });

  it('loose paragraphs beside the best block (Readability-style siblings) join the body; a sapo before it stays the lead', () => {
    const lead = 'Kurz gesagt: Die Stadt saniert die alte Brücke über den Fluss, und der Radweg wird dabei deutlich breiter als bisher.';
    const { a } = run(
      `<html><body><article><h1>Brücke</h1><p class="summary">${lead}</p><div class="text">${para(1)}${para(2)}${para(3)}</div>` +
        `<p>Der Bürgermeister sagte, die Arbeiten würden im Herbst beginnen und etwa ein Jahr dauern, wenn das Wetter mitspielt.</p></article></body></html>`,
    );
    expect(a.bodyText).toContain('Der Bürgermeister sagte');
    expect(a.bodyText).not.toContain('Kurz gesagt');
  });

  it('a page of short lines only gives those lines, not "no article"', () => {
    const { a, trace } = run('<html><body><div><a href="/">Start</a></div><div>Betriebsferien bis 6. Januar</div><div>Danke!</div></body></html>');
    expect(a.bodyText).toContain('Betriebsferien bis 6. Januar');
    expect(trace.path).toBe('largest-text-block');
  });

  it('the trace lists the candidates with their scores and the container chosen', () => {
    const { trace } = run(`<html><body><div id="main" class="entry-content">${para(1)}${para(2)}${para(3)}</div><div class="sidebar">${para(9, 'Kreistag')}</div></body></html>`);
    expect(trace.path).toBe('best-candidate');
    expect(trace.chosen).toBe('div#main.entry-content');
    expect(trace.candidates[0].element).toBe('div#main.entry-content');
    expect(trace.candidates[0].score).toBeGreaterThan(trace.candidates[1]?.score ?? 0);
    expect(trace.candidates.every((c) => c.linkDensity === 0)).toBe(true);
  });
});
