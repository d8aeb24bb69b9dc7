import { highlightRanges } from '../lib/highlight-ranges';

/**
 * A comment's text with the words of the suspect list in <mark>. Sliced by the server's ranges
 * and rendered as text, never as HTML: the comment is a reader's, and may hold any markup.
 */
export function SuspectText({ text, ranges }: { text: string; ranges: ReadonlyArray<{ start: number; end: number }> }) {
  if (ranges.length === 0) return text;
  return highlightRanges(text, ranges).map((segment, index) =>
    // The segments of one text in order: their position is their identity.
    segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text,
  );
}
