/**
 * The wizard's on-screen keyboards (no native input, so the OS never opens its own): one for addresses and codes
 * (letters, digits and the URL punctuation the search keyboard lacks) and a numeric pad for the PIN. Keys act on
 * release and never repeat (useTouchKeyboard).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTouchKeyboard } from '../input/useTouchKeyboard';
import { pinKeys } from './setupFlow';

export const textKeys = { backspace: '{bksp}', clear: '{clear}' } as const;

const addressLayout = {
  default: [
    '1 2 3 4 5 6 7 8 9 0',
    'q w e r t y u i o p',
    'a s d f g h j k l',
    'z x c v b n m',
    `. : / - _ ${textKeys.backspace} ${textKeys.clear}`,
  ],
};

const pinLayout = { default: ['1 2 3', '4 5 6', '7 8 9', `${pinKeys.clear} 0 ${pinKeys.backspace}`] };

function useEditLabels(): Record<string, string> {
  const { t } = useTranslation();
  return useMemo(() => ({ [textKeys.backspace]: t('keyboard.backspace'), [textKeys.clear]: t('keyboard.clear') }), [t]);
}

/** For the server address and the enrollment code: `onKey` gets a character or one of `textKeys`. */
export function AddressKeyboard({ onKey }: { onKey: (key: string) => void }): React.JSX.Element {
  const container = useTouchKeyboard({
    layout: addressLayout,
    theme: 'viet-keyboard',
    buttonTheme: [{ class: 'viet-keyboard__edit', buttons: `${textKeys.backspace} ${textKeys.clear}` }],
    onKeyPress: onKey,
    display: useEditLabels(),
  });
  return <div ref={container} className="simple-keyboard" data-testid="address-keyboard" />;
}

/** Digits for the PIN: `onKey` gets a digit or one of `pinKeys`. */
export function PinKeypad({ onKey }: { onKey: (key: string) => void }): React.JSX.Element {
  const container = useTouchKeyboard({
    layout: pinLayout,
    theme: 'viet-keyboard setup-pin-keypad',
    buttonTheme: [{ class: 'viet-keyboard__edit', buttons: `${pinKeys.backspace} ${pinKeys.clear}` }],
    onKeyPress: onKey,
    display: useEditLabels(),
  });
  return <div ref={container} className="simple-keyboard" data-testid="pin-keypad" />;
}

/** Applies an address-keyboard key to the typed text. */
export function typeAddressKey(text: string, key: string, maxLength: number): string {
  if (key === textKeys.backspace) return text.slice(0, -1);
  if (key === textKeys.clear) return '';
  return text.length < maxLength ? text + key : text;
}
