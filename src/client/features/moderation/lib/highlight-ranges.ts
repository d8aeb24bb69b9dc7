/** A piece of a text, and whether it is one of the ranges to highlight. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

/**
 * Cuts `text` at the given UTF-16 ranges (end excluded): the text in order, each range a marked
 * segment. The ranges come from the server, so they are taken with care: sorted, clamped to the
 * text, and a range that overlaps one before it keeps only what is new. Nothing is lost or
 * repeated: the segments always join back into `text`.
 */
export function highlightRanges(text: string, ranges: ReadonlyArray<{ start: number; end: number }>): TextSegment[] {
  const segments: TextSegment[] = [];
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const range of sorted) {
    const start = Math.max(at, Math.min(text.length, Math.trunc(range.start)));
    const end = Math.min(text.length, Math.trunc(range.end));
    if (!(end > start)) continue;
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
