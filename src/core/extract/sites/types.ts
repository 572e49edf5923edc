// Site rules are data: selectors per CMS family, plus what to strip. Each names the fixtures that prove it.

export interface SiteRule {
  /** Stable id, e.g. "nukeviet-4". */
  id: string;
  /** CMS family label for reports. */
  family: string;
  /** The rule applies when any URL pattern matches (if given) AND any `detect` selector is present (if given). */
  match: { urls?: RegExp[]; detect?: string[] };
  title?: string[];
  /** Body container selectors, tried in order; the first present wins. Required. */
  body: string[];
  date?: string[];
  author?: string[];
  category?: string[];
  lead?: string[];
  /** The sapo is the body's first paragraph when it is entirely bold (N4 newspapers: "first p > strong"). */
  leadIsFirstBoldParagraph?: boolean;
  /** Elements to remove before anything else (related boxes, tools, tags…). */
  strip?: string[];
  /** Fixture ids (corpus dirs or tests/fixtures/extract dirs) that prove this rule. */
  fixtures: string[];
}
