// Vietnamese text normalization shared by extraction, search and detection.

/** Unicode NFC (composed) form; Vietnamese pages sometimes arrive decomposed (NFD). */
export function toNFC(s: string): string {
  return s.normalize('NFC');
}

/** Collapse runs of whitespace (including NBSP and zero-width chars) to one space and trim. */
export function collapseWhitespace(s: string): string {
  return s
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

/** Lowercase, strip diacritics, đ→d; also collapses whitespace. For matching, never for display. */
export function foldVietnamese(s: string): string {
  return collapseWhitespace(
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase(),
  );
}

/** What makes two tags the same tag: NFC, whitespace collapsed, case ignored (archive de-duplication and the tag filter). */
export function tagIdentity(tag: string): string {
  return tag.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}
