import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// The console and our Playwright tests use `data-test`, not `data-testid`.
configure({ testIdAttribute: 'data-test' });
