import { describe, expect, it } from 'vitest';
import { accessAttributes, accessReducer, canEnlarge, canShrink, defaultAccessPrefs, isDefaultAccess, type AccessAction, type AccessPrefs } from '../../renderer/access/accessPrefs';

const apply = (...actions: AccessAction['type'][]): AccessPrefs => actions.reduce((prefs, type) => accessReducer(prefs, { type } as AccessAction), defaultAccessPrefs);

describe('accessibility preferences', () => {
  it('starts at the smallest of three text sizes, normal contrast, voice off', () => {
    expect(defaultAccessPrefs).toEqual({ textSize: 0, highContrast: false, voice: false });
    expect(isDefaultAccess(defaultAccessPrefs)).toBe(true);
    expect(accessAttributes(defaultAccessPrefs)).toEqual({ 'data-text-size': '0', 'data-contrast': 'normal' });
  });

  it('grows the text in three steps and stops at the largest, then shrinks back to the smallest and stops', () => {
    expect(apply('larger').textSize).toBe(1);
    expect(apply('larger', 'larger').textSize).toBe(2);
    expect(apply('larger', 'larger', 'larger', 'larger').textSize).toBe(2);
    expect(canEnlarge(apply('larger', 'larger'))).toBe(false);
    expect(apply('larger', 'larger', 'smaller').textSize).toBe(1);
    expect(apply('smaller').textSize).toBe(0);
    expect(canShrink(defaultAccessPrefs)).toBe(false);
    expect(canShrink(apply('larger'))).toBe(true);
  });

  it('toggles high contrast and voice guidance independently', () => {
    const prefs = apply('toggleContrast', 'toggleVoice');
    expect(prefs).toEqual({ textSize: 0, highContrast: true, voice: true });
    expect(accessAttributes(prefs)['data-contrast']).toBe('high');
    expect(apply('toggleContrast', 'toggleContrast').highContrast).toBe(false);
  });

  it('counts any change as something the session reset must clear, and reset clears all of it', () => {
    for (const type of ['larger', 'toggleContrast', 'toggleVoice'] as const) {
      expect(isDefaultAccess(apply(type)), type).toBe(false);
    }
    const changed = apply('larger', 'larger', 'toggleContrast', 'toggleVoice');
    expect(accessReducer(changed, { type: 'reset' })).toEqual(defaultAccessPrefs);
  });
});
