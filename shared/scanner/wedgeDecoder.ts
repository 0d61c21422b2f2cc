/**
 * Tells a USB keyboard-wedge scanner from a person at the keyboard by keystroke timing. A scanner types a whole
 * code in well under a second, a few milliseconds per key; people need 80-300 ms per key. Pure: the host feeds
 * key-downs with their times and calls `flush` from its own timer.
 *
 * A burst is a run of printable keys, each at most `maxInterKeyMs` after the one before. It ends with Enter or
 * Tab (the scanner's suffix), or with `silenceMs` without keys (scanners set up without a suffix). It is a scan
 * when it has at least `minLength` characters, its keys came on average at most `maxMeanInterKeyMs` apart and it
 * lasted at most `maxBurstMs`. Judging the mean rather than every gap lets a scan survive one late key (USB
 * polling, a busy machine), while no person keeps up a mean of a few tens of milliseconds over a whole code.
 */

export interface WedgeTiming {
  /** A longer gap starts a new burst. */
  maxInterKeyMs: number;
  maxMeanInterKeyMs: number;
  minLength: number;
  maxBurstMs: number;
  silenceMs: number;
}

export const defaultWedgeTiming: WedgeTiming = {
  maxInterKeyMs: 100,
  maxMeanInterKeyMs: 30,
  minLength: 6,
  maxBurstMs: 1000,
  silenceMs: 150,
};

export interface WedgeKeyEvent {
  /** As KeyboardEvent.key: 'a', 'A', '.', 'Enter', 'Tab', 'Shift', ... */
  key: string;
  /** Milliseconds, monotonic. */
  time: number;
  /** An auto-repeated key-down (KeyboardEvent.repeat): a held key is a person, never a scanner. */
  repeat?: boolean;
}

// Scanners press Shift for upper-case letters; lock and modifier keys carry no character.
const modifierKeys = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'Super',
  'Hyper',
  'Fn',
  'FnLock',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Symbol',
  'SymbolLock',
]);
const terminatorKeys = new Set(['Enter', 'Tab']);

export class WedgeDecoder {
  private readonly timing: WedgeTiming;
  private chars: string[] = [];
  private firstAt = 0;
  private lastAt = 0;

  constructor(timing: Partial<WedgeTiming> = {}) {
    this.timing = { ...defaultWedgeTiming, ...timing };
  }

  /** Feed one key-down. Returns the scanned text when this key (Enter or Tab) ends a qualifying burst, else null. */
  push(event: WedgeKeyEvent): string | null {
    if (modifierKeys.has(event.key)) return null;
    if (terminatorKeys.has(event.key)) {
      // After `silenceMs` the burst has already ended by silence: this Enter is someone else's.
      const scanned = event.time - this.lastAt <= this.timing.silenceMs ? this.scannedText() : null;
      this.reset();
      return scanned;
    }
    if (event.repeat || [...event.key].length !== 1) {
      this.reset();
      return null;
    }
    const gap = event.time - this.lastAt;
    if (this.chars.length === 0 || gap < 0 || gap > this.timing.maxInterKeyMs) {
      // A slow key starts a new burst, so a person's keys are never glued to a scan that follows.
      this.chars = [];
      this.firstAt = event.time;
    }
    this.chars.push(event.key);
    this.lastAt = event.time;
    return null;
  }

  /** Call after `silenceMs` without keys (hosts use a timer): returns a qualifying burst that had no terminator. */
  flush(now: number): string | null {
    // Called early (a timer racing a key): the burst may still be going on.
    if (now - this.lastAt < this.timing.silenceMs) return null;
    const scanned = this.scannedText();
    this.reset();
    return scanned;
  }

  reset(): void {
    this.chars = [];
  }

  private scannedText(): string | null {
    const { minLength, maxBurstMs, maxMeanInterKeyMs } = this.timing;
    const duration = this.lastAt - this.firstAt;
    const qualifies =
      this.chars.length >= minLength && duration <= maxBurstMs && duration / (this.chars.length - 1) <= maxMeanInterKeyMs;
    return qualifies ? this.chars.join('') : null;
  }
}
