import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlightRanges } from './highlight-ranges';

const marked = (text: string, ranges: Array<{ start: number; end: number }>) =>
  highlightRanges(text, ranges).map((segment) => (segment.marked ? `[${segment.text}]` : segment.text)).join('');

describe('highlightRanges', () => {
  it('marks each range of the text, in order', () => {
    expect(marked('Quel c0nnard, ce type', [{ start: 5, end: 12 }])).toBe('Quel [c0nnard], ce type');
    expect(marked('abc def ghi', [{ start: 8, end: 11 }, { start: 0, end: 3 }])).toBe('[abc] def [ghi]');
    expect(marked('abc', [])).toBe('abc');
    expect(highlightRanges('', [])).toEqual([{ text: '', marked: false }]);
  });

  it('cuts by UTF-16 ranges, so a word after an emoji is marked exactly', () => {
    const text = '😀 idiot !';
    expect(marked(text, [{ start: 3, end: 8 }])).toBe('😀 [idiot] !');
  });

  it('takes ranges out of the text, overlapping or empty, without losing or repeating a character', () => {
    expect(marked('abcdef', [{ start: 4, end: 99 }, { start: -3, end: 2 }, { start: 1, end: 5 }, { start: 3, end: 3 }])).toBe(
      '[ab][cde][f]',
    );
    fc.assert(
      fc.property(fc.string(), fc.array(fc.record({ start: fc.integer({ min: -5, max: 40 }), end: fc.integer({ min: -5, max: 40 }) })), (text, ranges) => {
        const segments = highlightRanges(text, ranges);
        expect(segments.map((segment) => segment.text).join('')).toBe(text);
        expect(segments.filter((segment) => segment.marked).every((segment) => segment.text.length > 0)).toBe(true);
      }),
    );
  });
});
