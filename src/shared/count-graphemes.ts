// Counts what a reader calls characters (grapheme clusters: "👍🏽" and "é" written as
// e + U+0301 are one each), not UTF-16 units as String#length does.

/**
 * Past this many UTF-16 units a text is far over any limit of ours, and Intl.Segmenter gets
 * slow on Node 20 (it grows faster than linearly), so the tail is counted by code points:
 * the result stays exact up to the cap and an over-estimate of at most the tail beyond it.
 */
export const GRAPHEME_SCAN_CAP = 20_000;

const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function countCodePoints(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // A high surrogate followed by a low one is a single code point.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}

export function countGraphemes(text: string): number {
  if (text.length === 0) return 0;
  const head = text.length > GRAPHEME_SCAN_CAP ? text.slice(0, GRAPHEME_SCAN_CAP) : text;
  let count = 0;
  if (segmenter) {
    const segments = segmenter.segment(head)[Symbol.iterator]();
    while (!segments.next().done) count++;
  } else {
    count = countCodePoints(head);
  }
  return count + (head === text ? 0 : countCodePoints(text.slice(GRAPHEME_SCAN_CAP)));
}
