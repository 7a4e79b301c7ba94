import '@patternfly/react-core/dist/styles/base.css';
import './host.css';
import * as React from 'react';
import { render } from 'react-dom';
import { registerModelFlag } from '../sdk/k8s/flags';
import { App } from './App';
import { initI18n } from './i18n';
import { modelFlags } from './plugin';
import { applyTheme, getStoredTheme, restoreUserCookie } from './session';

// Uncaught errors are collected so the browser tests can assert there were none.
declare global {
  interface Window {
    hostErrors: string[];
    /** `namespace~key` of strings the pages asked for that the i18n catalogue lacks. */
    hostMissingTranslations: string[];
  }
}
window.hostErrors = [];
window.hostMissingTranslations = [];
window.addEventListener('error', (event) => window.hostErrors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) =>
  window.hostErrors.push(String((event.reason as Error)?.message ?? event.reason)),
);

restoreUserCookie();
applyTheme(getStoredTheme());
modelFlags.forEach(({ flag, model }) => registerModelFlag(flag, model));
void initI18n((key) => {
  if (window.hostMissingTranslations.includes(key)) return;
  window.hostMissingTranslations.push(key);
  console.warn(`Missing translation: ${key}`);
}).then(() => {
  render(
    <React.StrictMode>
      <App />
    </React.StrictMode>,
    document.getElementById('root'),
  );
});
