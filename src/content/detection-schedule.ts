// When the content script classifies the page. It starts at document_start, so no page event it waits for can be
// missed or withheld: the page is classified as soon as its DOM goes quiet while it is parsed, again at
// DOMContentLoaded and load if they come (a footer script or an image that never finishes holds them back for
// ever), after late insertions (content fetched by the page's scripts) and after single-page navigations.
// A busy page (tickers, carousels) cannot make it run without end: runs per URL are capped and the watch stops.

interface DetectionSchedule {
  /** The DOM is quiet for this long before a run (ms). */
  quietMs: number;
  /** A run happens at the latest this long after the first change it waits on, however busy the page (ms). */
  maxWaitMs: number;
  /** Runs per URL; a new URL starts a new budget. */
  maxRuns: number;
  /** The DOM is watched this long after the last URL change (ms); events and URL changes still trigger runs. */
  watchMs: number;
}

const DEFAULT_SCHEDULE: DetectionSchedule = { quietMs: 400, maxWaitMs: 1500, maxRuns: 12, watchMs: 30_000 };

/**
 * Calls `run` at the moments above. `ready` is awaited once before the first run (the user's own hosts must be
 * known before the page is judged). Returns a function that stops everything.
 */
export function scheduleDetection(run: () => void, ready: Promise<unknown>, o: DetectionSchedule = DEFAULT_SCHEDULE): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPokeAt = 0;
  let runs = 0;
  let url = location.href;
  let isReady = false;
  let watchUntil = Date.now() + o.watchMs;

  const fire = () => {
    timer = undefined;
    if (runs >= o.maxRuns) return;
    runs++;
    run();
  };
  const poke = (delay = o.quietMs) => {
    if (location.href !== url) {
      // A single-page navigation: a fresh budget, and the DOM watched again.
      url = location.href;
      runs = 0;
      watchUntil = Date.now() + o.watchMs;
      observe();
    }
    if (!isReady || runs >= o.maxRuns) return;
    const now = Date.now();
    if (timer === undefined) firstPokeAt = now;
    else clearTimeout(timer);
    timer = setTimeout(fire, Math.max(0, Math.min(delay, o.maxWaitMs - (now - firstPokeAt))));
  };

  const observer = new MutationObserver(() => {
    if (Date.now() > watchUntil || runs >= o.maxRuns) return observer.disconnect();
    poke();
  });
  let observing = false;
  function observe() {
    if (observing) return;
    observing = true;
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }
  const stopObserving = () => { observer.disconnect(); observing = false; };
  const watchdog = setInterval(() => {
    if (Date.now() > watchUntil) stopObserving();
    // URL changes the events below miss (pushState is invisible to content scripts where there is no Navigation API).
    if (location.href !== url) poke(0);
  }, 1000);

  const onEvent = () => poke(0);
  document.addEventListener('DOMContentLoaded', onEvent);
  window.addEventListener('load', onEvent);
  window.addEventListener('popstate', onEvent);
  window.addEventListener('hashchange', onEvent);
  // Chromium's Navigation API sees history.pushState from the isolated world; Firefox falls back on the watchdog.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', onEvent);

  observe();
  void ready.finally(() => {
    isReady = true;
    // Injected late (on demand, or into a finished page): judge now; while parsing: once the DOM goes quiet.
    poke(document.readyState === 'loading' ? o.quietMs : 0);
  });

  return () => {
    if (timer !== undefined) clearTimeout(timer);
    clearInterval(watchdog);
    stopObserving();
    document.removeEventListener('DOMContentLoaded', onEvent);
    window.removeEventListener('load', onEvent);
    window.removeEventListener('popstate', onEvent);
    window.removeEventListener('hashchange', onEvent);
    navigation?.removeEventListener('navigatesuccess', onEvent);
  };
}
