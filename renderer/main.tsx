// First: must run before any zod schema is built.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createKioskI18n } from './i18n';
import { kiosk } from './kiosk';
import { SetupGate } from './setup/SetupGate';
// The kiosk's typeface, bundled (woff2 files with Vietnamese glyphs, served from the app: no font requests leave
// the machine), in the weights styles.css uses.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import '@fontsource/be-vietnam-pro/800.css';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const i18n = createKioskI18n();
createRoot(root).render(
  <StrictMode>
    <SetupGate kiosk={kiosk} i18n={i18n}>
      <App kiosk={kiosk} i18n={i18n} />
    </SetupGate>
  </StrictMode>,
);
