// Shapes shared by every layer. Dates are ISO 8601 with an offset (Vietnam is +07:00).

export type SiteKind = 'government-portal' | 'department-site' | 'newspaper' | 'broadcaster' | 'other';

export interface SiteInfo {
  host: string;
  /** Human name of the site, e.g. "Cổng TTĐT tỉnh Tuyên Quang", or the host when unknown. */
  name: string;
  /** Current province name (after the July 2025 merger), or null for non-provincial sites. */
  province: string | null;
  kind: SiteKind;
}

export interface ArticleImage {
  src: string;
  caption: string | null;
  alt: string | null;
}

/** Which path chose the body: a built-in site rule, the user's own rule for the host (picked in the popup), or the generic scorer. */
export type ExtractorMethod = 'site-rule' | 'user-rule' | 'generic';

/** What the extractor produces from one DOM, before it becomes an archived Article. */
export interface ExtractedArticle {
  url: string;
  canonicalUrl: string;
  title: string;
  category: string | null;
  lead: string | null;
  author: string | null;
  /** "Nguồn: …" / "Theo …" line, kept apart from the author. */
  source: string | null;
  publishedAt: string | null;
  language: string;
  bodyHtml: string;
  bodyText: string;
  images: ArticleImage[];
  wordCount: number;
  extractor: { version: string; method: ExtractorMethod };
}

export interface Article extends ExtractedArticle {
  id: string;
  site: SiteInfo;
  contentHash: string;
  capturedAt: string;
  tags: string[];
  note: string;
  /** Set when a later save replaced the content of this article. */
  updatedAt?: string;
  /** How the article entered the archive when not by a click on its page: 'bulk' = fetched from a listing's queue. */
  capturedVia?: 'bulk';
  /** The listing page a bulk capture found the article on. */
  listingUrl?: string;
}

export type PageKind = 'article' | 'listing' | 'home' | 'documents' | 'other';

export interface Detection {
  isProvincialNewsArticle: boolean;
  province: string | null;
  /** Kind of the site as the truth files name it: government-portal, newspaper, listing, home, documents, other. */
  kind: string;
  pageKind: PageKind;
  site: SiteInfo | null;
  /** 0..1; lower for hosts that only look provincial. */
  confidence: number;
  reasons: string[];
}
