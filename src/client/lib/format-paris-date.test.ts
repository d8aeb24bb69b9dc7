import { describe, expect, it } from 'vitest';
import { formatParisDateTime, formatParisTime } from './format-paris-date';

describe('formatParisDateTime', () => {
  it('shows the seed dates as the seed does', () => {
    expect(formatParisDateTime('2015-11-29T11:37:00+01:00')).toBe('29/11/2015 à 11:37');
    expect(formatParisDateTime('2015-11-28T00:51:00+01:00')).toBe('28/11/2015 à 0:51');
    expect(formatParisDateTime('2015-11-27T09:48:00+01:00')).toBe('27/11/2015 à 9:48');
  });

  it('converts any offset to Paris time, summer time included', () => {
    expect(formatParisDateTime('2015-11-27T23:30:00Z')).toBe('28/11/2015 à 0:30');
    expect(formatParisDateTime('2024-07-14T08:05:00-04:00')).toBe('14/07/2024 à 14:05');
  });
});

describe('formatParisTime', () => {
  it('says the time in Paris as French writes it, or with a colon', () => {
    expect(formatParisTime('2024-03-05T13:32:00Z')).toBe('14 h 32');
    expect(formatParisTime('2024-07-14T06:05:00Z')).toBe('8 h 05');
    expect(formatParisTime('2024-07-14T06:05:00Z', ':')).toBe('8:05');
  });
});
