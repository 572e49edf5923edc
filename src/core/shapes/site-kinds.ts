// The kinds of news site, listed once, as plain lists: detection and the schemas both read them.

export const SITE_KINDS = ['government-portal', 'department-site', 'newspaper', 'broadcaster', 'other'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** The kinds a site list (built-in or the user's) may give a host; 'other' is what detection says of the rest. */
export const LISTED_SITE_KINDS = SITE_KINDS.filter((k): k is Exclude<SiteKind, 'other'> => k !== 'other');
export type ListedSiteKind = (typeof LISTED_SITE_KINDS)[number];

/** Which path chose the body: a built-in site rule, the user's own rule for the host (picked in the popup), or the generic scorer. */
export const EXTRACTOR_METHODS = ['site-rule', 'user-rule', 'generic'] as const;
export type ExtractorMethod = (typeof EXTRACTOR_METHODS)[number];
