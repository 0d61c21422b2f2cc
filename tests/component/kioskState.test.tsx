import { describe, expect, it } from 'vitest';
import { MAX_CODE_LENGTH } from '../../shared/receipt/parseReceipt';
import { initialKioskState, kioskReducer, type KioskAction, type KioskState } from '../../renderer/state/kioskState';
import { dossierView, found, scanOf } from './support';

const run = (actions: KioskAction[], from: KioskState = initialKioskState) => actions.reduce(kioskReducer, from);
const type = (text: string): KioskAction[] => [...text].map((char) => ({ type: 'keypadType', char }));
const onKeypad = run([{ type: 'open', screen: 'keypad' }]);

describe('kiosk state', () => {
  it('edits the typed code with the keypad keys only', () => {
    const state = run([...type('H56-x'), { type: 'keypadType', char: '<' }, { type: 'keypadBackspace' }], onKeypad);
    expect(state.screen).toEqual({ name: 'keypad', typed: 'H56', rejection: null });
    expect(run([{ type: 'keypadClear' }], state).screen).toEqual({ name: 'keypad', typed: '', rejection: null });
  });

  it('stops taking keys at the longest possible code', () => {
    const state = run(type('1'.repeat(MAX_CODE_LENGTH + 5)), onKeypad);
    expect(state.screen).toMatchObject({ typed: '1'.repeat(MAX_CODE_LENGTH) });
  });

  it('submits a valid code as a new lookup, and keeps an invalid one with its reason', () => {
    expect(run([...type('000.00.06.H56-231027-0361'), { type: 'keypadSubmit' }], onKeypad).screen).toEqual({
      name: 'loading',
      lookupId: 1,
      code: '000.00.06.H56-231027-0361',
    });
    expect(run([...type('12'), { type: 'keypadSubmit' }], onKeypad).screen).toEqual({
      name: 'keypad',
      typed: '12',
      rejection: 'TOO_SHORT',
    });
  });

  it('rates a typed code from "scan to rate", and only from there', () => {
    const typedToRate = run([{ type: 'open', screen: 'rateScan' }, { type: 'typeCodeToRate' }, ...type('000.00.06.H56-231027-0361'), { type: 'keypadSubmit' }]);
    expect(typedToRate.screen).toEqual({ name: 'loading', lookupId: 1, code: '000.00.06.H56-231027-0361', rateAfter: true });
    expect(run([{ type: 'typeCodeToRate' }]).screen).toEqual({ name: 'home' });
  });

  it('applies only the reply of the latest lookup', () => {
    const dossier = dossierView();
    const twoScans = run([
      { type: 'scanned', event: scanOf('AAA-0001') },
      { type: 'scanned', event: scanOf('BBB-0002') },
    ]);
    expect(twoScans.screen).toEqual({ name: 'loading', lookupId: 2, code: 'BBB-0002' });

    const stale = run([{ type: 'lookupSettled', lookupId: 1, result: found(dossier), settledAt: 1 }], twoScans);
    expect(stale).toBe(twoScans);

    const fresh = run([{ type: 'lookupSettled', lookupId: 2, result: found(dossier), settledAt: 7 }], twoScans);
    expect(fresh.screen).toEqual({ name: 'status', dossier, checkedAt: 7 });
  });

  it('ignores a reply arriving after an idle reset', () => {
    const reset = run([{ type: 'scanned', event: scanOf('AAA-0001') }, { type: 'reset' }]);
    const late = run([{ type: 'lookupSettled', lookupId: 1, result: found(dossierView()), settledAt: 1 }], reset);
    expect(late.screen).toEqual({ name: 'home' });
  });

  it('shows a failed lookup with the code it was for, and retries it as a new lookup', () => {
    const failed = run([
      { type: 'scanned', event: scanOf('AAA-0001') },
      { type: 'lookupSettled', lookupId: 1, result: { ok: false, error: { code: 'UNAVAILABLE', message: '' } }, settledAt: 1 },
    ]);
    expect(failed.screen).toEqual({
      name: 'error',
      error: { code: 'UNAVAILABLE', reason: null, lookedUpCode: 'AAA-0001' },
    });
    expect(run([{ type: 'retry' }], failed).screen).toEqual({ name: 'loading', lookupId: 2, code: 'AAA-0001' });
  });

  it('shows an unreadable scan as INVALID_CODE with its reason', () => {
    const state = run([{ type: 'scanned', event: { ok: false, reason: 'BAD_CHARS', source: 'camera' } }]);
    expect(state.screen).toEqual({
      name: 'error',
      error: { code: 'INVALID_CODE', reason: 'BAD_CHARS', lookedUpCode: null },
    });
  });
});
