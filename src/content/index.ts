// Content script: classifies the page as it loads (for the badge; see detection-schedule.ts) and extracts the article when asked.
// Runs as a self-contained IIFE; it may be injected twice (manifest + scripting API), so it guards itself.
import browser, { type Runtime } from 'webextension-polyfill';
import { detectPage } from '../core/detect';
import { extractArticle, ExtractionError } from '../core/extract';
import type { Detection } from '../core/types';
import { explainPage } from '../core/extract/explain';
import type { ExplainReply, ExtractReply } from '../shared/messages';
import { applyUserSites } from '../shared/user-sites';
import { userRuleFor, userRuleStatus, type UserRule } from '../core/extract/user-rules';
import { loadUserRules } from '../shared/user-rules';
import { startPicker } from './picker';
import { findListedArticles } from '../core/bulk/listing-links';
import { findNextPage } from '../core/bulk/pagination';
import { scheduleDetection } from './detection-schedule';
import { purifyTree } from '../shared/untrusted-html';
import { capturePage } from './page-capture';

const FLAG = '__provincialNewsArchiverLoaded';
const scope = globalThis as unknown as Record<string, unknown>;

function safeDetect(): Detection | null {
  try {
    return detectPage(document, location.href);
  } catch (error) {
    console.warn('[archiver] detection failed', error);
    return null;
  }
}

/** What the background last heard, so that the repeated runs of a settling page send only what changed. */
let lastReport = '';

function reportDetection(): void {
  if (!/^https?:$/.test(location.protocol)) return;
  const detection = safeDetect();
  if (!detection) return;
  const report = JSON.stringify([location.href, detection.isProvincialNewsArticle, detection.pageKind, detection.province, detection.site?.host]);
  if (report === lastReport) return;
  lastReport = report;
  browser.runtime.sendMessage({ type: 'detected', url: location.href, detection }).catch(() => {
    /* the background may be restarting; the popup will ask again */
  });
}

function extractReply(generic: boolean, userRule: UserRule | null): ExtractReply {
  const detection = safeDetect();
  try {
    // The user's rule for this host comes first, whatever the page is classified as: the person chose the body.
    const article = extractArticle(document, location.href, { useSiteRules: !generic, userRule, purify: purifyTree });
    const ruleStatus = userRule ? { userRule: userRuleStatus(document, userRule, article.extractor.method) } : {};
    return { ok: true, article, detection: detection ?? fallbackDetection(), ...ruleStatus };
  } catch (error) {
    const ruleStatus = userRule ? { userRule: userRuleStatus(document, userRule, 'failed') } : {};
    if (error instanceof ExtractionError) return { ok: false, error: { code: error.code, message: error.message }, detection, ...ruleStatus };
    return { ok: false, error: { code: 'unknown', message: error instanceof Error ? error.message : String(error) }, detection, ...ruleStatus };
  }
}

async function userRuleHere(): Promise<UserRule | null> {
  return userRuleFor(await loadUserRules(), location.href);
}

/** The same extraction as a save (the host's picked rule included), with its reasons. */
async function explainReply(generic: boolean): Promise<ExplainReply> {
  const { explain, error } = explainPage(document, location.href, generic, await userRuleHere());
  return { ok: true, explain, error };
}

function fallbackDetection(): Detection {
  return { isProvincialNewsArticle: false, province: null, kind: 'other', pageKind: 'other', site: null, confidence: 0, reasons: ['detection failed'] };
}

if (!scope[FLAG]) {
  scope[FLAG] = true;
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (sender.id !== browser.runtime.id) return undefined;
    const m = message as { type?: unknown; generic?: unknown; withPage?: unknown };
    if (m?.type === 'pick-start') {
      startPicker();
      return Promise.resolve({ ok: true });
    }
    if (m?.type === 'list-articles') {
      return Promise.resolve({ url: location.href, articles: findListedArticles(document, location.href), next: findNextPage(document, location.href) });
    }
    if (m?.type === 'explain') return explainReply(m.generic === true);
    if (m?.type !== 'extract') return undefined;
    return userRuleHere().then((rule) => {
      const reply = extractReply(m.generic === true, rule);
      // A save keeps the page as it is now (the live DOM, after the site's scripts built it).
      return reply.ok && m.withPage === true ? { ...reply, page: capturePage(document) } : reply;
    });
  });
  // The user's own hosts must be known before the first classification (scheduleDetection waits for them).
  scheduleDetection(reportDetection, applyUserSites());
}
