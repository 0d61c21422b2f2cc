import { describe, expect, it } from 'vitest';
import { recordTap, type TapHistory } from '../../renderer/technician/cornerGesture';

/** Feeds taps (x, y, time) and says after which ones the gesture opened. */
function openedAt(taps: Array<[number, number, number]>): number[] {
  let history: TapHistory = [];
  const opened: number[] = [];
  taps.forEach(([x, y, time], index) => {
    const outcome = recordTap(history, { x, y, time });
    history = outcome.history;
    if (outcome.opened) opened.push(index);
  });
  return opened;
}

const corner = (time: number): [number, number, number] => [20, 30, time];

describe('technician corner gesture', () => {
  it('opens on the fifth tap in the top-left corner within three seconds', () => {
    expect(openedAt([corner(0), corner(400), corner(800), corner(1200), corner(1600)])).toEqual([4]);
  });

  it('does not open on four taps, nor when the five taps take three seconds or more', () => {
    expect(openedAt([corner(0), corner(400), corner(800), corner(1200)])).toEqual([]);
    expect(openedAt([corner(0), corner(800), corner(1600), corner(2400), corner(3000)])).toEqual([]);
  });

  it('counts only the taps of the last three seconds, so slow taps followed by quick ones still open it', () => {
    expect(openedAt([corner(0), corner(3000), corner(6000), corner(6300), corner(6600), corner(6900), corner(7200)])).toEqual([6]);
  });

  it('starts again after a tap outside the corner, as when a citizen uses the screen', () => {
    expect(openedAt([corner(0), corner(200), corner(400), [500, 400, 500], corner(600), corner(800)])).toEqual([]);
    expect(openedAt([corner(0), corner(200), [81, 10, 300], corner(400), corner(500), corner(600), corner(700), corner(800)])).toEqual([7]);
  });

  it('starts again after opening: a sixth tap does not open it twice', () => {
    expect(openedAt([corner(0), corner(100), corner(200), corner(300), corner(400), corner(500)])).toEqual([4]);
  });
});
