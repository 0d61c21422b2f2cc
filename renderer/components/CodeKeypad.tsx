/**
 * The on-screen keypad for dossier codes (no physical keyboard at the kiosk, and no native input, so the OS never
 * opens its own keyboard). simple-keyboard draws the keys; the typed text lives in the kiosk state, not in it.
 */
import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SimpleKeyboard } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';

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
  const container = useRef<HTMLDivElement>(null);
  const keyboard = useRef<SimpleKeyboard | null>(null);
  const pressed = useEffectEvent(onKeyPress);

  const display = useMemo(
    () => ({
      [keypadButtons.backspace]: t('keypad.backspace'),
      [keypadButtons.clear]: t('keypad.clear'),
      [keypadButtons.submit]: t('keypad.submit'),
    }),
    [t],
  );

  useEffect(() => {
    if (container.current === null) return;
    const instance = new SimpleKeyboard(container.current, {
      layout,
      theme: 'hg-theme-default code-keypad',
      useButtonTag: true,
      // Keys act on click, i.e. on release (WCAG 2.5.2 pointer cancellation): a finger brushing a key or sliding
      // off it types nothing. The default pointer-down handling would type on first contact.
      useMouseEvents: true,
      // Holding a key must not repeat it: no long-press behaviour at the kiosk.
      disableButtonHold: true,
      buttonTheme: [
        { class: 'code-keypad__submit', buttons: keypadButtons.submit },
        { class: 'code-keypad__edit', buttons: `${keypadButtons.backspace} ${keypadButtons.clear}` },
      ],
      onKeyPress: (button) => pressed(button),
    });
    keyboard.current = instance;
    return () => {
      instance.destroy();
      keyboard.current = null;
    };
  }, []);

  useEffect(() => {
    keyboard.current?.setOptions({ display });
  }, [display]);

  // simple-keyboard names its instance after the first class, then replaces the class list with its theme.
  return <div ref={container} className="simple-keyboard" data-testid="code-keypad" />;
}
