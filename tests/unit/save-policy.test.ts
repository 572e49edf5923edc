import { unsaveablePage } from '../../src/core/save-policy';

describe('which pages may be saved as an article', () => {
  it('refuses listing and home pages, and nothing else', () => {
    expect(unsaveablePage({ isProvincialNewsArticle: false, pageKind: 'listing' })).toBe('listing');
    expect(unsaveablePage({ isProvincialNewsArticle: false, pageKind: 'home' })).toBe('home');
    // Not articles, but readable pages: "save anyway" stays.
    expect(unsaveablePage({ isProvincialNewsArticle: false, pageKind: 'other' })).toBeNull();
    expect(unsaveablePage({ isProvincialNewsArticle: false, pageKind: 'documents' })).toBeNull();
    expect(unsaveablePage({ isProvincialNewsArticle: true, pageKind: 'article' })).toBeNull();
    expect(unsaveablePage(null)).toBeNull();
  });
});
