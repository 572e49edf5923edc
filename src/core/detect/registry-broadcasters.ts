// Provincial radio-TV stations (Đài Phát thanh và Truyền hình), one per pre-merger province: 63 stations.
// Since July 2025 most merged with the provincial paper into one "Báo và Phát thanh, Truyền hình <province>"
// whose site is the paper's (bao<slug>.*, matched by pattern); the stations' own hosts stay online as archives.
// Hosts: the station's known domain where it is not `<slug>tv.vn`, plus `<slug>tv.vn`, which registry.ts also
// matches as a pattern with .com.vn/.org.vn and `truyenhinh<slug>.vn`.
import type { MediaSite } from './registry-data';

/** Former province → its station's own hosts besides `<slug>tv.vn`. */
const STATION_HOSTS: Readonly<Record<string, readonly string[]>> = {
  'Hà Nội': ['hanoionline.vn'],
  'Hồ Chí Minh': ['htv.com.vn', 'htv.vn'],
  'Hải Phòng': ['thhp.vn'],
  'Đà Nẵng': ['danangtv.vn', 'drt.danang.vn'],
  'Cần Thơ': ['thcantho.vn'],
  'Thừa Thiên Huế': ['trt.com.vn', 'trt.vn'],
  'An Giang': ['atv.org.vn'],
  'Bà Rịa - Vũng Tàu': ['brt.vn'],
  'Bình Định': ['btv.org.vn'],
  'Bến Tre': ['thbt.vn'],
  'Đồng Nai': ['dnrtv.org.vn'],
  'Đồng Tháp': ['thdt.vn'],
  'Đắk Nông': ['pthdaknong.vn'],
  'Hải Dương': ['thhd.vn'],
  'Khánh Hòa': ['ktv.org.vn'],
  'Kiên Giang': ['kgtv.vn'],
  'Long An': ['la34.com.vn'],
  'Nghệ An': ['truyenhinhnghean.vn'],
  'Ninh Bình': ['nbtv.vn'],
  'Phú Yên': ['ptpphuyen.vn'],
  'Quảng Nam': ['qrt.vn'],
  'Quảng Ngãi': ['ptquangngai.vn'],
  'Quảng Ninh': ['qtv.vn'],
  'Thanh Hóa': ['truyenhinhthanhhoa.vn'],
  'Tiền Giang': ['thtg.vn'],
  'Trà Vinh': ['thtv.vn'],
  'Vĩnh Long': ['thvl.vn'],
};

/** Slug of each former province's portal host, as registry-data.ts spells it. */
export function broadcasterSites(formers: readonly { name: string; hosts: readonly string[] }[]): MediaSite[] {
  return formers.map((f) => {
    const slug = f.hosts[0].slice(0, f.hosts[0].indexOf('.'));
    const hosts = [...(STATION_HOSTS[f.name] ?? []), `${slug}tv.vn`];
    return { name: `Đài PT-TH ${f.name}`, hosts: [...new Set(hosts)], province: f.name, kind: 'broadcaster' as const };
  });
}

/** Host shapes of a station not listed: <slug>tv.vn|.com.vn|.org.vn, truyenhinh<slug>.vn, pth<slug>.vn. */
export function broadcasterSlug(label: string): string | null {
  const m = /^(?:truyenhinh|ptth|pth)([a-z]{4,})$/.exec(label) ?? /^([a-z]{4,})tv$/.exec(label);
  return m ? m[1] : null;
}
