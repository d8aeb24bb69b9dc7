import { describe, expect, it } from 'vitest';
import { countGraphemes, GRAPHEME_SCAN_CAP } from './count-graphemes';

describe('countGraphemes', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['👍🏽', 1],
    ['e\u0301', 1],
    ['🇫🇷🇷🇺', 2],
    ['👨‍👩‍👧‍👦 famille', 9],
    ['ligne\nligne', 11],
  ])('counts %j as %i', (text, expected) => {
    expect(countGraphemes(text)).toBe(expected);
  });

  it('stays exact up to the cap and over-estimates only beyond it', () => {
    expect(countGraphemes('é'.repeat(GRAPHEME_SCAN_CAP))).toBe(GRAPHEME_SCAN_CAP);
    expect(countGraphemes('x'.repeat(GRAPHEME_SCAN_CAP + 5))).toBe(GRAPHEME_SCAN_CAP + 5);
    expect(countGraphemes('👍'.repeat(100_000))).toBeGreaterThanOrEqual(100_000);
  });
});
