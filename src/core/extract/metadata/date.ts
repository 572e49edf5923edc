// Vietnamese date parsing: every form seen on provincial portals and newspapers (vn-sites.md §5).
// Returns "YYYY-MM-DDTHH:MM:SS+07:00" when a time is shown, "YYYY-MM-DD" when only a date is.
import { foldVietnamese } from '../../text/normalize';

const pad = (n: number) => String(n).padStart(2, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}

function fmt(y: number, m: number, d: number, time: { h: number; mi: number; s: number } | null): string {
  const date = `${y}-${pad(m)}-${pad(d)}`;
  if (!time) return date;
  return `${date}T${pad(time.h)}:${pad(time.mi)}:${pad(time.s)}+07:00`;
}

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

interface DateHit {
  y: number;
  m: number;
  d: number;
  start: number;
  end: number;
}

// Times: 15:30, 15:30:00, 15h30, 15g30, 15 giờ 30, with optional AM/PM / SA/CH.
const TIME_RE = /(?<![\d:/.-])([01]?\d|2[0-3])\s*(?::|h|g|giờ|gio)\s*([0-5]\d)(?:\s*(?::|phút|phut)\s*:?([0-5]\d))?(?:\s*(am|pm|sa|ch)\b)?(?![\d/])/giu;

function findTimes(s: string): { h: number; mi: number; s: number; start: number; end: number }[] {
  const out: { h: number; mi: number; s: number; start: number; end: number }[] = [];
  TIME_RE.lastIndex = 0;
  for (let m = TIME_RE.exec(s); m; m = TIME_RE.exec(s)) {
    let h = +m[1];
    const ap = (m[4] ?? '').toLowerCase();
    if ((ap === 'pm' || ap === 'ch') && h < 12) h += 12;
    if ((ap === 'am' || ap === 'sa') && h === 12) h = 0;
    out.push({ h, mi: +m[2], s: m[3] ? +m[3] : 0, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function findDate(folded: string): DateHit | null {
  let m: RegExpExecArray | null;
  // ISO-ish date 2023-07-05 (possibly followed by T or a zone abbreviation and a time)
  m = /(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)/.exec(folded);
  if (m && validDate(+m[1], +m[2], +m[3])) return { y: +m[1], m: +m[2], d: +m[3], start: m.index, end: m.index + m[0].length };
  // "ngay 08 thang 12 nam 2024", "08 thang 12, 2024", "ngay 8 thang 12 nam 2024"
  m = /(?<!\d)(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:,|nam)?\s*(\d{4})(?!\d)/.exec(folded);
  if (m && validDate(+m[3], +m[2], +m[1])) return { y: +m[3], m: +m[2], d: +m[1], start: m.index, end: m.index + m[0].length };
  // DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY
  m = /(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/.exec(folded);
  if (m && validDate(+m[4], +m[3], +m[1])) return { y: +m[4], m: +m[3], d: +m[1], start: m.index, end: m.index + m[0].length };
  // English month names: "March 1, 2024", "1 March 2024", "Mar. 1, 2024"
  m = /(?<![a-z])(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/.exec(folded);
  if (m && validDate(+m[3], MONTHS[m[1]], +m[2])) return { y: +m[3], m: MONTHS[m[1]], d: +m[2], start: m.index, end: m.index + m[0].length };
  m = /(?<!\d)(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})(?!\d)/.exec(folded);
  if (m && validDate(+m[3], MONTHS[m[2]], +m[1])) return { y: +m[3], m: MONTHS[m[2]], d: +m[1], start: m.index, end: m.index + m[0].length };
  // YYYY/MM/DD
  m = /(?<!\d)(\d{4})\/(\d{1,2})\/(\d{1,2})(?!\d)/.exec(folded);
  if (m && validDate(+m[1], +m[2], +m[3])) return { y: +m[1], m: +m[2], d: +m[3], start: m.index, end: m.index + m[0].length };
  return null;
}

/** ISO 8601 with an explicit offset or Z → the same instant in +07:00. */
function isoWithZone(s: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s.trim());
  if (!m) return null;
  const zone = m[7].toUpperCase();
  let offMin = 0;
  if (zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offMin = sign * (+digits.slice(0, 2) * 60 + +digits.slice(2, 4));
  }
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0) - offMin * 60000;
  const vn = new Date(utc + 7 * 3600000);
  const y = vn.getUTCFullYear();
  if (!validDate(y, vn.getUTCMonth() + 1, vn.getUTCDate())) return null;
  return fmt(y, vn.getUTCMonth() + 1, vn.getUTCDate(), { h: vn.getUTCHours(), mi: vn.getUTCMinutes(), s: vn.getUTCSeconds() });
}

/**
 * Parse a Vietnamese (or ISO) date/time string. Accepts weekday prefixes ("Thứ năm, ngày 23-06-2022, 15:56"),
 * labels ("Cập nhật:", "Đăng ngày", "Ngày đăng:"), "(GMT+7)", the long form "ngày 04 tháng 7 năm 2023",
 * time before or after the date ("20:50, 10/12/2019", "10/12/2019 - 20:50", "15h30 ngày 4-7-2023").
 */
export function parseVietnameseDate(text: string): string | null {
  if (!text) return null;
  const raw = text.normalize('NFC').trim();
  if (raw.length > 400) return parseVietnameseDate(raw.slice(0, 400));
  const iso = isoWithZone(raw);
  if (iso) return iso;
  const folded = foldVietnamese(raw).replace(/\(?\s*gmt\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?/g, ' ');
  const date = findDate(folded);
  if (!date) return null;
  // A time adjacent to the date (before or after, within a short gap of separators/labels).
  const times = findTimes(folded);
  let best: { h: number; mi: number; s: number } | null = null;
  let bestGap = Infinity;
  for (const t of times) {
    if (t.start >= date.start && t.end <= date.end) continue;
    let gap: number;
    if (t.start >= date.end) gap = t.start - date.end;
    else if (t.end <= date.start) gap = date.start - t.end;
    else continue;
    const between = t.start >= date.end ? folded.slice(date.end, t.start) : folded.slice(t.end, date.start);
    // Only separators and a few words may sit between: ",", "-", "|", "luc", "ngay", "vao", "'".
    if (!/^[\s,|\-–—/'’:]*(?:(?:luc|ngay|vao|cap nhat|dang)\b[\s,|\-–—:]*)*$/.test(between)) continue;
    if (gap < bestGap) {
      bestGap = gap;
      best = t;
    }
  }
  // NukeViet's "2020-07-15EDT10:12:00" / "2020-07-15T10:12:00" without zone: local time.
  if (!best) {
    const m = /^(\d{4}-\d{1,2}-\d{1,2})\s*(?:t|[a-z]{2,4})?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(folded.slice(date.start));
    if (m) best = { h: +m[2], mi: +m[3], s: m[4] ? +m[4] : 0 };
  }
  if (best && (best.h > 23 || best.mi > 59)) best = null;
  return fmt(date.y, date.m, date.d, best);
}

/** True when the text looks like a date line (short, mostly a date), not a sentence that mentions a date. */
export function looksLikeDateLine(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 160) return false;
  return parseVietnameseDate(t) !== null;
}
