// Kept for ApplyMigConfigModal.test.tsx only (edited elsewhere today): the one copy is hooks/testing.
export { sdkMock } from '../../../hooks/testing/sdkMock';
