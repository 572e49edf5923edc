// The user's own rule for a host (picked in the popup): selectors made from a pick, hostile rules refused,
// a rule applied to the host's next page, and a rule that no longer fits the page noticed as a miss.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseHtml } from '../../eval/parse-html';
import { extractArticle } from '../../src/core/extract';
import { selectorProblem } from '../../src/core/extract/user-rule-syntax';
import { isUnstableName, selectorFor, selectorsForPick } from '../../src/core/extract/user-rule-selector';
import { applyUserRule, checkUserRule, cleanUserRules, userRuleFor, type UserRule } from '../../src/core/extract/user-rules';
import { pickStep, previewPick, type Pick } from '../../src/core/extract/pick-state';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/user-rule');
const HOST = 'sovhttdl.dienbien.gov.vn';
const page = (name: string, n: number) => {
  const url = `https://${HOST}/tin-tuc/bai-${n}.html`;
  return { url, doc: parseHtml(readFileSync(resolve(FIXTURES, name), 'utf8'), url) };
};
const para = (i: number) => `<p>Đoạn ${i}: Hội nghị triển khai nhiệm vụ năm, các sở, ngành, địa phương thảo luận và thống nhất giải pháp thực hiện.</p>`;

describe('selector generation', () => {
  it('prefers a stable id, and refuses per-article and hashed names', () => {
    const doc = parseHtml(`<body><div id="post-48213" class="Article_body__3xYz1 css-1q2w3e"><div id="noidung">${para(1)}</div></div></body>`, 'https://a.gov.vn/');
    expect(selectorFor(doc.getElementById('noidung')!, doc)).toBe('#noidung');
    const outer = doc.getElementById('post-48213')!;
    const sel = selectorFor(outer, doc)!;
    expect(sel).not.toMatch(/48213|3xYz1|1q2w3e/);
    expect(doc.querySelectorAll(sel)).toHaveLength(1);
    expect(doc.querySelector(sel)).toBe(outer);
    for (const name of ['post-48213', 'Article_body__3xYz1', 'css-1q2w3e', 'sc-bdVaJa', 'jsx-2931', 'a1b2c3d']) expect(isUnstableName(name), name).toBe(true);
    for (const name of ['noidung', 'detail-content', 'ctl00_ContentPlaceHolder1_divNoiDung', 'col-md-8', 'news-body']) expect(isUnstableName(name), name).toBe(false);
  });

  it('climbs to a distinguishing ancestor instead of counting siblings, and matches exactly the picked element', () => {
    const doc = parseHtml(
      `<body><div class="sidebar"><div class="box">${para(9)}</div></div><div class="main"><div class="box">${para(1)}${para(2)}</div></div></body>`,
      'https://a.gov.vn/',
    );
    const picked = doc.querySelector('.main .box')!;
    const sel = selectorFor(picked, doc)!;
    expect(sel).toBe('div.main > div.box');
    expect(sel).not.toContain('nth');
  });

  it('uses :nth-of-type only where nothing else tells siblings apart, never inside a list of repeated items', () => {
    const doc = parseHtml(`<body><div id="khung"><div>menu</div><div>${para(1)}</div></div><ul>${'<li>tin</li>'.repeat(6)}</ul></body>`, 'https://a.gov.vn/');
    const second = doc.querySelectorAll('#khung > div')[1];
    expect(selectorFor(second, doc)).toBe('#khung > div:nth-of-type(2)');
    expect(selectorFor(doc.querySelectorAll('li')[3], doc)).toBeNull();
  });

  it('turns a pick into a body selector and exclusions relative to the body; refuses <body> itself', () => {
    const { doc } = page('article-1.html', 1);
    const body = doc.querySelector('.noi-dung-bai-7')!;
    const ad = doc.querySelector('.o-quang-cao')!;
    const picked = selectorsForPick(doc, body, [ad]);
    expect(picked).toEqual({ ok: true, body: 'div.noi-dung-bai-7', exclude: ['div.o-quang-cao'] });
    expect(selectorsForPick(doc, doc.body, [])).toEqual({ ok: false, problem: 'whole-page' });
    expect(selectorsForPick(doc, body, [doc.querySelector('.thanh-menu')!])).toEqual({ ok: false, problem: 'exclude-outside' });
  });
});

describe('hostile or broken rules', () => {
  const rule = (over: Record<string, unknown>) => ({ host: HOST, body: 'div.noi-dung', exclude: [], createdAt: '2026-12-01T10:00:00.000Z', ...over });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['div[', 'invalid'],
    ['div:has(div:has(div:has(p)))', 'invalid'],
    [':is(div, p) :where(span)', 'invalid'],
    ['<script>alert(1)</script>', 'invalid'],
    ['div[title="<img src=x onerror=alert(1)>"]', 'invalid'],
    ['div::before', 'invalid'],
    ['a'.repeat(301), 'too-long'],
    [Array.from({ length: 20 }, () => 'div').join(' > '), 'too-long'],
    ['body', 'whole-page'],
    ['html', 'whole-page'],
    [':root', 'whole-page'],
    ['*', 'whole-page'],
    ['div.x, body', 'whole-page'],
  ])('refuses %j (%s)', (selector, problem) => {
    expect(selectorProblem(selector)).toBe(problem);
    const check = checkUserRule(rule({ body: selector }));
    expect(check).toEqual({ ok: false, problem: { field: 'body', problem } });
  });

  it.each(['#noidung', 'div.detail-content > div:nth-of-type(2)', '[itemprop="articleBody"]', 'article .entry, #main', 'td.tin:not(.qc)', 'div#ctl00_divNoiDung p:first-child'])(
    'accepts %j',
    (selector) => {
      expect(selectorProblem(selector)).toBeNull();
    },
  );

  it('checks excluded selectors, host and date too', () => {
    expect(checkUserRule(rule({ exclude: ['.ok', 'div:has(p)'] }))).toEqual({ ok: false, problem: { field: 'exclude', index: 1, problem: 'invalid' } });
    expect(checkUserRule(rule({ exclude: Array.from({ length: 31 }, (_, i) => `.x${i}`) })).ok).toBe(false);
    expect(checkUserRule(rule({ host: 'not a host' }))).toEqual({ ok: false, problem: { field: 'host', problem: 'invalid' } });
    expect(checkUserRule(rule({ createdAt: 'yesterday' })).ok).toBe(false);
    expect(checkUserRule('div')).toEqual({ ok: false, problem: { field: 'rule', problem: 'invalid' } });
  });

  it('keeps the good rules of an imported list and counts the refused ones', () => {
    const { rules, rejected } = cleanUserRules([rule({}), rule({ host: 'b.gov.vn', body: 'body' }), rule({ host: 'c.gov.vn', body: '<b>x</b>' }), null, rule({ host: 'WWW.D.gov.vn' })]);
    expect(rules.map((r) => r.host)).toEqual([HOST, 'd.gov.vn']);
    expect(rejected).toHaveLength(3);
  });
});

describe('applying a rule', () => {
  const fromPick = (): UserRule => {
    const { doc } = page('article-1.html', 1);
    const picked = selectorsForPick(doc, doc.querySelector('.noi-dung-bai-7')!, [doc.querySelector('.o-quang-cao')!]);
    if (!picked.ok) throw new Error(picked.problem);
    return { host: HOST, body: picked.body, exclude: picked.exclude, createdAt: '2026-12-01T10:00:00.000Z' };
  };

  it('the automatic extractor takes the province introduction for the body on this site', () => {
    const { doc, url } = page('article-2.html', 2);
    const auto = extractArticle(doc, url);
    expect(auto.bodyText).toContain('Giới thiệu chung về Điện Biên');
    expect(auto.bodyText).not.toContain('hợp tác xã dệt thổ cẩm');
  });

  it("extracts the host's next page through the rule: the body, without the excluded block or the boilerplate", () => {
    const rule = fromPick();
    const { doc, url } = page('article-2.html', 2);
    expect(userRuleFor([rule], `https://www.${HOST}/tin-tuc/x.html`)).toBe(rule);
    const a = extractArticle(doc, url, { userRule: rule });
    expect(a.extractor.method).toBe('user-rule');
    expect(a.title).toBe('Bảo tồn nghề dệt thổ cẩm của đồng bào Thái');
    const paragraphs = a.bodyText.split('\n\n');
    expect(paragraphs[0]).toMatch(/^Những năm gần đây, nghề dệt thổ cẩm/);
    expect(a.bodyText).toContain('sàn thương mại điện tử để nâng cao thu nhập cho người dân.');
    expect(a.bodyText).not.toContain('Quảng cáo');
    expect(a.bodyText).not.toContain('Giới thiệu chung');
  });

  it('runs selectors a person may type in Cài đặt: :not() and attribute values with dots', () => {
    const { doc, url } = page('article-2.html', 2);
    const base = { host: HOST, createdAt: '2026-12-01T10:00:00.000Z' };
    const typed = extractArticle(doc, url, { userRule: { ...base, body: 'div.khoi-bai > div:not(.ngay-dang):not(.tieu-de-bai)', exclude: ['div:not(.doan-van):not(.tac-gia)'] } });
    expect(typed.extractor.method).toBe('user-rule');
    expect(typed.bodyText).toMatch(/^Những năm gần đây/);
    expect(typed.bodyText).not.toContain('Quảng cáo');
    // Leave out only the ad's link (its text "Quảng cáo:"), found by an address with dots in it.
    const byLink = extractArticle(doc, url, { userRule: { ...base, body: 'div.noi-dung-bai-7', exclude: ['a[href$=".example/uu-dai"]'] } });
    expect(byLink.bodyText).not.toContain('Quảng cáo:');
    expect(byLink.bodyText).toContain('Khách sạn Mường Thanh Điện Biên');
  });

  it('notices a page whose layout changed (nothing matches) and extracts automatically instead', () => {
    const rule = fromPick();
    const { doc, url } = page('article-3-new-layout.html', 3);
    expect(applyUserRule(doc, rule)).toEqual({ ok: false, reason: 'no-match' });
    const a = extractArticle(doc, url, { userRule: rule });
    expect(a.extractor.method).not.toBe('user-rule');
    expect(a.title).toBe('Điện Biên đón đoàn famtrip các doanh nghiệp lữ hành');
  });

  it('calls a rule that finds only a shell a miss, and one naming the whole page too', () => {
    const doc = parseHtml(`<body><div class="noi-dung">Đang cập nhật.</div><div class="khac">${para(1)}${para(2)}</div></body>`, 'https://a.gov.vn/');
    const base = { host: 'a.gov.vn', exclude: [], createdAt: '2026-12-01T10:00:00.000Z' };
    expect(applyUserRule(doc, { ...base, body: 'div.noi-dung' })).toEqual({ ok: false, reason: 'too-little-text' });
    expect(applyUserRule(doc, { ...base, body: 'div.khac' }).ok).toBe(true);
    // Enough text until the excluded blocks go: a miss.
    expect(applyUserRule(doc, { ...base, body: 'div.khac', exclude: ['p'] })).toEqual({ ok: false, reason: 'too-little-text' });
    expect(applyUserRule(doc, { ...base, body: 'body' })).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('picking step by step, with the live preview', () => {
  it('first choice is the body; inside it blocks are left out and taken back; outside it a new body; never the page', () => {
    const { doc, url } = page('article-1.html', 1);
    const body = doc.querySelector('.noi-dung-bai-7')!;
    const ad = doc.querySelector('.o-quang-cao')!;
    const byline = doc.querySelector('.tac-gia')!;
    let pick: Pick = { body: null, excluded: [] };
    const step = (el: Element, leaveOut = false) => {
      const s = pickStep(doc, pick, el, leaveOut);
      if (s.ok) pick = s.pick;
      return s;
    };
    expect(previewPick(doc, url, HOST, pick, '')).toEqual({ ok: false, problem: 'nothing-yet' });
    expect(step(ad, true)).toEqual({ ok: false, problem: 'exclude-outside' });
    step(doc.querySelector('.doan-van')!);
    const narrow = previewPick(doc, url, HOST, pick, '');
    expect(narrow.ok && narrow.rule.body).toBe('div.doan-van');
    step(body);
    step(ad);
    expect(pick).toEqual({ body, excluded: [ad] });
    step(byline, true);
    expect(pick.excluded).toEqual([ad, byline]);
    step(byline, true);
    expect(pick.excluded).toEqual([ad]);
    const preview = previewPick(doc, url, HOST, pick, '');
    expect(preview.ok && [preview.rule.body, preview.rule.exclude, preview.firstLine.slice(0, 11)]).toEqual(['div.noi-dung-bai-7', ['div.o-quang-cao'], 'Sáng 29/11,']);
    // A block outside the body becomes the body; exclusions outside it are dropped.
    step(doc.querySelector('.gioi-thieu-tinh')!);
    expect(pick.excluded).toEqual([]);
    expect(step(doc.body)).toEqual({ ok: false, problem: 'whole-page' });
  });

  it('a body with too little text is not offered as a rule', () => {
    const { doc, url } = page('article-1.html', 1);
    const pick: Pick = { body: doc.querySelector('.ngay-dang')!, excluded: [] };
    expect(previewPick(doc, url, HOST, pick, '')).toEqual({ ok: false, problem: 'too-little-text' });
  });
});
