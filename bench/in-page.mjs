// Functions the bench runs inside the page. Playwright sends their source text, so each one is
// self-contained: no imports, no closures over this module.

/**
 * Injected before any of the page's own scripts: records when the first comment and the
 * "Commentaires (N)" heading are painted, and every long task. "Painted" is the end of the
 * first frame rendered after the element entered the DOM: a requestAnimationFrame callback
 * runs just before that frame, and a message posted from it is handled just after.
 */
export function observeDiscussion(expectedCount) {
  const marks = { firstComment: null, heading: null, longTasks: [] };
  window.__reagirBench = marks;
  const afterNextPaint = (record) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => record(performance.now());
      channel.port2.postMessage(null);
    });

  let commentSeen = false;
  let headingSeen = false;
  const observer = new MutationObserver(() => {
    if (!commentSeen && document.querySelector('section[aria-labelledby] li article')) {
      commentSeen = true;
      afterNextPaint((time) => (marks.firstComment = time));
    }
    if (!headingSeen) {
      // The count may be written "20 000" or "20\u202f000": only its digits are compared.
      const heading = [...document.querySelectorAll('h2')].find(
        (h2) => h2.textContent.startsWith('Commentaires') && h2.textContent.replace(/\D/g, '') === String(expectedCount),
      );
      if (heading) {
        headingSeen = true;
        afterNextPaint((time) => (marks.heading = time));
      }
    }
    if (commentSeen && headingSeen) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask' });
}

/** What observeDiscussion saw, with the navigation's own timings. */
export function readDiscussionMarks() {
  const marks = window.__reagirBench;
  const [navigation] = performance.getEntriesByType('navigation');
  const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
  // Nothing is on screen before the first contentful paint, whatever a frame callback says.
  const firstContentfulPaint = paint ?? 0;
  return {
    firstCommentMs: Math.max(marks.firstComment, firstContentfulPaint),
    headingMs: Math.max(marks.heading, firstContentfulPaint),
    // The document's time to first byte: request sent to the first byte of the answer.
    ttfbMs: navigation ? navigation.responseStart - navigation.requestStart : null,
    fcpMs: paint,
    loadEventEndMs: navigation?.loadEventEnd ?? null,
    longTaskCount: marks.longTasks.length,
    longTaskTotalMs: marks.longTasks.reduce((sum, task) => sum + task.duration, 0),
  };
}

/**
 * Times each keystroke in `textarea`, from its keydown event to the end of the first frame
 * painted after `counter` changed (see observeDiscussion for "painted").
 */
export function timeKeystrokes([textarea, counter]) {
  const samples = [];
  window.__reagirKeystrokes = samples;
  let keydownAt = null;
  textarea.addEventListener('keydown', (event) => (keydownAt = event.timeStamp), true);
  new MutationObserver(() => {
    if (keydownAt === null) return;
    const start = keydownAt;
    keydownAt = null;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => samples.push(performance.now() - start);
      channel.port2.postMessage(null);
    });
  }).observe(counter, { childList: true, subtree: true, characterData: true });
}

/**
 * The bare page's textarea and counter (bareCounterPage), put into the app's page where a reply
 * form opens (after the first comment's card): what typing costs in that page without any of the
 * app's code, the floor the app's own form can reach there.
 */
export function addVanillaCounter() {
  const host = document.querySelector('li.comment');
  const field = document.createElement('div');
  field.className = 'comment-form';
  field.innerHTML =
    '<div class="form-field"><label for="bench-body">Commentaire</label><textarea id="bench-body" rows="4" aria-describedby="bench-counter"></textarea><p id="bench-counter" class="character-counter">0 / 2000</p></div>';
  host.querySelector('article').after(field);
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const textarea = field.querySelector('textarea');
  const counter = field.querySelector('#bench-counter');
  textarea.addEventListener('input', () => {
    counter.textContent = `${[...segmenter.segment(textarea.value)].length} / 2000`;
  });
}

/** The element among those describing `textarea` that shows "N / MAX": its counter. */
export function describedCounter(textarea) {
  return (textarea.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id))
    .find((element) => element && /^\d+\s*\/\s*\d+/.test(element.textContent.trim()));
}
