// Property tests for the Vietnamese date parser: it never throws, answers null or a valid ISO date, and reads every
// generated "DD/MM/YYYY HH:mm" form (any separator, padding, weekday and label) as the right instant in +07:00.
import fc from 'fast-check';
import { parseVietnameseDate } from '../../src/core/extract/metadata/date';

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A valid date and time, as numbers. */
const dateTime = fc.record({ y: fc.integer({ min: 1990, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }), h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }) })
  .map((t) => ({ ...t, d: Math.min(t.d, daysIn(t.y, t.m)) }));

function isValidIso(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})\+07:00)?$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return false;
  if (m[4] !== undefined && (+m[4] > 23 || +m[5] > 59 || +m[6] > 59)) return false;
  return !Number.isNaN(Date.parse(m[4] === undefined ? `${s}T00:00:00Z` : s));
}

const WEEKDAYS = ['Thứ hai', 'Thứ ba', 'Thứ tư', 'Thứ năm', 'Thứ sáu', 'Thứ bảy', 'Chủ nhật', 'THỨ NĂM', 'Thứ 5'];
const LABELS = ['', 'Cập nhật: ', 'Đăng ngày ', 'Ngày đăng: ', 'ngày ', 'Ngày '];

/** Characters and fragments dates are made of, so random strings come near the interesting paths. */
const dateish = fc.array(fc.oneof(
  fc.constantFrom('/', '-', '.', ':', ' ', ',', 'h', 'g', 'giờ', 'ngày', 'tháng', 'năm', 'Thứ', 'GMT+7', '(', ')', 'T', 'Z', '+07:00', 'PM', 'SA', 'CH', 'March', '\u0301', 'đ'),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc.string({ maxLength: 4 }),
), { maxLength: 14 }).map((parts) => parts.join(''));

describe('parseVietnameseDate (property)', () => {
  it('never throws, and answers null or a valid ISO date for arbitrary strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 }), dateish, fc.string({ minLength: 390, maxLength: 900 })), (s) => {
      const out = parseVietnameseDate(s);
      return out === null || isValidIso(out);
    }), { numRuns: 2000 });
  });

  it('reads every generated DD/MM/YYYY HH:mm form as that minute in +07:00', () => {
    fc.assert(fc.property(dateTime, fc.constantFrom('/', '-', '.'), fc.boolean(), fc.option(fc.constantFrom(...WEEKDAYS), { nil: undefined }), fc.constantFrom(...LABELS),
      fc.constantFrom(' ', ', ', ' - ', ' | ', ' lúc '), fc.boolean(), fc.boolean(),
      (t, sep, padded, weekday, label, glue, timeFirst, nfd) => {
        const p = (n: number) => (padded ? pad(n) : String(n));
        const date = `${p(t.d)}${sep}${p(t.m)}${sep}${t.y}`;
        const time = `${pad(t.h)}:${pad(t.mi)}`;
        const before = glue === ' lúc ' ? ' ' : glue;
        let text = timeFirst ? `${time}${before}${label}${date}` : `${label}${date}${glue}${time}`;
        if (weekday) text = `${weekday}, ${text}`;
        if (nfd) text = text.normalize('NFD');
        expect(parseVietnameseDate(text), text).toBe(`${t.y}-${pad(t.m)}-${pad(t.d)}T${pad(t.h)}:${pad(t.mi)}:00+07:00`);
      }), { numRuns: 1500 });
  });

  // Found by the property above: a bare space once counted as the seconds separator, so the day of
  // "08:12 05-07-2023" was read as seconds and the time dropped.
  it('reads a time followed by a space and a dashed or dotted date', () => {
    expect(parseVietnameseDate('08:12 05-07-2023')).toBe('2023-07-05T08:12:00+07:00');
    expect(parseVietnameseDate('15:30 30.07.2023')).toBe('2023-07-30T15:30:00+07:00');
  });

  it('reads "ngày D tháng M năm YYYY" as that day', () => {
    fc.assert(fc.property(dateTime, fc.boolean(), (t, upper) => {
      let text = `ngày ${t.d} tháng ${t.m} năm ${t.y}`;
      if (upper) text = text.toUpperCase();
      expect(parseVietnameseDate(text), text).toBe(`${t.y}-${pad(t.m)}-${pad(t.d)}`);
    }), { numRuns: 500 });
  });

  it('refuses impossible calendar dates', () => {
    fc.assert(fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
      const d = daysIn(y, m) + 1;
      if (d > 31) return true;
      return parseVietnameseDate(`${pad(d)}/${pad(m)}/${y}`) === null;
    }), { numRuns: 300 });
  });
});
