/**
 * Test rendering inside a router (the page keeps tab and filters in the URL) with a real i18next
 * instance, so interpolation and plurals render as they do in the console.
 */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route } from 'react-router-dom';
import { CompatRouter } from 'react-router-dom-v5-compat';
import { initTestI18n } from '../../../hooks/testing/i18n';

void initTestI18n();

export interface RenderedRoute {
  /** `pathname?search` of the router after the test's interactions. */
  currentUrl: () => string;
}

export const renderWithRouter = (ui: ReactElement, route = '/gpu-partitioning') => {
  let location = { pathname: '', search: '' };
  const utils = render(
    <MemoryRouter initialEntries={[route]}>
      <CompatRouter>
        {ui}
        <Route
          path="*"
          render={(props) => {
            location = props.location;
            return null;
          }}
        />
      </CompatRouter>
    </MemoryRouter>,
  );
  return { ...utils, currentUrl: () => `${location.pathname}${location.search}` };
};
