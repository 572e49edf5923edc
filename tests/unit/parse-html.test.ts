// The eval's HTML parser builds the tree a browser would where happy-dom on its own does not.
import { parseHtml } from '../../eval/parse-html';

describe('parseHtml (happy-dom, browser-like)', () => {
  it('a stray element in <head> ends the head: it and what follows belong to <body>', () => {
    const doc = parseHtml('<html><head><title>T</title><div class="top">Oben</div><p>Absatz danach</p></head><body><p>Unten</p></body></html>');
    expect(doc.head.querySelector('div, p')).toBeNull();
    expect(doc.body.textContent).toMatch(/Oben[\s\S]*Absatz danach[\s\S]*Unten/);
    expect(doc.title).toBe('T');
  });

  it('text after an inline <svg> holding a <style> is still in the document', () => {
    const doc = parseHtml('<html><body><svg viewBox="0 0 4 4"><defs><style>.a{fill:red}</style></defs><path d="M0 0"/></svg><p>Der Artikel beginnt hier.</p></body></html>');
    expect(doc.body.textContent).toContain('Der Artikel beginnt hier.');
  });
});

describe('parseHtml end tags', () => {
  it('an end tag with junk after its name still closes the element, as a browser reads it', () => {
    const doc = parseHtml('<html><body><div id="a"><svg><g></g></svg\n\t</span><p>Danach</p></div></body></html>');
    expect(doc.querySelector('svg p')).toBeNull();
    expect(doc.querySelector('#a > p')?.textContent).toBe('Danach');
  });
});
