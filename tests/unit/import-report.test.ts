import { collectionMembers, fileErrorNotice, gatheredSentence, gatherText, importReportNotice, importSummary } from '../../src/archive/import-report';
import type { ImportReport } from '../../src/core/archive/import-apply';
import { ImportFileError } from '../../src/core/archive/import-parse';
import type { ImportSource } from '../../src/core/archive/import-read';
import { localeWords } from '../helpers/locale-words';

const vi = localeWords('vi');
const source = (over: Partial<ImportSource> = {}): ImportSource => ({ streamed: true, rows: 1200, valid: 1197, collections: [], ...over } as ImportSource);
const report = (over: Partial<ImportReport> = {}): ImportReport => ({ added: 3, updated: 1, skipped: 0, rejected: 0, problems: [], ...over });

describe('what an import tells the person', () => {
  it('a report with rejected rows is an error and lists each rejected row with its reason', () => {
    const notice = importReportNotice(report({
      rejected: 2,
      problems: [{ row: 4, kind: 'rejected', reason: 'không có tiêu đề' }, { row: 9, kind: 'rejected', reason: 'URL không hợp lệ' }],
    }), '', vi);
    expect(notice.message).toBe('Đã nhập: 3 bài mới, 1 cập nhật, 0 bỏ qua, 2 bị từ chối.');
    expect(notice.error).toBe(true);
    expect(notice.details).toEqual(['Dòng 4: không có tiêu đề', 'Dòng 9: URL không hợp lệ']);
  });

  it('a clean import is no error and has no row lines', () => {
    const notice = importReportNotice(report(), ' Các bài đã về lại 2 bộ sưu tập ghi trong tệp.', vi);
    expect(notice).toEqual({ message: 'Đã nhập: 3 bài mới, 1 cập nhật, 0 bỏ qua, 0 bị từ chối. Các bài đã về lại 2 bộ sưu tập ghi trong tệp.', error: false, details: [] });
  });

  it('a refused file says what is wrong and that nothing changed, with the detail below', () => {
    const notice = fileErrorNotice(new ImportFileError('truncated', 'line 12: unexpected end'), vi);
    expect(notice.message).toBe('Tệp bị cắt cụt giữa chừng (có thể tải về chưa xong). Kho lưu trữ không thay đổi.');
    expect(notice.details).toEqual(['line 12: unexpected end']);
    expect(fileErrorNotice(new Error('disk'), vi).message).toContain('Kho lưu trữ không thay đổi.');
  });

  it('the dialog counts valid and faulty rows', () => {
    expect(importSummary('kho.ndjson', source(), vi)).toBe(`Tệp “kho.ndjson”: ${(1197).toLocaleString('vi')} bài hợp lệ, 3 dòng lỗi (sẽ bị bỏ qua).`);
  });

  it('names at most four collections, then how many more', () => {
    const text = gatherText(source({ collections: ['A', 'B', 'C', 'D', 'E', 'F'] }), vi);
    expect(text).toBe('Xếp các bài vào những bộ sưu tập ghi trong tệp: “A”, “B”, “C”, “D” và 2 bộ sưu tập khác');
  });
});

describe('gathering imported articles into collections', () => {
  it('a collection export puts every imported article into it, with those the rows name', () => {
    const members = collectionMembers(source({ collection: 'Lũ' }), report({ ids: ['a', 'b'], collections: new Map([['Lũ', ['c']], ['Bão', ['a']]]) }));
    expect(members).toEqual(new Map([['Lũ', ['c', 'a', 'b']], ['Bão', ['a']]]));
  });

  it('says which collection the articles went into, or that it failed', () => {
    const src = source({ collection: 'Lũ' });
    const rep = report({ ids: ['a', 'b'] });
    const members = collectionMembers(src, rep);
    expect(gatheredSentence(src, rep, members, true, vi)).toContain('Lũ');
    expect(gatheredSentence(src, rep, members, false, vi)).not.toBe(gatheredSentence(src, rep, members, true, vi));
    expect(gatheredSentence(source(), rep, new Map([['A', ['a']], ['B', ['b']]]), true, vi)).toBe(' Các bài đã về lại 2 bộ sưu tập ghi trong tệp.');
  });
});
