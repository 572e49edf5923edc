// Site registry: data only. Lookup logic lives in registry.ts.
//
// Provinces follow Resolution 202/2025/QH15 (in force 1 July 2025): 63 provinces and centrally-run cities
// became 34. Old portals and newspapers stay online and are what archivists rescue, so every former
// province keeps its own hosts and is mapped to the province it merged into.
//
// Host slugs: the 34 current portals are `<slug>.gov.vn` (vn-sites.md §6). Former portals use the same
// pattern; the slugs of former provinces are the common ASCII spellings and a few (bariavungtau,
// thuathienhue) carry known alternatives. Newspaper hosts come from the crawler configurations in
// vn-sites.md §3 and §6; a `bao<slug>.vn|.com.vn|.org.vn` pattern in registry.ts catches the rest.
import { broadcasterSites } from './registry-broadcasters';

/** A province or centrally-run city as it stands since 1 July 2025. */
interface CurrentProvince {
  /** Short Vietnamese name without "tỉnh"/"thành phố", as the corpus truth files write it. */
  name: string;
  /** True for the six centrally-run cities. */
  city: boolean;
  /** Portal hosts; the first one's first label is the slug used for sub-site patterns. */
  hosts: string[];
}

/** One of the 63 provinces and cities that existed before 1 July 2025. */
interface FormerProvince {
  name: string;
  /** Name of the current province it is part of now (must be a CurrentProvince name). */
  mergedInto: string;
  /** Portal hosts of the former province; the first one's first label is its slug. */
  hosts: string[];
}

type MediaKind = 'newspaper' | 'broadcaster';

/** A provincial Party / People's Committee newspaper or a provincial radio-TV station. */
export interface MediaSite {
  name: string;
  /** Hosts without `www.`/`m.`; any sub-domain of them also matches. */
  hosts: string[];
  /** The province whose paper it was when it was founded: a current name or a former one. */
  province: string;
  kind: MediaKind;
}

/** A district-level portal (districts were abolished on 1 July 2025; their portals remain as archives). */
interface DistrictPortal {
  name: string;
  /** Province the district belonged to before the merger (current or former name). */
  province: string;
  /** Hosts, as seen or as the province's sub-domain scheme gives them. */
  hosts: string[];
}

export const CURRENT_PROVINCES: readonly CurrentProvince[] = [
  { name: 'Hà Nội', city: true, hosts: ['hanoi.gov.vn'] },
  { name: 'Hồ Chí Minh', city: true, hosts: ['hochiminhcity.gov.vn', 'tphcm.gov.vn'] },
  { name: 'Hải Phòng', city: true, hosts: ['haiphong.gov.vn'] },
  { name: 'Đà Nẵng', city: true, hosts: ['danang.gov.vn'] },
  { name: 'Cần Thơ', city: true, hosts: ['cantho.gov.vn'] },
  { name: 'Huế', city: true, hosts: ['hue.gov.vn'] },
  { name: 'An Giang', city: false, hosts: ['angiang.gov.vn'] },
  { name: 'Bắc Ninh', city: false, hosts: ['bacninh.gov.vn'] },
  { name: 'Cà Mau', city: false, hosts: ['camau.gov.vn'] },
  { name: 'Cao Bằng', city: false, hosts: ['caobang.gov.vn'] },
  { name: 'Đắk Lắk', city: false, hosts: ['daklak.gov.vn'] },
  { name: 'Điện Biên', city: false, hosts: ['dienbien.gov.vn'] },
  { name: 'Đồng Nai', city: false, hosts: ['dongnai.gov.vn'] },
  { name: 'Đồng Tháp', city: false, hosts: ['dongthap.gov.vn'] },
  { name: 'Gia Lai', city: false, hosts: ['gialai.gov.vn'] },
  { name: 'Hà Tĩnh', city: false, hosts: ['hatinh.gov.vn'] },
  { name: 'Hưng Yên', city: false, hosts: ['hungyen.gov.vn'] },
  { name: 'Khánh Hòa', city: false, hosts: ['khanhhoa.gov.vn'] },
  { name: 'Lai Châu', city: false, hosts: ['laichau.gov.vn'] },
  { name: 'Lâm Đồng', city: false, hosts: ['lamdong.gov.vn'] },
  { name: 'Lạng Sơn', city: false, hosts: ['langson.gov.vn'] },
  { name: 'Lào Cai', city: false, hosts: ['laocai.gov.vn'] },
  { name: 'Nghệ An', city: false, hosts: ['nghean.gov.vn'] },
  { name: 'Ninh Bình', city: false, hosts: ['ninhbinh.gov.vn'] },
  { name: 'Phú Thọ', city: false, hosts: ['phutho.gov.vn'] },
  { name: 'Quảng Ngãi', city: false, hosts: ['quangngai.gov.vn'] },
  { name: 'Quảng Ninh', city: false, hosts: ['quangninh.gov.vn'] },
  { name: 'Quảng Trị', city: false, hosts: ['quangtri.gov.vn'] },
  { name: 'Sơn La', city: false, hosts: ['sonla.gov.vn'] },
  { name: 'Tây Ninh', city: false, hosts: ['tayninh.gov.vn'] },
  { name: 'Thái Nguyên', city: false, hosts: ['thainguyen.gov.vn'] },
  { name: 'Thanh Hóa', city: false, hosts: ['thanhhoa.gov.vn'] },
  { name: 'Tuyên Quang', city: false, hosts: ['tuyenquang.gov.vn'] },
  { name: 'Vĩnh Long', city: false, hosts: ['vinhlong.gov.vn'] },
];

/** The 63 pre-merger units. Those that kept their name map to themselves and share the current hosts. */
export const FORMER_PROVINCES: readonly FormerProvince[] = [
  // Unchanged (11)
  { name: 'Hà Nội', mergedInto: 'Hà Nội', hosts: ['hanoi.gov.vn'] },
  { name: 'Thừa Thiên Huế', mergedInto: 'Huế', hosts: ['thuathienhue.gov.vn'] },
  { name: 'Lai Châu', mergedInto: 'Lai Châu', hosts: ['laichau.gov.vn'] },
  { name: 'Điện Biên', mergedInto: 'Điện Biên', hosts: ['dienbien.gov.vn'] },
  { name: 'Sơn La', mergedInto: 'Sơn La', hosts: ['sonla.gov.vn'] },
  { name: 'Lạng Sơn', mergedInto: 'Lạng Sơn', hosts: ['langson.gov.vn'] },
  { name: 'Quảng Ninh', mergedInto: 'Quảng Ninh', hosts: ['quangninh.gov.vn'] },
  { name: 'Thanh Hóa', mergedInto: 'Thanh Hóa', hosts: ['thanhhoa.gov.vn'] },
  { name: 'Nghệ An', mergedInto: 'Nghệ An', hosts: ['nghean.gov.vn'] },
  { name: 'Hà Tĩnh', mergedInto: 'Hà Tĩnh', hosts: ['hatinh.gov.vn'] },
  { name: 'Cao Bằng', mergedInto: 'Cao Bằng', hosts: ['caobang.gov.vn'] },
  // Tuyên Quang
  { name: 'Tuyên Quang', mergedInto: 'Tuyên Quang', hosts: ['tuyenquang.gov.vn'] },
  { name: 'Hà Giang', mergedInto: 'Tuyên Quang', hosts: ['hagiang.gov.vn'] },
  // Lào Cai
  { name: 'Lào Cai', mergedInto: 'Lào Cai', hosts: ['laocai.gov.vn'] },
  { name: 'Yên Bái', mergedInto: 'Lào Cai', hosts: ['yenbai.gov.vn'] },
  // Thái Nguyên
  { name: 'Thái Nguyên', mergedInto: 'Thái Nguyên', hosts: ['thainguyen.gov.vn'] },
  { name: 'Bắc Kạn', mergedInto: 'Thái Nguyên', hosts: ['backan.gov.vn'] },
  // Phú Thọ
  { name: 'Phú Thọ', mergedInto: 'Phú Thọ', hosts: ['phutho.gov.vn'] },
  { name: 'Vĩnh Phúc', mergedInto: 'Phú Thọ', hosts: ['vinhphuc.gov.vn'] },
  { name: 'Hòa Bình', mergedInto: 'Phú Thọ', hosts: ['hoabinh.gov.vn'] },
  // Bắc Ninh
  { name: 'Bắc Ninh', mergedInto: 'Bắc Ninh', hosts: ['bacninh.gov.vn'] },
  { name: 'Bắc Giang', mergedInto: 'Bắc Ninh', hosts: ['bacgiang.gov.vn'] },
  // Hưng Yên
  { name: 'Hưng Yên', mergedInto: 'Hưng Yên', hosts: ['hungyen.gov.vn'] },
  { name: 'Thái Bình', mergedInto: 'Hưng Yên', hosts: ['thaibinh.gov.vn'] },
  // Hải Phòng
  { name: 'Hải Phòng', mergedInto: 'Hải Phòng', hosts: ['haiphong.gov.vn'] },
  { name: 'Hải Dương', mergedInto: 'Hải Phòng', hosts: ['haiduong.gov.vn'] },
  // Ninh Bình
  { name: 'Ninh Bình', mergedInto: 'Ninh Bình', hosts: ['ninhbinh.gov.vn'] },
  { name: 'Hà Nam', mergedInto: 'Ninh Bình', hosts: ['hanam.gov.vn'] },
  { name: 'Nam Định', mergedInto: 'Ninh Bình', hosts: ['namdinh.gov.vn'] },
  // Quảng Trị
  { name: 'Quảng Trị', mergedInto: 'Quảng Trị', hosts: ['quangtri.gov.vn'] },
  { name: 'Quảng Bình', mergedInto: 'Quảng Trị', hosts: ['quangbinh.gov.vn'] },
  // Đà Nẵng
  { name: 'Đà Nẵng', mergedInto: 'Đà Nẵng', hosts: ['danang.gov.vn'] },
  { name: 'Quảng Nam', mergedInto: 'Đà Nẵng', hosts: ['quangnam.gov.vn'] },
  // Quảng Ngãi
  { name: 'Quảng Ngãi', mergedInto: 'Quảng Ngãi', hosts: ['quangngai.gov.vn'] },
  { name: 'Kon Tum', mergedInto: 'Quảng Ngãi', hosts: ['kontum.gov.vn'] },
  // Gia Lai
  { name: 'Gia Lai', mergedInto: 'Gia Lai', hosts: ['gialai.gov.vn'] },
  { name: 'Bình Định', mergedInto: 'Gia Lai', hosts: ['binhdinh.gov.vn'] },
  // Khánh Hòa
  { name: 'Khánh Hòa', mergedInto: 'Khánh Hòa', hosts: ['khanhhoa.gov.vn'] },
  { name: 'Ninh Thuận', mergedInto: 'Khánh Hòa', hosts: ['ninhthuan.gov.vn'] },
  // Lâm Đồng
  { name: 'Lâm Đồng', mergedInto: 'Lâm Đồng', hosts: ['lamdong.gov.vn'] },
  { name: 'Đắk Nông', mergedInto: 'Lâm Đồng', hosts: ['daknong.gov.vn'] },
  { name: 'Bình Thuận', mergedInto: 'Lâm Đồng', hosts: ['binhthuan.gov.vn'] },
  // Đắk Lắk
  { name: 'Đắk Lắk', mergedInto: 'Đắk Lắk', hosts: ['daklak.gov.vn'] },
  { name: 'Phú Yên', mergedInto: 'Đắk Lắk', hosts: ['phuyen.gov.vn'] },
  // Hồ Chí Minh
  { name: 'Hồ Chí Minh', mergedInto: 'Hồ Chí Minh', hosts: ['hochiminhcity.gov.vn'] },
  { name: 'Bình Dương', mergedInto: 'Hồ Chí Minh', hosts: ['binhduong.gov.vn'] },
  { name: 'Bà Rịa - Vũng Tàu', mergedInto: 'Hồ Chí Minh', hosts: ['bariavungtau.gov.vn', 'baria-vungtau.gov.vn'] },
  // Đồng Nai
  { name: 'Đồng Nai', mergedInto: 'Đồng Nai', hosts: ['dongnai.gov.vn'] },
  { name: 'Bình Phước', mergedInto: 'Đồng Nai', hosts: ['binhphuoc.gov.vn'] },
  // Tây Ninh
  { name: 'Tây Ninh', mergedInto: 'Tây Ninh', hosts: ['tayninh.gov.vn'] },
  { name: 'Long An', mergedInto: 'Tây Ninh', hosts: ['longan.gov.vn'] },
  // Cần Thơ
  { name: 'Cần Thơ', mergedInto: 'Cần Thơ', hosts: ['cantho.gov.vn'] },
  { name: 'Sóc Trăng', mergedInto: 'Cần Thơ', hosts: ['soctrang.gov.vn'] },
  { name: 'Hậu Giang', mergedInto: 'Cần Thơ', hosts: ['haugiang.gov.vn'] },
  // Vĩnh Long
  { name: 'Vĩnh Long', mergedInto: 'Vĩnh Long', hosts: ['vinhlong.gov.vn'] },
  { name: 'Bến Tre', mergedInto: 'Vĩnh Long', hosts: ['bentre.gov.vn'] },
  { name: 'Trà Vinh', mergedInto: 'Vĩnh Long', hosts: ['travinh.gov.vn'] },
  // Đồng Tháp
  { name: 'Đồng Tháp', mergedInto: 'Đồng Tháp', hosts: ['dongthap.gov.vn'] },
  { name: 'Tiền Giang', mergedInto: 'Đồng Tháp', hosts: ['tiengiang.gov.vn'] },
  // Cà Mau
  { name: 'Cà Mau', mergedInto: 'Cà Mau', hosts: ['camau.gov.vn'] },
  { name: 'Bạc Liêu', mergedInto: 'Cà Mau', hosts: ['baclieu.gov.vn'] },
  // An Giang
  { name: 'An Giang', mergedInto: 'An Giang', hosts: ['angiang.gov.vn'] },
  { name: 'Kiên Giang', mergedInto: 'An Giang', hosts: ['kiengiang.gov.vn'] },
];

/** Provincial newspapers (the radio-TV stations are in registry-broadcasters.ts). At least one per current province. */
const PAPERS: readonly MediaSite[] = [
  { name: 'Báo Hà Nội mới', hosts: ['hanoimoi.vn', 'hanoimoi.com.vn'], province: 'Hà Nội', kind: 'newspaper' },
  { name: 'Báo Sài Gòn Giải Phóng', hosts: ['sggp.org.vn'], province: 'Hồ Chí Minh', kind: 'newspaper' },
  { name: 'Báo Bình Dương', hosts: ['baobinhduong.vn'], province: 'Bình Dương', kind: 'newspaper' },
  { name: 'Báo Bà Rịa - Vũng Tàu', hosts: ['baobariavungtau.com.vn'], province: 'Bà Rịa - Vũng Tàu', kind: 'newspaper' },
  { name: 'Báo Hải Phòng', hosts: ['baohaiphong.vn', 'baohaiphong.com.vn'], province: 'Hải Phòng', kind: 'newspaper' },
  { name: 'Báo Hải Dương', hosts: ['baohaiduong.vn'], province: 'Hải Dương', kind: 'newspaper' },
  { name: 'Báo Đà Nẵng', hosts: ['baodanang.vn'], province: 'Đà Nẵng', kind: 'newspaper' },
  { name: 'Báo Quảng Nam', hosts: ['baoquangnam.vn'], province: 'Quảng Nam', kind: 'newspaper' },
  { name: 'Báo Cần Thơ', hosts: ['baocantho.com.vn'], province: 'Cần Thơ', kind: 'newspaper' },
  { name: 'Báo Sóc Trăng', hosts: ['baosoctrang.org.vn'], province: 'Sóc Trăng', kind: 'newspaper' },
  { name: 'Báo Hậu Giang', hosts: ['baohaugiang.com.vn'], province: 'Hậu Giang', kind: 'newspaper' },
  { name: 'Báo Huế ngày nay', hosts: ['huengaynay.vn', 'baothuathienhue.vn'], province: 'Huế', kind: 'newspaper' },
  { name: 'Báo An Giang', hosts: ['baoangiang.com.vn'], province: 'An Giang', kind: 'newspaper' },
  { name: 'Báo Kiên Giang', hosts: ['baokiengiang.vn'], province: 'Kiên Giang', kind: 'newspaper' },
  { name: 'Báo Bắc Ninh', hosts: ['baobacninhtv.vn', 'baobacninh.vn', 'baobacninh.com.vn'], province: 'Bắc Ninh', kind: 'newspaper' },
  { name: 'Báo Bắc Giang', hosts: ['baobacgiang.vn', 'baobacgiang.com.vn'], province: 'Bắc Giang', kind: 'newspaper' },
  { name: 'Báo Cà Mau', hosts: ['baocamau.vn', 'baocamau.com.vn'], province: 'Cà Mau', kind: 'newspaper' },
  { name: 'Báo Bạc Liêu', hosts: ['baobaclieu.vn'], province: 'Bạc Liêu', kind: 'newspaper' },
  { name: 'Báo Cao Bằng', hosts: ['baocaobang.vn'], province: 'Cao Bằng', kind: 'newspaper' },
  { name: 'Báo Đắk Lắk', hosts: ['baodaklak.vn'], province: 'Đắk Lắk', kind: 'newspaper' },
  { name: 'Báo Phú Yên', hosts: ['baophuyen.vn', 'baophuyen.com.vn'], province: 'Phú Yên', kind: 'newspaper' },
  { name: 'Báo Điện Biên Phủ', hosts: ['baodienbienphu.com.vn', 'baodienbienphu.vn'], province: 'Điện Biên', kind: 'newspaper' },
  { name: 'Báo Đồng Nai', hosts: ['baodongnai.com.vn'], province: 'Đồng Nai', kind: 'newspaper' },
  { name: 'Báo Bình Phước', hosts: ['baobinhphuoc.com.vn'], province: 'Bình Phước', kind: 'newspaper' },
  { name: 'Báo Đồng Tháp', hosts: ['baodongthap.vn', 'baodongthap.com.vn'], province: 'Đồng Tháp', kind: 'newspaper' },
  { name: 'Báo Ấp Bắc', hosts: ['baoapbac.vn'], province: 'Tiền Giang', kind: 'newspaper' },
  { name: 'Báo Gia Lai', hosts: ['baogialai.com.vn'], province: 'Gia Lai', kind: 'newspaper' },
  { name: 'Báo Bình Định', hosts: ['baobinhdinh.vn', 'baobinhdinh.com.vn'], province: 'Bình Định', kind: 'newspaper' },
  { name: 'Báo Hà Tĩnh', hosts: ['baohatinh.vn'], province: 'Hà Tĩnh', kind: 'newspaper' },
  { name: 'Báo Hưng Yên', hosts: ['baohungyen.vn'], province: 'Hưng Yên', kind: 'newspaper' },
  { name: 'Báo Thái Bình', hosts: ['baothaibinh.com.vn'], province: 'Thái Bình', kind: 'newspaper' },
  { name: 'Báo Khánh Hòa', hosts: ['baokhanhhoa.vn'], province: 'Khánh Hòa', kind: 'newspaper' },
  { name: 'Báo Ninh Thuận', hosts: ['baoninhthuan.com.vn'], province: 'Ninh Thuận', kind: 'newspaper' },
  { name: 'Báo Lai Châu', hosts: ['baolaichau.vn'], province: 'Lai Châu', kind: 'newspaper' },
  { name: 'Báo Lâm Đồng', hosts: ['baolamdong.vn'], province: 'Lâm Đồng', kind: 'newspaper' },
  { name: 'Báo Đắk Nông', hosts: ['baodaknong.vn'], province: 'Đắk Nông', kind: 'newspaper' },
  { name: 'Báo Bình Thuận', hosts: ['baobinhthuan.com.vn'], province: 'Bình Thuận', kind: 'newspaper' },
  { name: 'Báo Lạng Sơn', hosts: ['baolangson.vn'], province: 'Lạng Sơn', kind: 'newspaper' },
  { name: 'Báo Lào Cai', hosts: ['baolaocai.vn'], province: 'Lào Cai', kind: 'newspaper' },
  { name: 'Báo Yên Bái', hosts: ['baoyenbai.com.vn'], province: 'Yên Bái', kind: 'newspaper' },
  { name: 'Báo Nghệ An', hosts: ['baonghean.vn'], province: 'Nghệ An', kind: 'newspaper' },
  { name: 'Báo Ninh Bình', hosts: ['baoninhbinh.org.vn'], province: 'Ninh Bình', kind: 'newspaper' },
  { name: 'Báo Hà Nam', hosts: ['baohanam.com.vn'], province: 'Hà Nam', kind: 'newspaper' },
  { name: 'Báo Nam Định', hosts: ['baonamdinh.vn', 'baonamdinh.com.vn'], province: 'Nam Định', kind: 'newspaper' },
  { name: 'Báo Phú Thọ', hosts: ['baophutho.vn'], province: 'Phú Thọ', kind: 'newspaper' },
  { name: 'Báo Vĩnh Phúc', hosts: ['baovinhphuc.com.vn'], province: 'Vĩnh Phúc', kind: 'newspaper' },
  { name: 'Báo Hòa Bình', hosts: ['baohoabinh.com.vn'], province: 'Hòa Bình', kind: 'newspaper' },
  { name: 'Báo Quảng Ngãi', hosts: ['baoquangngai.vn'], province: 'Quảng Ngãi', kind: 'newspaper' },
  { name: 'Báo Kon Tum', hosts: ['baokontum.com.vn'], province: 'Kon Tum', kind: 'newspaper' },
  { name: 'Báo Quảng Ninh', hosts: ['baoquangninh.vn', 'baoquangninh.com.vn'], province: 'Quảng Ninh', kind: 'newspaper' },
  { name: 'Báo Quảng Trị', hosts: ['baoquangtri.vn'], province: 'Quảng Trị', kind: 'newspaper' },
  { name: 'Báo Quảng Bình', hosts: ['baoquangbinh.vn'], province: 'Quảng Bình', kind: 'newspaper' },
  { name: 'Báo Sơn La', hosts: ['baosonla.vn', 'baosonla.org.vn'], province: 'Sơn La', kind: 'newspaper' },
  { name: 'Báo Tây Ninh', hosts: ['baotayninh.vn'], province: 'Tây Ninh', kind: 'newspaper' },
  { name: 'Báo Long An', hosts: ['baolongan.vn'], province: 'Long An', kind: 'newspaper' },
  { name: 'Báo Thái Nguyên', hosts: ['baothainguyen.vn'], province: 'Thái Nguyên', kind: 'newspaper' },
  { name: 'Báo Bắc Kạn', hosts: ['baobackan.vn', 'baobackan.org.vn'], province: 'Bắc Kạn', kind: 'newspaper' },
  { name: 'Báo Thanh Hóa', hosts: ['baothanhhoa.vn'], province: 'Thanh Hóa', kind: 'newspaper' },
  { name: 'Báo Tuyên Quang', hosts: ['baotuyenquang.com.vn'], province: 'Tuyên Quang', kind: 'newspaper' },
  { name: 'Tạp chí Văn nghệ Tuyên Quang', hosts: ['vannghetuyenquang.vn'], province: 'Tuyên Quang', kind: 'newspaper' },
  { name: 'Báo Hà Giang', hosts: ['baohagiang.vn'], province: 'Hà Giang', kind: 'newspaper' },
  { name: 'Báo Vĩnh Long', hosts: ['baovinhlong.vn', 'baovinhlong.com.vn'], province: 'Vĩnh Long', kind: 'newspaper' },
  { name: 'Báo Đồng Khởi', hosts: ['baodongkhoi.vn'], province: 'Bến Tre', kind: 'newspaper' },
  { name: 'Báo Trà Vinh', hosts: ['baotravinh.vn'], province: 'Trà Vinh', kind: 'newspaper' },
];

export const MEDIA_SITES: readonly MediaSite[] = [...PAPERS, ...broadcasterSites(FORMER_PROVINCES)];

/**
 * District portals (before July 2025). Hosts under `<p>.gov.vn` are matched by the sub-site pattern anyway;
 * they are listed so the site gets a proper name. Own-domain hosts (outside the province's zone) are only
 * listed where seen: chiemhoa.gov.vn (corpus a08).
 */
export const DISTRICT_PORTALS: readonly DistrictPortal[] = [
  // Tuyên Quang (pre-merger)
  { name: 'huyện Chiêm Hóa', province: 'Tuyên Quang', hosts: ['chiemhoa.gov.vn', 'chiemhoa.tuyenquang.gov.vn'] },
  { name: 'huyện Sơn Dương', province: 'Tuyên Quang', hosts: ['sonduong.tuyenquang.gov.vn'] },
  { name: 'huyện Hàm Yên', province: 'Tuyên Quang', hosts: ['hamyen.tuyenquang.gov.vn'] },
  { name: 'huyện Yên Sơn', province: 'Tuyên Quang', hosts: ['yenson.tuyenquang.gov.vn'] },
  { name: 'huyện Na Hang', province: 'Tuyên Quang', hosts: ['nahang.tuyenquang.gov.vn'] },
  { name: 'huyện Lâm Bình', province: 'Tuyên Quang', hosts: ['lambinh.tuyenquang.gov.vn'] },
  { name: 'thành phố Tuyên Quang', province: 'Tuyên Quang', hosts: ['tptuyenquang.tuyenquang.gov.vn'] },
  // Hà Giang
  { name: 'huyện Đồng Văn', province: 'Hà Giang', hosts: ['dongvan.hagiang.gov.vn'] },
  { name: 'huyện Mèo Vạc', province: 'Hà Giang', hosts: ['meovac.hagiang.gov.vn'] },
  { name: 'huyện Yên Minh', province: 'Hà Giang', hosts: ['yenminh.hagiang.gov.vn'] },
  { name: 'huyện Quản Bạ', province: 'Hà Giang', hosts: ['quanba.hagiang.gov.vn'] },
  { name: 'huyện Bắc Mê', province: 'Hà Giang', hosts: ['bacme.hagiang.gov.vn'] },
  { name: 'huyện Vị Xuyên', province: 'Hà Giang', hosts: ['vixuyen.hagiang.gov.vn'] },
  { name: 'huyện Bắc Quang', province: 'Hà Giang', hosts: ['bacquang.hagiang.gov.vn'] },
  { name: 'huyện Quang Bình', province: 'Hà Giang', hosts: ['quangbinh.hagiang.gov.vn'] },
  { name: 'huyện Hoàng Su Phì', province: 'Hà Giang', hosts: ['hoangsuphi.hagiang.gov.vn'] },
  { name: 'huyện Xín Mần', province: 'Hà Giang', hosts: ['xinman.hagiang.gov.vn'] },
  { name: 'thành phố Hà Giang', province: 'Hà Giang', hosts: ['thanhpho.hagiang.gov.vn'] },
  // Thái Nguyên
  { name: 'huyện Định Hóa', province: 'Thái Nguyên', hosts: ['dinhhoa.thainguyen.gov.vn'] },
  { name: 'huyện Đại Từ', province: 'Thái Nguyên', hosts: ['daitu.thainguyen.gov.vn'] },
  { name: 'huyện Phú Lương', province: 'Thái Nguyên', hosts: ['phuluong.thainguyen.gov.vn'] },
  { name: 'huyện Võ Nhai', province: 'Thái Nguyên', hosts: ['vonhai.thainguyen.gov.vn'] },
  { name: 'huyện Đồng Hỷ', province: 'Thái Nguyên', hosts: ['donghy.thainguyen.gov.vn'] },
  { name: 'huyện Phú Bình', province: 'Thái Nguyên', hosts: ['phubinh.thainguyen.gov.vn'] },
  { name: 'thành phố Phổ Yên', province: 'Thái Nguyên', hosts: ['phoyen.thainguyen.gov.vn'] },
  { name: 'thành phố Sông Công', province: 'Thái Nguyên', hosts: ['songcong.thainguyen.gov.vn'] },
  { name: 'thành phố Thái Nguyên', province: 'Thái Nguyên', hosts: ['tpthainguyen.thainguyen.gov.vn'] },
];

/** National outlets and agencies: never provincial, even when an article is about a province. */
export const NATIONAL_HOSTS: readonly string[] = [
  'vov.vn', 'vtv.vn', 'vtc.vn', 'nhandan.vn', 'dangcongsan.vn', 'baochinhphu.vn', 'chinhphu.vn', 'vietnamplus.vn',
  'qdnd.vn', 'cand.com.vn', 'tuoitre.vn', 'thanhnien.vn', 'vnexpress.net', 'dantri.com.vn', 'laodong.vn',
  'tienphong.vn', 'vietnamnet.vn', 'znews.vn', 'zingnews.vn', 'nld.com.vn', 'baotintuc.vn', 'vnanet.vn',
  'daibieunhandan.vn', 'quochoi.vn', 'mattran.org.vn', 'tapchicongsan.org.vn', 'baodantoc.vn', 'kinhtedothi.vn',
];

/** First labels of department and agency sub-sites (`soyte.tuyenquang.gov.vn`, `snntuyenquang.gov.vn`) → name. */
export const DEPARTMENT_PREFIXES: Readonly<Record<string, string>> = {
  snn: 'Sở Nông nghiệp và PTNT', sonnptnt: 'Sở Nông nghiệp và PTNT', snnptnt: 'Sở Nông nghiệp và PTNT',
  sonongnghiep: 'Sở Nông nghiệp và Môi trường', soyte: 'Sở Y tế', syt: 'Sở Y tế', sogddt: 'Sở Giáo dục và Đào tạo',
  sgddt: 'Sở Giáo dục và Đào tạo', svhttdl: 'Sở Văn hóa, Thể thao và Du lịch', sovhtt: 'Sở Văn hóa và Thể thao',
  sonoivu: 'Sở Nội vụ', snv: 'Sở Nội vụ', sxd: 'Sở Xây dựng', stnmt: 'Sở Tài nguyên và Môi trường',
  sotnmt: 'Sở Tài nguyên và Môi trường', stc: 'Sở Tài chính', skhdt: 'Sở Kế hoạch và Đầu tư', sct: 'Sở Công Thương',
  stp: 'Sở Tư pháp', sotuphap: 'Sở Tư pháp', doingoai: 'Sở Ngoại vụ', songoaivu: 'Sở Ngoại vụ',
  sldtbxh: 'Sở Lao động - Thương binh và Xã hội', stttt: 'Sở Thông tin và Truyền thông',
  sotttt: 'Sở Thông tin và Truyền thông', skhcn: 'Sở Khoa học và Công nghệ', sokhcn: 'Sở Khoa học và Công nghệ',
  sgtvt: 'Sở Giao thông vận tải', bdt: 'Ban Dân tộc', bandantoc: 'Ban Dân tộc', hdnd: 'HĐND',
  cdc: 'Trung tâm Kiểm soát bệnh tật', pbgdpl: 'Phổ biến, giáo dục pháp luật', thanhtra: 'Thanh tra tỉnh',
};
