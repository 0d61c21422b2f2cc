/**
 * Technician mode over the kiosk screen: the PIN pad, then the panels. It leaves by itself after two minutes
 * without a touch (and the core's session ends on its own clock too), locking the core's session as it goes.
 */
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../shared/contract/kiosk';
import { useIdleCountdown } from '../hooks/useIdleCountdown';
import { CameraTest } from './CameraTest';
import { PinPad } from './PinPad';
import { ScannerTest } from './ScannerTest';
import { ActionsPanel, DiagnosticsPanel, LogsPanel, SettingsPanel } from './TechnicianPanels';
import './technician.css';

export const TECHNICIAN_IDLE_SECONDS = 120;
const tabs = ['diagnostics', 'scanner', 'camera', 'logs', 'settings', 'actions'] as const;
type Tab = (typeof tabs)[number];

export function TechnicianMode({ kiosk, onClose }: { kiosk: Pick<KioskApi, 'technician' | 'catalogue' | 'scanner'>; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [view, setView] = useState<{ unlocked: false; sessionEnded: boolean } | { unlocked: true; tab: Tab }>({ unlocked: false, sessionEnded: false });
  const { technician } = kiosk;

  const close = useCallback(() => {
    void technician.lock().catch(() => undefined);
    onClose();
  }, [technician, onClose]);
  const sessionLost = useCallback(() => setView({ unlocked: false, sessionEnded: true }), []);
  useIdleCountdown({ timeoutSeconds: TECHNICIAN_IDLE_SECONDS, warningSeconds: 0, enabled: true, activityKey: view, onIdle: close });

  return (
    <div className="technician" role="dialog" aria-modal="true" aria-label={t('technician.title')} data-testid="technician-mode">
      {!view.unlocked ? (
        <PinPad technician={technician} sessionEnded={view.sessionEnded} onUnlocked={() => setView({ unlocked: true, tab: 'diagnostics' })} onCancel={close} />
      ) : (
        <>
          <header className="technician__header">
            <h2>{t('technician.title')}</h2>
            <nav className="technician__tabs">
              {tabs.map((tab) => (
                <button key={tab} type="button" className="button button--choice" aria-pressed={view.tab === tab} onClick={() => setView({ unlocked: true, tab })}>
                  {t(`technician.tabs.${tab}`)}
                </button>
              ))}
            </nav>
          </header>
          {view.tab === 'diagnostics' && <DiagnosticsPanel technician={technician} onSessionLost={sessionLost} />}
          {view.tab === 'scanner' && <ScannerTest />}
          {view.tab === 'camera' && <CameraTest scanner={kiosk.scanner} />}
          {view.tab === 'logs' && <LogsPanel technician={technician} onSessionLost={sessionLost} />}
          {view.tab === 'settings' && <SettingsPanel technician={technician} onSessionLost={sessionLost} />}
          {view.tab === 'actions' && <ActionsPanel technician={technician} catalogue={kiosk.catalogue} onSessionLost={sessionLost} onLeave={close} />}
        </>
      )}
    </div>
  );
}
