import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LangProvider } from './i18n/lang';
import { PackProvider } from './state/pack';
import { SessionProvider } from './state/session';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('no #root element');
createRoot(root).render(
  <StrictMode>
    <LangProvider>
      <PackProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </PackProvider>
    </LangProvider>
  </StrictMode>,
);

// Offline once loaded: the built app registers its service worker (not in development).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((err: unknown) => console.warn('service worker not registered', err));
  });
}
