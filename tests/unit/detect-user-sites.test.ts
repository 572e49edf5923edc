import { cleanUserSites } from '../../src/core/detect/user-site-list';
import { lookupSite, setUserSites } from '../../src/core/detect';

describe('user-added sites', () => {
  afterEach(() => { setUserSites([]); });

  it('keeps well-formed entries and drops malformed ones from storage', () => {
    const cleaned = cleanUserSites([
      { host: 'TinTuc.LangGiang.example.vn', province: 'Bắc Giang', kind: 'newspaper', name: ' Tin Lạng Giang ' },
      { host: 'javascript:alert(1)', province: 'Bắc Giang', kind: 'newspaper' },
      { host: 'ok.example.vn', province: 'Hà Giang', kind: 'root' },
      { host: 'ok2.example.vn', kind: 'newspaper' },
      null, 'string', 42,
    ]);
    expect(cleaned).toEqual([{ host: 'tintuc.langgiang.example.vn', province: 'Bắc Giang', kind: 'newspaper', name: 'Tin Lạng Giang' }]);
    expect(cleanUserSites('not a list')).toEqual([]);
  });

  it('keeps one entry per host, the latest', () => {
    const cleaned = cleanUserSites([
      { host: 'a.example.vn', province: 'Hà Giang', kind: 'newspaper' },
      { host: 'A.example.vn', province: 'Tuyên Quang', kind: 'government-portal' },
    ]);
    expect(cleaned).toEqual([{ host: 'a.example.vn', province: 'Tuyên Quang', kind: 'government-portal' }]);
  });

  it('makes a cleaned host known to the detector with its current province', () => {
    expect(lookupSite('tintuc.langgiang.example.vn')).toBeNull();
    setUserSites(cleanUserSites([{ host: 'tintuc.langgiang.example.vn', province: 'Bắc Giang', kind: 'newspaper' }]));
    expect(lookupSite('tintuc.langgiang.example.vn')).toMatchObject({ province: 'Bắc Ninh', kind: 'newspaper' });
  });
});
