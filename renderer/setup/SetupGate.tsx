/**
 * Asks the core whether the kiosk is set up: the setup wizard when it is not, the kiosk itself when it is. When
 * the wizard completes, the core has already switched to its full handlers, so the kiosk simply takes over.
 */
import type { i18n as I18n } from 'i18next';
import { useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { KioskApi } from '../../shared/contract/kiosk';
import { SetupWizard } from './SetupWizard';

export function SetupGate({ kiosk, i18n, children }: { kiosk: KioskApi; i18n: I18n; children: React.ReactNode }): React.JSX.Element | null {
  const [mode, setMode] = useState<'checking' | 'setup' | 'kiosk'>('checking');
  useEffect(() => {
    let mounted = true;
    kiosk.setup.state().then(
      (state) => {
        if (mounted) setMode(state.mode);
      },
      // A host that cannot say is a provisioned one (setup mode always answers): show the kiosk and its own errors.
      () => {
        if (mounted) setMode('kiosk');
      },
    );
    return () => {
      mounted = false;
    };
  }, [kiosk]);

  if (mode === 'checking') return null;
  if (mode === 'kiosk') return <>{children}</>;
  return (
    <I18nextProvider i18n={i18n}>
      <SetupWizard setup={kiosk.setup} scanner={kiosk.scanner} onDone={() => setMode('kiosk')} />
    </I18nextProvider>
  );
}
