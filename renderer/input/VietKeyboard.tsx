/**
 * The on-screen keyboard for searching: letters (QWERTY, as Telex and VNI typists learnt them) with a digit row,
 * and a numeric pad for procedure codes. No native input, so the OS never opens its own keyboard; the typed text
 * lives with the screen, which composes Vietnamese with `typeKey`. Keys act on release, never repeat.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './keyboard.css';
import type { InputMode } from './telex';
import { useTouchKeyboard } from './useTouchKeyboard';

export const keyboardButtons = { backspace: '{bksp}', space: '{space}', clear: '{clear}' } as const;
const switchTo = { numeric: '{numeric}', letters: '{letters}' } as const;

const layout = {
  letters: [
    '1 2 3 4 5 6 7 8 9 0',
    'q w e r t y u i o p',
    'a s d f g h j k l',
    `z x c v b n m ${keyboardButtons.backspace}`,
    `${switchTo.numeric} ${keyboardButtons.space} ${keyboardButtons.clear}`,
  ],
  numeric: ['1 2 3', '4 5 6', '7 8 9', '. 0 -', `${switchTo.letters} ${keyboardButtons.backspace} ${keyboardButtons.clear}`],
};

const modes: readonly InputMode[] = ['telex', 'vni', 'plain'];

/** `onKey` gets a key's character or one of `keyboardButtons`; the layout switch stays inside. */
export function VietKeyboard({
  mode,
  onModeChange,
  onKey,
}: {
  mode: InputMode;
  onModeChange: (mode: InputMode) => void;
  onKey: (key: string) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [layoutName, setLayoutName] = useState<keyof typeof layout>('letters');
  const pressed = (button: string) => {
    if (button === switchTo.numeric) setLayoutName('numeric');
    else if (button === switchTo.letters) setLayoutName('letters');
    else onKey(button === keyboardButtons.space ? ' ' : button);
  };

  const display = useMemo(
    () => ({
      [keyboardButtons.backspace]: t('keyboard.backspace'),
      [keyboardButtons.space]: t('keyboard.space'),
      [keyboardButtons.clear]: t('keyboard.clear'),
      [switchTo.numeric]: t('keyboard.numeric'),
      [switchTo.letters]: t('keyboard.letters'),
    }),
    [t],
  );

  const container = useTouchKeyboard({
    layout,
    theme: 'viet-keyboard',
    buttonTheme: [
      { class: 'viet-keyboard__space', buttons: keyboardButtons.space },
      {
        class: 'viet-keyboard__edit',
        buttons: `${keyboardButtons.backspace} ${keyboardButtons.clear} ${switchTo.numeric} ${switchTo.letters}`,
      },
    ],
    onKeyPress: pressed,
    display,
    layoutName,
  });

  return (
    <div className="viet-keyboard-panel">
      <div className="segmented" role="group" aria-label={t('keyboard.modeLabel')}>
        {modes.map((option) => (
          <button
            key={option}
            type="button"
            className="button button--chip"
            aria-pressed={option === mode}
            onClick={() => onModeChange(option)}
          >
            {t(`keyboard.modes.${option}`)}
          </button>
        ))}
      </div>
      <div ref={container} className="simple-keyboard" data-testid="viet-keyboard" data-layout={layoutName} />
    </div>
  );
}
