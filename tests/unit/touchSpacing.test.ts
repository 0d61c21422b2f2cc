import { describe, expect, it } from 'vitest';
import { boxDistance, crowdedTouchTargets, minTouchGapPx, type TouchBox } from '../support/touchSpacing';

const box = (name: string, left: number, top: number, width = 80, height = 80): TouchBox => ({ name, left, top, right: left + width, bottom: top + height });

describe('boxDistance', () => {
  it('is the gap between side-by-side or stacked boxes, and the corner-to-corner distance between diagonal ones', () => {
    expect(boxDistance(box('a', 0, 0), box('b', 92, 0))).toBe(12);
    expect(boxDistance(box('a', 0, 100), box('b', 0, 0))).toBe(20);
    expect(boxDistance(box('a', 0, 0), box('b', 83, 84))).toBe(5);
  });

  it('is zero for boxes that touch or overlap', () => {
    expect(boxDistance(box('a', 0, 0), box('b', 80, 0))).toBe(0);
    expect(boxDistance(box('a', 0, 0), box('b', 40, 40))).toBe(0);
  });
});

describe('crowdedTouchTargets', () => {
  it('accepts targets at least the minimum gap apart, in rows, columns and diagonally', () => {
    const row = [0, 1, 2].map((i) => box(`key ${i}`, i * (80 + minTouchGapPx), 0));
    const below = box('below', 0, 80 + minTouchGapPx);
    // 6 px to the right of and below 'below': 8.5 px away corner to corner.
    const diagonal = box('diagonal', 80 + 6, 2 * 80 + minTouchGapPx + 6);
    expect(crowdedTouchTargets([...row, below, diagonal])).toEqual([]);
  });

  it('names both targets of a pair that overlap', () => {
    expect(crowdedTouchTargets([box('Tra cứu', 0, 0), box('Xóa lùi', 40, 10), box('far', 400, 0)])).toEqual(['Tra cứu and Xóa lùi overlap']);
  });

  it('names both targets of a pair that touch or are closer than the minimum, with the gap', () => {
    expect(crowdedTouchTargets([box('q', 0, 0), box('w', 85, 0), box('e', 165, 0)])).toEqual(['q and w only 5 px apart', 'w and e only 0 px apart']);
  });

  it('finds diagonal neighbours closer than the minimum although each axis alone has a gap', () => {
    expect(crowdedTouchTargets([box('a', 0, 0), box('b', 85, 85)])).toEqual(['a and b only 7.1 px apart']);
  });

  it('does not count sub-pixel layout rounding as crowding', () => {
    expect(crowdedTouchTargets([box('a', 0, 0), box('b', 80 + minTouchGapPx - 0.01, 0)])).toEqual([]);
  });

  it('leaves targets fully apart alone however many there are', () => {
    const grid = Array.from({ length: 30 }, (_, i) => box(`t${i}`, (i % 6) * 100, Math.floor(i / 6) * 100));
    expect(crowdedTouchTargets(grid)).toEqual([]);
  });
});
