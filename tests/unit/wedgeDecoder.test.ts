import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WedgeDecoder, defaultWedgeTiming, type WedgeKeyEvent } from '../../shared/scanner/wedgeDecoder';

const code = '000.00.06.H56-231027-0361';

/** Key-downs for `keys` starting at `start`, the n-th key `gaps[n % gaps.length]` ms after the one before. */
function keystrokes(keys: readonly string[], start: number, gaps: readonly number[]): WedgeKeyEvent[] {
  let time = start;
  return keys.map((key, index) => {
    if (index > 0) time += gaps[index % gaps.length] ?? 0;
    return { key, time };
  });
}

/** Every non-null value `push` returned. */
function feed(decoder: WedgeDecoder, events: readonly WedgeKeyEvent[]): string[] {
  return events.map((event) => decoder.push(event)).filter((text): text is string => text !== null);
}

const lastTime = (events: readonly WedgeKeyEvent[]) => events.at(-1)?.time ?? 0;

describe('WedgeDecoder: scanner bursts', () => {
  it('returns a burst at 2-10 ms per key ended by Enter', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z./-]{6,40}$/),
        fc.array(fc.integer({ min: 2, max: 10 }), { minLength: 1, maxLength: 50 }),
        fc.constantFrom('Enter', 'Tab'),
        (text, gaps, terminator) => {
          const decoder = new WedgeDecoder();
          expect(feed(decoder, keystrokes([...text, terminator], 1000, gaps))).toEqual([text]);
        },
      ),
    );
  });

  it('returns a burst ended by Tab', () => {
    const decoder = new WedgeDecoder();
    expect(feed(decoder, keystrokes([...code, 'Tab'], 0, [4]))).toEqual([code]);
  });

  it('returns a burst without terminator when flushed after the silence', () => {
    const decoder = new WedgeDecoder();
    const events = keystrokes([...code], 0, [3]);
    expect(feed(decoder, events)).toEqual([]);
    expect(decoder.flush(lastTime(events) + defaultWedgeTiming.silenceMs)).toBe(code);
    expect(decoder.flush(lastTime(events) + 1000)).toBeNull();
  });

  it('keeps the burst when flushed before the silence is over', () => {
    const decoder = new WedgeDecoder();
    const events = keystrokes([...code], 0, [3]);
    feed(decoder, events);
    expect(decoder.flush(lastTime(events) + 10)).toBeNull();
    expect(feed(decoder, [{ key: 'Enter', time: lastTime(events) + 12 }])).toEqual([code]);
  });

  it('returns two scans in a row separately', () => {
    const decoder = new WedgeDecoder();
    const first = keystrokes([...'ABC123', 'Enter'], 0, [5]);
    const second = keystrokes([...'XYZ789', 'Enter'], lastTime(first) + 500, [5]);
    expect(feed(decoder, [...first, ...second])).toEqual(['ABC123', 'XYZ789']);
  });

  it('still yields the code when the scanner presses Shift for upper-case letters', () => {
    const keys = [...'000.00.06.h56-231027-0361'].flatMap((char) => (char === 'h' ? ['Shift', 'H'] : [char]));
    const decoder = new WedgeDecoder();
    expect(feed(decoder, keystrokes([...keys, 'Enter'], 0, [2, 6]))).toEqual([code]);
  });

  it('ignores CapsLock and other modifiers inside a burst', () => {
    const decoder = new WedgeDecoder();
    const keys = ['CapsLock', 'A', 'B', 'Control', 'C', 'Alt', '1', 'Meta', '2', 'AltGraph', '3', 'Enter'];
    expect(feed(decoder, keystrokes(keys, 0, [3]))).toEqual(['ABC123']);
  });

  it('honours custom timing, keeping the defaults for values left out or undefined', () => {
    const decoder = new WedgeDecoder({ minLength: 4, maxInterKeyMs: undefined });
    expect(feed(decoder, keystrokes([...'A123', 'Enter'], 0, [defaultWedgeTiming.maxMeanInterKeyMs]))).toEqual(['A123']);
    expect(feed(decoder, keystrokes([...'B456', 'Enter'], 1000, [defaultWedgeTiming.maxMeanInterKeyMs + 1]))).toEqual([]);
  });

  it('still reads a scan with one late key, as a busy machine or USB polling delivers it', () => {
    const decoder = new WedgeDecoder();
    const gaps = [...code].map((_, i) => (i === 10 ? 90 : 3));
    expect(feed(decoder, keystrokes([...code, 'Enter'], 0, gaps))).toEqual([code]);
  });
});

describe('WedgeDecoder: people and other input', () => {
  it('never scans human typing at 80-300 ms per key', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9A-Za-z./-]{1,40}$/),
        fc.array(fc.integer({ min: 80, max: 300 }), { minLength: 1, maxLength: 40 }),
        (text, gaps) => {
          const decoder = new WedgeDecoder();
          const events = keystrokes([...text, 'Enter'], 0, gaps);
          expect(feed(decoder, events)).toEqual([]);
          feed(decoder, keystrokes([...text], lastTime(events) + 1000, gaps));
          expect(decoder.flush(Number.MAX_SAFE_INTEGER)).toBeNull();
        },
      ),
    );
  });

  it('never scans fast human typing at about 60 ms per key', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 50, max: 70 }), { minLength: 1, maxLength: 30 }), (gaps) => {
        const decoder = new WedgeDecoder();
        expect(feed(decoder, keystrokes([...code, 'Enter'], 0, gaps))).toEqual([]);
      }),
    );
  });

  it('returns only the scan when a person pressed a key just before it', () => {
    const decoder = new WedgeDecoder();
    const human = keystrokes(['x', 'y'], 0, [150]);
    const scan = keystrokes([...code, 'Enter'], lastTime(human) + 120, [3]);
    expect(feed(decoder, [...human, ...scan])).toEqual([code]);
  });

  it('rejects a burst shorter than the minimum length', () => {
    const decoder = new WedgeDecoder();
    expect(feed(decoder, keystrokes([...'A1234', 'Enter'], 0, [3]))).toEqual([]);
    feed(decoder, keystrokes([...'A1234'], 1000, [3]));
    expect(decoder.flush(2000)).toBeNull();
  });

  it('rejects a burst that takes longer than maxBurstMs in total, though every gap is short', () => {
    const decoder = new WedgeDecoder();
    const keys = [...'1234567890'.repeat(4)];
    // 39 gaps of 30 ms: 1170 ms.
    expect(feed(decoder, keystrokes([...keys, 'Enter'], 0, [30]))).toEqual([]);
  });

  it('starts over after Backspace or an arrow key', () => {
    const decoder = new WedgeDecoder();
    const keys = [...'999', 'Backspace', ...'ABC123', 'ArrowLeft', '7', 'Enter'];
    expect(feed(decoder, keystrokes(keys, 0, [3]))).toEqual([]);
    expect(feed(decoder, keystrokes([...'888', 'Backspace', ...'ABC123', 'Enter'], 1000, [3]))).toEqual(['ABC123']);
  });

  it('never scans a held, auto-repeating key', () => {
    const decoder = new WedgeDecoder();
    const held = keystrokes(Array<string>(20).fill('a'), 0, [33]).map((event, index) => ({
      ...event,
      repeat: index > 0,
    }));
    expect(feed(decoder, [...held, { key: 'Enter', time: lastTime(held) + 5 }])).toEqual([]);
  });

  it('treats an Enter long after the burst as a person’s', () => {
    const decoder = new WedgeDecoder();
    const events = keystrokes([...code], 0, [3]);
    feed(decoder, events);
    expect(decoder.push({ key: 'Enter', time: lastTime(events) + 500 })).toBeNull();
  });

  it('forgets a burst on reset', () => {
    const decoder = new WedgeDecoder();
    feed(decoder, keystrokes([...code], 0, [3]));
    decoder.reset();
    expect(decoder.push({ key: 'Enter', time: 80 })).toBeNull();
  });
});
