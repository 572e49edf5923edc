// Shapes shared by every layer. Dates are ISO 8601 with an offset (Vietnam is +07:00).

// The article's shapes are declared once in ./shapes/article.ts (a schema the validators and the published
// schemas/export.schema.json also derive from); these are the types it infers.
export type { SiteKind, ExtractorMethod } from './shapes/site-kinds';
export type { SiteInfo, ArticleImage, ExtractedArticle, Article } from './shapes/article';
export type { PageKind, Detection } from './shapes/detection';
