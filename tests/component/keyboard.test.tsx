import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createKioskI18n } from '../../renderer/i18n';
import { typeKey, type InputMode } from '../../renderer/input/telex';
import { keyboardButtons, VietKeyboard } from '../../renderer/input/VietKeyboard';

/** The keyboard as a screen uses it: the text composed with typeKey in the chosen mode, shown read-only. */
function TypingArea(): React.JSX.Element {
  const [text, setText] = useState('');
  const [mode, setMode] = useState<InputMode>('telex');
  const onKey = (key: string) =>
    setText((current) =>
      key === keyboardButtons.backspace ? [...current].slice(0, -1).join('') : key === keyboardButtons.clear ? '' : typeKey(current, key, mode),
    );
  return (
    <I18nextProvider i18n={createKioskI18n('vi')}>
      <output data-testid="typed">{text}</output>
      <VietKeyboard mode={mode} onModeChange={setMode} onKey={onKey} />
    </I18nextProvider>
  );
}

async function press(...labels: string[]) {
  const keyboard = screen.getByTestId('viet-keyboard');
  for (const label of labels) await userEvent.click(within(keyboard).getByText(label, { selector: 'button > span' }));
}

describe('on-screen keyboard', () => {
  it('types Vietnamese with Telex by default, and deletes a whole composed letter', async () => {
    render(<TypingArea />);
    expect(screen.getByRole('button', { name: 'Gõ tiếng Việt (Telex)' })).toHaveAttribute('aria-pressed', 'true');

    await press('t', 'i', 'e', 'e', 'n', 'f');
    expect(screen.getByTestId('typed')).toHaveTextContent('tiền');
    await press('Xóa lùi');
    expect(screen.getByTestId('typed')).toHaveTextContent(/^tiề$/);
  });

  it('types letters as they are in ABC mode, with spaces', async () => {
    render(<TypingArea />);
    await userEvent.click(screen.getByRole('button', { name: 'ABC' }));
    await press('a', 's', 'Dấu cách', 'd', 'd');
    expect(screen.getByTestId('typed')).toHaveTextContent('as dd');
    await press('Xóa hết');
    expect(screen.getByTestId('typed')).toBeEmptyDOMElement();
  });

  it('switches to a numeric pad for codes and back to letters', async () => {
    render(<TypingArea />);
    await press('Số');
    expect(screen.getByTestId('viet-keyboard')).toHaveAttribute('data-layout', 'numeric');
    expect(within(screen.getByTestId('viet-keyboard')).queryByText('q', { selector: 'button > span' })).not.toBeInTheDocument();

    await press('1', '.', '0', '0', '1');
    expect(screen.getByTestId('typed')).toHaveTextContent('1.001');
    await press('Chữ cái');
    expect(within(screen.getByTestId('viet-keyboard')).getByText('q', { selector: 'button > span' })).toBeInTheDocument();
  });
});
