/**
 * simple-keyboard set up the one way the kiosk wants it, for every on-screen keyboard: keys act on click, i.e. on
 * release (WCAG 2.5.2 pointer cancellation: a finger brushing a key or sliding off it types nothing), holding a key
 * never repeats it, and the instance lives exactly as long as the component. Returns the ref for the container,
 * which must carry the class "simple-keyboard" (the library names its instance after the first class).
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import { SimpleKeyboard, type KeyboardOptions } from 'simple-keyboard';
import 'simple-keyboard/build/css/index.css';
import './keys.css';

export interface TouchKeyboardSetup {
  layout: Record<string, string[]>;
  theme: string;
  buttonTheme: { class: string; buttons: string }[];
  onKeyPress: (button: string) => void;
  /** Labels of the function keys, in the current language. */
  display: Record<string, string>;
  layoutName?: string;
}

export function useTouchKeyboard({ layout, theme, buttonTheme, onKeyPress, display, layoutName }: TouchKeyboardSetup): React.RefObject<HTMLDivElement | null> {
  const container = useRef<HTMLDivElement>(null);
  const keyboard = useRef<SimpleKeyboard | null>(null);
  const pressed = useEffectEvent(onKeyPress);
  // Read once: the layout and theme are fixed for a keyboard's life; display and layoutName follow below.
  const initial = useRef({ layout, theme, buttonTheme, layoutName: layoutName ?? 'default' });

  useEffect(() => {
    if (container.current === null) return;
    const options: KeyboardOptions = {
      ...initial.current,
      theme: `hg-theme-default ${initial.current.theme}`,
      useButtonTag: true,
      useMouseEvents: true,
      disableButtonHold: true,
      onKeyPress: (button: string) => pressed(button),
    };
    const instance = new SimpleKeyboard(container.current, options);
    keyboard.current = instance;
    return () => {
      instance.destroy();
      keyboard.current = null;
    };
  }, []);

  useEffect(() => {
    keyboard.current?.setOptions(layoutName === undefined ? { display } : { display, layoutName });
  }, [display, layoutName]);

  return container;
}
