/**
 * The on-screen keypad for dossier codes (no physical keyboard at the kiosk, and no native input, so the OS never
 * opens its own keyboard). simple-keyboard draws the keys; the typed text lives in the kiosk state, not in it.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTouchKeyboard } from '../input/useTouchKeyboard';

export const keypadButtons = { backspace: '{bksp}', clear: '{clear}', submit: '{submit}' } as const;

// Alphabetical rather than QWERTY: easier to find for people who do not type.
const layout = {
  default: [
    '1 2 3 4 5 6 7 8 9 0',
    'A B C D E F G H I J',
    'K L M N O P Q R S T',
    'U V W X Y Z . - /',
    `${keypadButtons.clear} ${keypadButtons.backspace} ${keypadButtons.submit}`,
  ],
};

/** `onKeyPress` gets the key's character, or one of `keypadButtons`. */
export function CodeKeypad({ onKeyPress }: { onKeyPress: (button: string) => void }): React.JSX.Element {
  const { t } = useTranslation();
  const display = useMemo(
    () => ({
      [keypadButtons.backspace]: t('keypad.backspace'),
      [keypadButtons.clear]: t('keypad.clear'),
      [keypadButtons.submit]: t('keypad.submit'),
    }),
    [t],
  );
  const container = useTouchKeyboard({
    layout,
    theme: 'code-keypad',
    buttonTheme: [
      { class: 'code-keypad__submit', buttons: keypadButtons.submit },
      { class: 'code-keypad__edit', buttons: `${keypadButtons.backspace} ${keypadButtons.clear}` },
    ],
    onKeyPress,
    display,
  });
  return <div ref={container} className="simple-keyboard" data-testid="code-keypad" />;
}
