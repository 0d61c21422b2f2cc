// First: must run before any zod schema is built.
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createKioskI18n } from './i18n';
import { kiosk } from './kiosk';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App kiosk={kiosk} i18n={createKioskI18n()} />
  </StrictMode>,
);
