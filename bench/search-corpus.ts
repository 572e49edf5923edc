// Synthetic Vietnamese articles for search tests and the search benchmark. Deterministic (seeded).
// Pure (no Node APIs), so the Chromium benchmark bundles it too. With chainSource(texts), text follows the syllable pairs of the shared corpus's article bodies (a first-order
// Markov chain), so the vocabulary and the phrase structure are those of real provincial news.
import type { Article, SiteInfo } from '../src/core/types';
import { tokenize } from '../src/core/text/tokenize';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** Common words of provincial news, as typed (several are multi-syllable), with near-homographs on purpose. */
export const VOCABULARY = `ủy ban nhân dân tỉnh huyện xã phường thị trấn hội nghị sơ kết tổng kết công tác cải cách hành chính
đường dương dưỡng đương phố giao thông nông thôn mới kinh tế xã hội văn hóa hoà bình hòa thuận thuý thúy khoẻ khỏe
ban dân tộc miền núi đồng bào chính sách hỗ trợ giảm nghèo bền vững đầu tư xây dựng dự án công trình nghiệm thu
trường học giáo dục đào tạo học sinh giáo viên y tế bệnh viện trạm phòng chống dịch bệnh tiêm chủng
nông nghiệp lúa gạo cà phê chè cao su chăn nuôi thủy sản rừng bảo vệ môi trường thiên tai mưa lũ sạt lở
an ninh trật tự công an quân sự biên phòng đảng bộ chi bộ đại hội nghị quyết lãnh đạo chỉ đạo triển khai
kế hoạch năm tháng quý kết quả thực hiện nhiệm vụ giải pháp trọng tâm doanh nghiệp đầu tư thu hút vốn
du lịch lễ hội truyền thống di tích lịch sử thể thao văn nghệ thông tin truyền thông báo chí phát thanh
thanh niên phụ nữ cựu chiến binh nông dân hội viên người dân cán bộ công chức viên chức
chuyển đổi số dịch vụ công trực tuyến hồ sơ thủ tục một cửa tiếp nhận giải quyết
bà ba bá bả bã bạ hồ hổ hộ hố ca cá cà cả cạ mua múa mùa nhà nhã ngày người đi đến về
Tuyên Quang Hà Giang Lào Cai Yên Bái Thái Nguyên Bắc Kạn Cao Bằng Lạng Sơn Điện Biên Lai Châu Sơn La Hòa Bình`
  .split(/\s+/)
  .filter(Boolean);

export const SITES: SiteInfo[] = [
  { host: 'tuyenquang.gov.vn', name: 'Cổng TTĐT tỉnh Tuyên Quang', province: 'Tuyên Quang', kind: 'government-portal' },
  { host: 'bdt.tuyenquang.gov.vn', name: 'Ban Dân tộc tỉnh Tuyên Quang', province: 'Tuyên Quang', kind: 'department-site' },
  { host: 'laocai.gov.vn', name: 'Cổng TTĐT tỉnh Lào Cai', province: 'Lào Cai', kind: 'government-portal' },
  { host: 'baolaocai.vn', name: 'Báo Lào Cai', province: 'Lào Cai', kind: 'newspaper' },
  { host: 'thainguyen.gov.vn', name: 'Cổng TTĐT tỉnh Thái Nguyên', province: 'Thái Nguyên', kind: 'government-portal' },
  { host: 'dienbien.gov.vn', name: 'Cổng TTĐT tỉnh Điện Biên', province: 'Điện Biên', kind: 'government-portal' },
  { host: 'sonla.gov.vn', name: 'Cổng TTĐT tỉnh Sơn La', province: 'Sơn La', kind: 'government-portal' },
  { host: 'example.org', name: 'example.org', province: null, kind: 'other' },
];
export const CATEGORIES = ['Tin hoạt động', 'Kinh tế', 'Văn hóa - Xã hội', 'Chính trị', 'Thời sự', null];
export const TAGS = ['cải cách', 'Giảm nghèo', 'du lịch', 'đề tài A', 'quan trọng'];

/** A word source: draws the next word given the previous one. */
export interface WordSource {
  next(prev: string | null, r: () => number): string;
}

/** Zipf-like draw over a word list: early words are common. */
export function zipfSource(words: string[]): WordSource {
  const weights = words.map((_, i) => 1 / (i + 1) ** 0.9);
  const cum: number[] = [];
  let sum = 0;
  for (const w of weights) cum.push((sum += w));
  return {
    next(_prev, r) {
      const x = r() * sum;
      let lo = 0;
      let hi = cum.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cum[mid] < x) lo = mid + 1;
        else hi = mid;
      }
      return words[lo];
    },
  };
}

/** First-order Markov chain over the syllables of `texts` (e.g. the corpus's titles, leads and bodies); null when too little text. */
export function chainSource(texts: string[]): WordSource | null {
  const follow = new Map<string, string[]>();
  const all: string[] = [];
  for (const text of texts) {
    const words = tokenize(text).map((t) => t.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      all.push(words[i]);
      if (i + 1 < words.length) {
        let f = follow.get(words[i]);
        if (!f) follow.set(words[i], (f = []));
        f.push(words[i + 1]);
      }
    }
  }
  if (all.length < 500) return null;
  return {
    next(prev, r) {
      const f = prev ? follow.get(prev) : undefined;
      if (f && r() < 0.85) return f[Math.floor(r() * f.length)];
      return all[Math.floor(r() * all.length)];
    },
  };
}

function words(source: WordSource, r: () => number, n: number): string {
  const out: string[] = [];
  let prev: string | null = null;
  for (let i = 0; i < n; i++) {
    const w = source.next(prev, r);
    out.push(w);
    prev = w.toLowerCase();
  }
  return out.join(' ');
}

function sentence(source: WordSource, r: () => number, n: number): string {
  const s = words(source, r, n);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function iso(ms: number): string {
  return new Date(ms + 7 * 3600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

export interface GenerateOptions {
  bodyWords?: number;
  source?: WordSource;
  seed?: number;
}

/** Article number `i` of a deterministic collection. */
export function generateArticle(i: number, options: GenerateOptions = {}): Article {
  const r = rng((options.seed ?? 12345) * 1_000_003 + i * 7919);
  const source = options.source ?? zipfSource(VOCABULARY);
  const bodyWords = options.bodyWords ?? 80;
  const site = SITES[Math.floor(r() * SITES.length)];
  const paragraphs: string[] = [];
  let left = bodyWords;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(r() * 25));
    paragraphs.push(`${sentence(source, r, n)}.`);
    left -= n;
  }
  const bodyText = paragraphs.join('\n\n');
  const captured = Date.UTC(2024, 0, 1) + Math.floor(r() * 900) * 86_400_000 + Math.floor(r() * 86_400_000);
  const published = r() < 0.85 ? captured - Math.floor(r() * 30) * 86_400_000 : null;
  const tags = TAGS.filter(() => r() < 0.08);
  const url = `https://${site.host}/tin-tuc/bai-${i}.html`;
  return {
    id: `doc-${String(i).padStart(7, '0')}`,
    url,
    canonicalUrl: url,
    title: sentence(source, r, 6 + Math.floor(r() * 8)),
    category: CATEGORIES[Math.floor(r() * CATEGORIES.length)],
    lead: r() < 0.7 ? sentence(source, r, 15 + Math.floor(r() * 15)) : null,
    author: r() < 0.5 ? 'Nguyễn Văn Đức' : null,
    source: null,
    publishedAt: published === null ? null : iso(published),
    language: 'vi',
    bodyHtml: paragraphs.map((p) => `<p>${p}</p>`).join(''),
    bodyText,
    images: [],
    wordCount: bodyWords,
    extractor: { version: 'synthetic', method: 'generic' },
    site,
    contentHash: i.toString(16).padStart(64, '0'),
    capturedAt: iso(captured),
    tags,
    note: '',
  };
}
