import {
  CURRENT_PROVINCES,
  DISTRICT_PORTALS,
  FORMER_PROVINCES,
  MEDIA_SITES,
} from '../../src/core/detect/registry-data';
import { contentScriptMatches, lookupProvince, lookupSite, matchSite, setUserSites } from '../../src/core/detect/registry';

const currentNames = new Set(CURRENT_PROVINCES.map((p) => p.name));
const formerNames = new Set(FORMER_PROVINCES.map((p) => p.name));
const HOST_RE = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/;

describe('registry data', () => {
  it('has the 34 current provinces and cities, 6 of them cities, names unique and NFC', () => {
    expect(CURRENT_PROVINCES).toHaveLength(34);
    expect(currentNames.size).toBe(34);
    expect(CURRENT_PROVINCES.filter((p) => p.city).map((p) => p.name).sort()).toEqual(
      ['Cần Thơ', 'Huế', 'Hà Nội', 'Hải Phòng', 'Hồ Chí Minh', 'Đà Nẵng'].sort(),
    );
    for (const p of CURRENT_PROVINCES) expect(p.name).toBe(p.name.normalize('NFC'));
  });

  it('has the 63 former provinces, each mapped to an existing current province', () => {
    expect(FORMER_PROVINCES).toHaveLength(63);
    expect(formerNames.size).toBe(63);
    for (const f of FORMER_PROVINCES) {
      expect(currentNames.has(f.mergedInto), `${f.name} → ${f.mergedInto}`).toBe(true);
      expect(f.name).toBe(f.name.normalize('NFC'));
    }
    // Every current province is made of at least one former one (and keeps 2–3 at most).
    for (const name of currentNames) {
      const parts = FORMER_PROVINCES.filter((f) => f.mergedInto === name);
      expect(parts.length, name).toBeGreaterThanOrEqual(1);
      expect(parts.length, name).toBeLessThanOrEqual(3);
    }
  });

  it('maps the merger as Resolution 202/2025/QH15 says (spot checks)', () => {
    const into = (n: string) => FORMER_PROVINCES.find((f) => f.name === n)?.mergedInto;
    expect(into('Hà Giang')).toBe('Tuyên Quang');
    expect(into('Bắc Kạn')).toBe('Thái Nguyên');
    expect(into('Yên Bái')).toBe('Lào Cai');
    expect(into('Vĩnh Phúc')).toBe('Phú Thọ');
    expect(into('Hòa Bình')).toBe('Phú Thọ');
    expect(into('Bà Rịa - Vũng Tàu')).toBe('Hồ Chí Minh');
    expect(into('Bình Dương')).toBe('Hồ Chí Minh');
    expect(into('Quảng Nam')).toBe('Đà Nẵng');
    expect(into('Kiên Giang')).toBe('An Giang');
    expect(into('Thừa Thiên Huế')).toBe('Huế');
  });

  it('has well-formed, unambiguous hosts', () => {
    const owner = new Map<string, string>();
    const claim = (host: string, who: string) => {
      expect(host, who).toMatch(HOST_RE);
      const prev = owner.get(host);
      if (prev && prev !== who) throw new Error(`${host} claimed by ${prev} and ${who}`);
      owner.set(host, who);
    };
    for (const p of CURRENT_PROVINCES) for (const h of p.hosts) { expect(h.endsWith('.gov.vn')).toBe(true); claim(h, p.name); }
    for (const f of FORMER_PROVINCES) for (const h of f.hosts) { expect(h.endsWith('.gov.vn')).toBe(true); claim(h, f.mergedInto === f.name ? f.name : `former ${f.name}`); }
    for (const m of MEDIA_SITES) {
      expect(currentNames.has(m.province) || formerNames.has(m.province), m.name).toBe(true);
      for (const h of m.hosts) claim(h, m.name);
    }
    for (const d of DISTRICT_PORTALS) {
      expect(currentNames.has(d.province) || formerNames.has(d.province), d.name).toBe(true);
      for (const h of d.hosts) claim(h, d.name);
    }
  });

  it('lists at least one newspaper for every current province', () => {
    const covered = new Set(MEDIA_SITES.filter((m) => m.kind === 'newspaper').map((m) => lookupProvince(m.hosts[0])?.current));
    for (const name of currentNames) expect(covered.has(name), name).toBe(true);
  });

  it('lists the radio-TV station of every one of the 63 pre-merger provinces', () => {
    const stations = MEDIA_SITES.filter((m) => m.kind === 'broadcaster');
    for (const f of FORMER_PROVINCES) expect(stations.some((s) => s.province === f.name), f.name).toBe(true);
  });

  it('names district portals for Tuyên Quang, Hà Giang and Thái Nguyên', () => {
    for (const p of ['Tuyên Quang', 'Hà Giang', 'Thái Nguyên']) {
      expect(DISTRICT_PORTALS.filter((d) => d.province === p).length, p).toBeGreaterThanOrEqual(5);
    }
  });

  it('resolves every listed host to itself', () => {
    for (const p of CURRENT_PROVINCES) for (const h of p.hosts) expect(lookupSite(h)?.province, h).toBe(p.name);
    for (const f of FORMER_PROVINCES) for (const h of f.hosts) expect(lookupProvince(h), h).toEqual({ current: f.mergedInto, former: f.mergedInto === f.name ? null : f.name });
    for (const m of MEDIA_SITES) for (const h of m.hosts) expect(lookupSite(h)?.kind, h).toBe(m.kind);
  });
});

describe('lookupSite / lookupProvince', () => {
  it.each([
    ['tuyenquang.gov.vn', 'Tuyên Quang', null, 'government-portal'],
    ['www.tuyenquang.gov.vn', 'Tuyên Quang', null, 'government-portal'],
    ['hagiang.gov.vn', 'Tuyên Quang', 'Hà Giang', 'government-portal'],
    ['hochiminhcity.gov.vn', 'Hồ Chí Minh', null, 'government-portal'],
    ['bariavungtau.gov.vn', 'Hồ Chí Minh', 'Bà Rịa - Vũng Tàu', 'government-portal'],
    ['thuathienhue.gov.vn', 'Huế', 'Thừa Thiên Huế', 'government-portal'],
    ['hue.gov.vn', 'Huế', null, 'government-portal'],
    ['bdt.tuyenquang.gov.vn', 'Tuyên Quang', null, 'department-site'],
    ['sonduong.tuyenquang.gov.vn', 'Tuyên Quang', null, 'department-site'],
    ['sotnmt.hagiang.gov.vn', 'Tuyên Quang', 'Hà Giang', 'department-site'],
    ['sonnptnt.hagiang.gov.vn', 'Tuyên Quang', 'Hà Giang', 'department-site'],
    ['dinhhoa.thainguyen.gov.vn', 'Thái Nguyên', null, 'department-site'],
    ['snntuyenquang.gov.vn', 'Tuyên Quang', null, 'department-site'],
    ['hdndtuyenquang.gov.vn', 'Tuyên Quang', null, 'department-site'],
    ['chiemhoa.gov.vn', 'Tuyên Quang', null, 'department-site'],
    ['baotuyenquang.com.vn', 'Tuyên Quang', null, 'newspaper'],
    ['m.baotuyenquang.com.vn', 'Tuyên Quang', null, 'newspaper'],
    ['www.baohagiang.vn', 'Tuyên Quang', 'Hà Giang', 'newspaper'],
    ['baothainguyen.vn', 'Thái Nguyên', null, 'newspaper'],
    ['tuyenquangtv.vn', 'Tuyên Quang', null, 'broadcaster'],
    ['huengaynay.vn', 'Huế', null, 'newspaper'],
    ['hanoimoi.vn', 'Hà Nội', null, 'newspaper'],
    ['baobacninhtv.vn', 'Bắc Ninh', null, 'newspaper'],
    ['dongkhoi.baovinhlong.vn', 'Vĩnh Long', null, 'newspaper'],
    ['baoyenbai.vn', 'Lào Cai', 'Yên Bái', 'newspaper'],
    ['BaoTuyenQuang.com.vn.', 'Tuyên Quang', null, 'newspaper'],
    ['tuyenquang.gov.vn:8080', 'Tuyên Quang', null, 'government-portal'],
  ])('%s → %s (former %s), %s', (host, current, former, kind) => {
    expect(lookupSite(host)?.province).toBe(current);
    expect(lookupSite(host)?.kind).toBe(kind);
    expect(lookupProvince(host)).toEqual({ current, former });
  });

  it.each([
    'tuyenquang.gov.vn.evil.com', 'nottuyenquang.com', 'tuyenquang.com', 'tuyenquang-gov.vn', 'gov.vn', 'moh.gov.vn',
    'chinhphu.vn', 'vov.vn', 'vov1.vov.vn', 'baotuyenquang.com.vn.example.org', 'xbaotuyenquang.com.vn', 'baotuyenquang.com',
    'evilbaohagiang.vn', 'hue.gov.vn.phish.io', 'sohue.gov.vn', 'localhost', '', 'about:blank', '127.0.0.1', 'tuyenquang',
  ])('does not match %s', (host) => {
    expect(lookupSite(host)).toBeNull();
    expect(lookupProvince(host)).toBeNull();
  });

  it('finds radio-TV stations by their own hosts and by the <province>tv shapes', () => {
    const station = (h: string) => { const m = matchSite(h); return m && { kind: m.site.kind, province: m.province.former ?? m.province.current }; };
    expect(station('trt.com.vn')).toEqual({ kind: 'broadcaster', province: 'Thừa Thiên Huế' });
    expect(station('www.qrt.vn')).toEqual({ kind: 'broadcaster', province: 'Quảng Nam' });
    expect(station('laocaitv.vn')).toEqual({ kind: 'broadcaster', province: 'Lào Cai' });
    expect(station('m.yenbaitv.vn')).toEqual({ kind: 'broadcaster', province: 'Yên Bái' });
    expect(station('kontumtv.com.vn')).toEqual({ kind: 'broadcaster', province: 'Kon Tum' });
    expect(station('truyenhinhsonla.vn')).toEqual({ kind: 'broadcaster', province: 'Sơn La' });
    expect(station('vtv.vn')).toBeNull();
    expect(station('abctv.vn')).toBeNull();
  });

  it('gives sub-sites a lower confidence than listed portals', () => {
    expect(matchSite('tuyenquang.gov.vn')?.confidence).toBe(1);
    expect(matchSite('soyte.tuyenquang.gov.vn')!.confidence).toBeLessThan(1);
    expect(matchSite('snntuyenquang.gov.vn')!.confidence).toBeLessThan(matchSite('soyte.tuyenquang.gov.vn')!.confidence);
  });
});

describe('contentScriptMatches', () => {
  it('covers .gov.vn and every listed newspaper host, with valid match patterns', () => {
    const m = contentScriptMatches();
    expect(m).toContain('*://*.gov.vn/*');
    expect(m).toContain('*://*.baotuyenquang.com.vn/*');
    expect(m).toContain('*://*.huengaynay.vn/*');
    for (const p of m) expect(p).toMatch(/^\*:\/\/\*\.[a-z0-9.-]+\/\*$/);
    expect(new Set(m).size).toBe(m.length);
    for (const site of MEDIA_SITES) for (const h of site.hosts) expect(m).toContain(`*://*.${h}/*`);
  });
});

describe('setUserSites (registry extension)', () => {
  afterEach(() => { setUserSites([]); });

  it('adds the user hosts, with sub-domains, and rejects bad entries', () => {
    const rejected = setUserSites([
      { host: 'www.xaphucthinh.vn', province: 'Tuyên Quang', kind: 'government-portal', name: 'Xã Phúc Thịnh' },
      { host: 'bantin-hagiang.vn', province: 'Hà Giang', kind: 'newspaper' },
      { host: 'evil..com', province: 'Tuyên Quang', kind: 'newspaper' },
      { host: 'ok.vn', province: 'Atlantis', kind: 'newspaper' },
      { host: 'ok2.vn', province: 'Huế', kind: 'blog' as never },
    ]);
    expect(rejected.map((r) => r.host)).toEqual(['evil..com', 'ok.vn', 'ok2.vn']);
    expect(lookupSite('xaphucthinh.vn')).toEqual({ host: 'xaphucthinh.vn', name: 'Xã Phúc Thịnh', province: 'Tuyên Quang', kind: 'government-portal' });
    expect(lookupSite('m.xaphucthinh.vn')?.province).toBe('Tuyên Quang');
    expect(lookupProvince('bantin-hagiang.vn')).toEqual({ current: 'Tuyên Quang', former: 'Hà Giang' });
    expect(lookupSite('xaphucthinh.vn.evil.com')).toBeNull();
    setUserSites([]);
    expect(lookupSite('xaphucthinh.vn')).toBeNull();
  });
});
