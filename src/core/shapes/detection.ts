// What page detection reports about a page, declared once: the Detection type and the check on the reports the
// content script sends (shared/messages.ts) derive from it. Lengths cap what a compromised page could make it send.
import * as v from 'valibot';
import { SiteInfoSchema } from './article';

const PAGE_KINDS = ['article', 'listing', 'home', 'documents', 'other'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

const capped = (max: number) => v.pipe(v.string(), v.maxLength(max));

export const DetectionSchema = v.object({
  isProvincialNewsArticle: v.boolean(),
  province: v.nullable(capped(200)),
  /** Kind of the site as the truth files name it: government-portal, newspaper, listing, home, documents, other. */
  kind: capped(50),
  pageKind: v.picklist(PAGE_KINDS),
  site: v.nullable(v.object({ ...SiteInfoSchema.entries, host: capped(300), name: capped(500) })),
  /** 0..1; lower for hosts that only look provincial. */
  confidence: v.number(),
  reasons: v.array(v.string()),
});

export type Detection = v.InferOutput<typeof DetectionSchema>;
