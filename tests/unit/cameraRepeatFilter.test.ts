import { describe, expect, it } from 'vitest';
import { createRepeatFilter, REPEAT_WINDOW_MS } from '../../renderer/camera/repeatFilter';

const code = '000.00.06.H56-231027-0361';

describe('the camera repeat filter', () => {
  it('lets the first read of a code through and holds back the same code read again within the window', () => {
    const filter = createRepeatFilter();
    expect(filter.accept(code, 1000)).toBe(true);
    expect(filter.accept(code, 1000 + 200)).toBe(false);
    expect(filter.accept(code, 1000 + REPEAT_WINDOW_MS - 1)).toBe(false);
  });

  it('keeps holding back a receipt left in view, since every sighting renews the window', () => {
    const filter = createRepeatFilter(1000);
    expect(filter.accept(code, 0)).toBe(true);
    for (let at = 500; at <= 5000; at += 500) expect(filter.accept(code, at)).toBe(false);
  });

  it('lets the same code through again once it has been out of view for the window', () => {
    const filter = createRepeatFilter(1000);
    expect(filter.accept(code, 0)).toBe(true);
    expect(filter.accept(code, 1000)).toBe(true);
  });

  it('lets a different code through at once, and the first one again after it', () => {
    const filter = createRepeatFilter(1000);
    expect(filter.accept(code, 0)).toBe(true);
    expect(filter.accept('H56.99-240101-0001', 100)).toBe(true);
    expect(filter.accept(code, 200)).toBe(true);
  });
});
