/**
 * The citizen's accessibility choices: text size (three steps), high contrast and voice guidance. Pure: App keeps
 * them in state, shows them as data attributes on the kiosk's root element (styles.css maps those to CSS custom
 * properties) and puts them back to the defaults with the session.
 */

export const textSizes = [0, 1, 2] as const;
export type TextSize = (typeof textSizes)[number];

export interface AccessPrefs {
  textSize: TextSize;
  highContrast: boolean;
  voice: boolean;
}

export const defaultAccessPrefs: AccessPrefs = { textSize: 0, highContrast: false, voice: false };

export type AccessAction = { type: 'larger' } | { type: 'smaller' } | { type: 'toggleContrast' } | { type: 'toggleVoice' } | { type: 'reset' };

const largest = textSizes[textSizes.length - 1]!;

export function accessReducer(prefs: AccessPrefs, action: AccessAction): AccessPrefs {
  switch (action.type) {
    case 'larger':
      return prefs.textSize === largest ? prefs : { ...prefs, textSize: (prefs.textSize + 1) as TextSize };
    case 'smaller':
      return prefs.textSize === 0 ? prefs : { ...prefs, textSize: (prefs.textSize - 1) as TextSize };
    case 'toggleContrast':
      return { ...prefs, highContrast: !prefs.highContrast };
    case 'toggleVoice':
      return { ...prefs, voice: !prefs.voice };
    case 'reset':
      return defaultAccessPrefs;
  }
}

export function canEnlarge(prefs: AccessPrefs): boolean {
  return prefs.textSize < largest;
}

export function canShrink(prefs: AccessPrefs): boolean {
  return prefs.textSize > 0;
}

/** True when the citizen changed something the idle reset must put back. */
export function isDefaultAccess(prefs: AccessPrefs): boolean {
  return prefs.textSize === defaultAccessPrefs.textSize && prefs.highContrast === defaultAccessPrefs.highContrast && prefs.voice === defaultAccessPrefs.voice;
}

/** The root element's attributes the stylesheet keys on. */
export function accessAttributes(prefs: AccessPrefs): { 'data-text-size': string; 'data-contrast': 'high' | 'normal' } {
  return { 'data-text-size': String(prefs.textSize), 'data-contrast': prefs.highContrast ? 'high' : 'normal' };
}
