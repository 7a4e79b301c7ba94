// Kept for ApplyMigConfigModal.test.tsx only (edited elsewhere today): the set-up lives in hooks/testing.
export { initTestI18n } from '../../../hooks/testing/i18n';
