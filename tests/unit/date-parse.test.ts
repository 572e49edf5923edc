import { parseVietnameseDate } from '../../src/core/extract/metadata/date';

describe('parseVietnameseDate', () => {
  const cases: [string, string | null][] = [
    // vn-sites.md §5 and issue 3 forms
    ['Thứ năm, ngày 23-06-2022, 15:56', '2022-06-23T15:56:00+07:00'],
    ['Thứ tư - 28/09/2022 21:45', '2022-09-28T21:45:00+07:00'],
    ['Thứ năm, 4/11/2021, 17:12 (GMT+7)', '2021-11-04T17:12:00+07:00'],
    ['20:50, 10/12/2019', '2019-12-10T20:50:00+07:00'],
    ['Chủ nhật, ngày 08 tháng 12 năm 2024', '2024-12-08'],
    ['Chiều ngày 04 tháng 7 năm 2023', '2023-07-04'],
    ['Thứ Ba, 04/07/2023 - 15:30', '2023-07-04T15:30:00+07:00'],
    ['04/07/2023 15:30:00', '2023-07-04T15:30:00+07:00'],
    ['Cập nhật: 19/11/2019', '2019-11-19'],
    ['Cập nhật ngày: 19/12/2018 17:05', '2018-12-19T17:05:00+07:00'],
    ['Đăng ngày 05/07/2023 08:12', '2023-07-05T08:12:00+07:00'],
    ['Ngày đăng: 12/03/2025', '2025-03-12'],
    ['14/09/2023 | 15:20', '2023-09-14T15:20:00+07:00'],
    ['15:30 ngày 04-07-2023', '2023-07-04T15:30:00+07:00'],
    ['15h30 ngày 4/7/2023', '2023-07-04T15:30:00+07:00'],
    ['NGÀY 4 THÁNG 7, 2023 | 15:30', '2023-07-04T15:30:00+07:00'],
    ['ngày 4 tháng 7 , 2023', '2023-07-04'],
    ['05/07/2023 03:12 PM', '2023-07-05T15:12:00+07:00'],
    ['27/03/2025 - 09:50 413', '2025-03-27T09:50:00+07:00'],
    ["10:20' 05/07/2023", '2023-07-05T10:20:00+07:00'],
    ['2023-07-05 08:12', '2023-07-05T08:12:00+07:00'],
    ['05.07.2023', '2023-07-05'],
    // forms met on the real pages of corpus/vn-real (header lines of national papers sharing provincial CMSs)
    ['Thứ Bảy, 07/03/2026 - 08:52', '2026-03-07T08:52:00+07:00'],
    ['Thứ bảy, 7/3/2026, 00:05 (GMT+7)', '2026-03-07T00:05:00+07:00'],
    ['- 07/03/2026 08:47', '2026-03-07T08:47:00+07:00'],
    ['07/03/2026 08:15 GMT+7', '2026-03-07T08:15:00+07:00'],
    ['T7, 07/03/2026 - 08:15', '2026-03-07T08:15:00+07:00'],
    ['Cập nhật lúc 08:15 ngày 07/03/2026', '2026-03-07T08:15:00+07:00'],
    // ISO from meta tags, converted to +07:00
    ['2024-04-09T07:45:00+07:00', '2024-04-09T07:45:00+07:00'],
    ['2024-04-09T00:45:00Z', '2024-04-09T07:45:00+07:00'],
    ['2024-04-08T20:45:00-04:00', '2024-04-09T07:45:00+07:00'],
    ['2024-04-09T07:45:00.000+0700', '2024-04-09T07:45:00+07:00'],
    ['2024-04-09', '2024-04-09'],
    // NukeViet's og:article:published_time with a zone abbreviation
    ['2020-07-15EDT10:12:00', '2020-07-15T10:12:00+07:00'],
    // NFD input
    ['Thứ tư, ngày 05-07-2023, 08:12'.normalize('NFD'), '2023-07-05T08:12:00+07:00'],
    // English month names (generic pages in other languages)
    ['March 1, 2024', '2024-03-01'],
    ['Published Mar. 1, 2024 at 10:15', '2024-03-01'],
    ['1 March 2024, 10:15', '2024-03-01T10:15:00+07:00'],
    // not dates
    ['2.145 lượt xem', null],
    ['Lượt xem: 1.268', null],
    ['', null],
    ['31/02/2023', null],
    ['45/13/2023', null],
    ['Tin hoạt động', null],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input)} → ${want}`, () => {
      expect(parseVietnameseDate(input)).toBe(want);
    });
  }

  it('does not take a time that is not next to the date', () => {
    expect(parseVietnameseDate('Ngày 05/07/2023, hội nghị khai mạc lúc 8 giờ; 14:00 bế mạc')).toBe('2023-07-05');
  });

  it('bounds very long input', () => {
    const long = 'x '.repeat(100000) + '05/07/2023';
    const t0 = performance.now();
    parseVietnameseDate(long);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
