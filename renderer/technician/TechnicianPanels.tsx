/** The panels of technician mode: diagnostics, logs, settings and actions. Each call goes through the core's session. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskApi } from '../../shared/contract/kiosk';
import type { TechnicianResult, TechnicianSettings } from '../../shared/contract/technician';
import { useVideoInputs } from '../camera/useVideoInputs';
import { useLoad } from '../catalogue/useLoad';
import { formatDateTime } from '../format/dateTime';
import { languageOf } from '../i18n';
import { TechnicianFailure, valueOrThrow } from './technicianCalls';

type Technician = KioskApi['technician'];
const gigabytes = (bytes: number) => (bytes / 1024 ** 3).toFixed(1);

function Row({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function DiagnosticsPanel({ technician, onSessionLost }: { technician: Technician; onSessionLost: () => void }): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const [round, setRound] = useState(0);
  const load = useLoad(`diagnostics-${round}`, () => valueOrThrow(technician.diagnostics(), onSessionLost));
  const language = languageOf(i18n);
  return (
    <section className="technician-section" aria-labelledby="diagnostics-title" data-testid="diagnostics">
      <h3 id="diagnostics-title">{t('technician.tabs.diagnostics')}</h3>
      <button type="button" className="button" onClick={() => setRound((n) => n + 1)}>
        {t('technician.refresh')}
      </button>
      {load.state === 'loading' && <p>{t('technician.loading')}</p>}
      {load.state === 'failed' && <p role="alert">{t('technician.loadFailed')}</p>}
      {load.state === 'loaded' && (
        <dl className="technician-facts">
          <Row label={t('technician.diag.version')}>{load.value.version}</Row>
          <Row label={t('technician.diag.host')}>{load.value.host}</Row>
          <Row label={t('technician.diag.uptime')}>
            {t('technician.diag.uptimeValue', { hours: Math.floor(load.value.uptimeSeconds / 3600), minutes: Math.floor((load.value.uptimeSeconds % 3600) / 60) })}
          </Row>
          <Row label={t('technician.diag.kioskId')}>{load.value.kioskId}</Row>
          <Row label={t('technician.diag.server')}>
            {load.value.server.url} —{' '}
            {load.value.server.reachable ? t('technician.diag.reachable', { ms: load.value.server.latencyMs ?? 0 }) : t('technician.diag.unreachable')}
          </Row>
          <Row label={t('technician.diag.lastSync')}>
            {load.value.catalogue.lastSyncAt ? formatDateTime(load.value.catalogue.lastSyncAt, language) : t('technician.diag.never')}
            {' — '}
            {t('technician.diag.counts', load.value.catalogue.counts)}
          </Row>
          <Row label={t('technician.diag.disk')}>
            {load.value.disk
              ? t('technician.diag.diskValue', { free: gigabytes(load.value.disk.freeBytes), total: gigabytes(load.value.disk.totalBytes) })
              : t('technician.diag.diskUnknown')}
          </Row>
          <Row label={t('technician.diag.outbox')}>{load.value.outboxPending}</Row>
          <Row label={t('technician.diag.devices')}>
            {t('technician.diag.devicesValue', {
              scanner: t(`technician.diag.health.${load.value.devices.scanner}`),
              camera: t(`technician.diag.health.${load.value.devices.camera}`),
            })}
          </Row>
          <Row label={t('technician.diag.voice')}>
            {t(load.value.voice.available ? 'technician.diag.voiceReady' : 'technician.diag.voiceMissing', { program: load.value.voice.program })}
          </Row>
          <Row label={t('technician.diag.errors')}>
            {t('technician.diag.errorsCount', { count: load.value.errors.count })}
            <ul>
              {load.value.errors.recent.map((error, index) => (
                <li key={index}>
                  {formatDateTime(error.at, language)} {error.event ?? ''} {error.message}
                </li>
              ))}
            </ul>
          </Row>
        </dl>
      )}
    </section>
  );
}

export function LogsPanel({ technician, onSessionLost }: { technician: Technician; onSessionLost: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const tail = useLoad(`tail-${round}`, () => valueOrThrow(technician.logTail({ lines: 100 }), onSessionLost));
  const targets = useLoad(`usb-${round}`, () => valueOrThrow(technician.usbTargets(), onSessionLost));
  const exportTo = (target: string) => {
    valueOrThrow(technician.exportLogs({ target }), onSessionLost).then(
      (done) => setNotice(t('technician.logs.exported', { count: done.files.length, directory: done.directory })),
      (error: unknown) =>
        setNotice(
          error instanceof TechnicianFailure && error.code === 'NO_MEDIA'
            ? t('technician.logs.noMedia')
            : t('technician.logs.exportFailed', { message: error instanceof Error ? error.message : '' }),
        ),
    );
  };
  return (
    <section className="technician-section" aria-labelledby="logs-title">
      <h3 id="logs-title">{t('technician.tabs.logs')}</h3>
      <button type="button" className="button" onClick={() => setRound((n) => n + 1)}>
        {t('technician.refresh')}
      </button>
      <h4>{t('technician.logs.usb')}</h4>
      {targets.state === 'loaded' &&
        (targets.value.length === 0 ? (
          <p>{t('technician.logs.noUsb')}</p>
        ) : (
          targets.value.map((target) => (
            <button key={target.path} type="button" className="button button--primary" onClick={() => exportTo(target.path)}>
              {t('technician.logs.exportTo', { label: target.label })}
            </button>
          ))
        ))}
      {notice !== null && <p role="status">{notice}</p>}
      <h4>{t('technician.logs.tail')}</h4>
      {tail.state === 'loading' && <p>{t('technician.loading')}</p>}
      {tail.state === 'failed' && <p role="alert">{t('technician.loadFailed')}</p>}
      {tail.state === 'loaded' && (tail.value.length === 0 ? <p>{t('technician.logs.empty')}</p> : <pre className="technician-log">{tail.value.join('\n')}</pre>)}
    </section>
  );
}

const idleChoices = [30, 60, 90, 120, 180, 300];
const scannerModes = ['wedge', 'camera', 'both'] as const;
const syncChoices = [5, 15, 30, 60];

export function SettingsPanel({ technician, onSessionLost }: { technician: Technician; onSessionLost: () => void }): React.JSX.Element {
  const { t } = useTranslation();
  const load = useLoad('settings', () => valueOrThrow(technician.settings(), onSessionLost));
  const [edited, setEdited] = useState<Partial<TechnicianSettings>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const cameras = useVideoInputs();
  if (load.state !== 'loaded') return <p>{load.state === 'failed' ? t('technician.loadFailed') : t('technician.loading')}</p>;
  const current = { ...load.value, ...edited };
  const choose = (change: Partial<TechnicianSettings>) => setEdited((previous) => ({ ...previous, ...change }));
  const save = () =>
    valueOrThrow(technician.updateSettings(edited), onSessionLost).then(
      () => setNotice(t('technician.settings.saved')),
      (error: unknown) => setNotice(t('technician.settings.saveFailed', { message: error instanceof Error ? error.message : '' })),
    );
  const choice = (pressed: boolean, label: string, onClick: () => void) => (
    <button key={label} type="button" className="button button--choice" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <section className="technician-section" aria-labelledby="settings-title">
      <h3 id="settings-title">{t('technician.tabs.settings')}</h3>
      <fieldset>
        <legend>{t('technician.settings.idleTimeout')}</legend>
        {idleChoices.map((seconds) =>
          choice(current.idleTimeoutSeconds === seconds, t('technician.settings.seconds', { count: seconds }), () => choose({ idleTimeoutSeconds: seconds })),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('technician.settings.language')}</legend>
        {choice(current.language === 'vi', t('language.vi'), () => choose({ language: 'vi' }))}
        {choice(current.language === 'en', t('language.en'), () => choose({ language: 'en' }))}
      </fieldset>
      <fieldset>
        <legend>{t('technician.settings.scannerMode')}</legend>
        {scannerModes.map((mode) => choice(current.scannerMode === mode, t(`technician.settings.modes.${mode}`), () => choose({ scannerMode: mode })))}
      </fieldset>
      <fieldset>
        <legend>{t('setup.cameraLabel')}</legend>
        {choice(current.cameraDeviceId === null, t('setup.cameraDefault'), () => choose({ cameraDeviceId: null }))}
        {cameras.map((camera, index) =>
          choice(current.cameraDeviceId === camera.deviceId, camera.label || t('setup.cameraUnnamed', { number: index + 1 }), () =>
            choose({ cameraDeviceId: camera.deviceId }),
          ),
        )}
      </fieldset>
      <fieldset>
        <legend>{t('technician.settings.catalogueSync')}</legend>
        {syncChoices.map((minutes) =>
          choice(current.catalogueSyncMinutes === minutes, t('technician.settings.minutes', { count: minutes }), () => choose({ catalogueSyncMinutes: minutes })),
        )}
      </fieldset>
      <button type="button" className="button button--primary" onClick={() => void save()}>
        {t('technician.settings.save')}
      </button>
      {notice !== null && <p role="status">{notice}</p>}
    </section>
  );
}

export function ActionsPanel({
  technician,
  catalogue,
  onSessionLost,
  onLeave,
}: {
  technician: Technician;
  catalogue: Pick<KioskApi['catalogue'], 'syncNow'>;
  onSessionLost: () => void;
  onLeave: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReenroll, setConfirmReenroll] = useState(false);
  const failed = (error: unknown) => setNotice(t('technician.actions.failed', { message: error instanceof Error ? error.message : '' }));
  const syncNow = () => {
    setNotice(t('technician.actions.syncing'));
    catalogue.syncNow().then(
      (status) => setNotice(status.online ? t('technician.actions.synced', { procedures: status.counts.procedures }) : t('technician.actions.syncFailed')),
      () => setNotice(t('technician.actions.syncFailed')),
    );
  };
  // The host restarts or exits just after answering: the notice is the last thing the screen shows.
  const control = (call: () => Promise<TechnicianResult<unknown>>, progress: string) => {
    setNotice(progress);
    valueOrThrow(call(), onSessionLost).catch(failed);
  };
  return (
    <section className="technician-section technician-actions" aria-labelledby="actions-title">
      <h3 id="actions-title">{t('technician.tabs.actions')}</h3>
      <button type="button" className="button button--large" onClick={syncNow}>
        {t('technician.actions.syncNow')}
      </button>
      <button type="button" className="button button--large" onClick={() => control(() => technician.restart(), t('technician.actions.restarting'))}>
        {t('technician.actions.restart')}
      </button>
      <button
        type="button"
        className="button button--large"
        onClick={() => control(() => technician.exitToDesktop(), t('technician.actions.exiting'))}
      >
        {t('technician.actions.exit')}
      </button>
      <button
        type="button"
        className="button button--large"
        onClick={() => {
          if (confirmReenroll) control(() => technician.reenroll(), t('technician.actions.restarting'));
          else setConfirmReenroll(true);
        }}
      >
        {t('technician.actions.reenroll')}
      </button>
      {confirmReenroll && <p role="alert">{t('technician.actions.reenrollConfirm')}</p>}
      <button type="button" className="button button--primary button--large" onClick={onLeave}>
        {t('technician.actions.leave')}
      </button>
      {notice !== null && <p role="status">{notice}</p>}
    </section>
  );
}
