/**
 * The scanner test: every key-down with the time since the previous one, and what the shared wedge decoder and
 * receipt parser make of them, run here in the renderer exactly as the kiosk does. Shown to the technician only,
 * never logged or sent anywhere.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanEvent } from '../../shared/contract/kiosk';
import { scanEventFromText } from '../../shared/receipt/scanEvent';
import { defaultWedgeTiming, WedgeDecoder } from '../../shared/scanner/wedgeDecoder';

interface KeySeen {
  key: string;
  gapMs: number | null;
}

const MAX_KEYS_SHOWN = 80;

export function ScannerTest(): React.JSX.Element {
  const { t } = useTranslation();
  const [keys, setKeys] = useState<KeySeen[]>([]);
  const [outcome, setOutcome] = useState<ScanEvent | 'notScan' | null>(null);

  useEffect(() => {
    const decoder = new WedgeDecoder();
    let lastAt: number | null = null;
    let silenceTimer: number | undefined;
    const settle = (text: string | null) => setOutcome(text === null ? 'notScan' : scanEventFromText(text, 'wedge'));
    const onKeyDown = (event: KeyboardEvent) => {
      // Nothing reaches the kiosk's buttons or its own scanner listener while the test runs.
      event.preventDefault();
      event.stopImmediatePropagation();
      const gapMs = lastAt === null ? null : Math.round(event.timeStamp - lastAt);
      lastAt = event.timeStamp;
      setKeys((seen) => [...seen, { key: event.key, gapMs }].slice(-MAX_KEYS_SHOWN));
      window.clearTimeout(silenceTimer);
      const scanned = decoder.push({ key: event.key, time: event.timeStamp, repeat: event.repeat });
      if (scanned !== null) return settle(scanned);
      if (event.key === 'Enter' || event.key === 'Tab') return settle(null);
      const at = event.timeStamp;
      silenceTimer = window.setTimeout(() => {
        const flushed = decoder.flush(at + defaultWedgeTiming.silenceMs);
        if (flushed !== null) settle(flushed);
      }, defaultWedgeTiming.silenceMs);
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.clearTimeout(silenceTimer);
    };
  }, []);

  return (
    <section className="technician-section" aria-labelledby="scanner-test-title">
      <h3 id="scanner-test-title">{t('technician.tabs.scanner')}</h3>
      <p>{t('technician.scanner.hint')}</p>
      <p role="status" data-testid="scanner-outcome" className="technician-outcome">
        {outcome === 'notScan'
          ? t('technician.scanner.notScan')
          : outcome?.ok === true
            ? t('technician.scanner.decoded', { code: outcome.code })
            : outcome?.ok === false
              ? t('technician.scanner.refused', { reason: outcome.reason })
              : null}
      </p>
      <h4>{t('technician.scanner.keys')}</h4>
      {keys.length === 0 ? (
        <p>{t('technician.scanner.none')}</p>
      ) : (
        <ol className="technician-keys" data-testid="scanner-keys">
          {keys.map((seen, index) => (
            <li key={index}>
              <kbd>{seen.key}</kbd> {seen.gapMs === null ? '' : `+${seen.gapMs} ms`}
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button"
        onClick={() => {
          setKeys([]);
          setOutcome(null);
        }}
      >
        {t('technician.scanner.reset')}
      </button>
    </section>
  );
}
