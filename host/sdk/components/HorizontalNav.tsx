import type { HorizontalNavProps } from '@openshift-console/dynamic-plugin-sdk';
import { PageSection, Tab, TabTitleText, Tabs } from '@patternfly/react-core';
import * as React from 'react';
import { Route, Switch, useHistory, useLocation, useRouteMatch } from 'react-router-dom';

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** Element ids of the tab strip; one HorizontalNav per page, as in the console. */
const ID_PREFIX = 'horizontal-nav';
const tabIdFor = (segment: string) => `${ID_PREFIX}-tab-${segment || 'details'}`;
const panelIdFor = (segment: string) => `${ID_PREFIX}-panel-${segment || 'details'}`;

/**
 * Tabs under the current route: each page's `href` is a path segment below the URL at which the
 * nav is rendered ('' for the first tab). The active page gets `obj` and `customData` props.
 *
 * Every tab controls a `tabpanel` of its own (`aria-controls` → an element that exists, and the
 * panel is labelled by its tab); only the active one is shown and has content, the route's page.
 */
export const HorizontalNav: React.FC<HorizontalNavProps> = ({ resource, pages, customData }) => {
  const match = useRouteMatch();
  const location = useLocation();
  const history = useHistory();
  const baseUrl = match.url.replace(/\/$/, '');
  const segments = pages.map((page) => trimSlashes(page.href ?? page.path ?? ''));
  const current = trimSlashes(location.pathname.slice(baseUrl.length)).split('/')[0] ?? '';
  const activeIndex = Math.max(segments.indexOf(current), 0);
  const urlFor = (segment: string) => (segment ? `${baseUrl}/${segment}` : baseUrl);
  const routes = (
    <Switch>
      {pages
        .map((page, index) => ({ page, segment: segments[index] }))
        // The root tab must come last, or its path would match every other tab too.
        .sort((a, b) => Number(a.segment === '') - Number(b.segment === ''))
        .map(({ page, segment }) => {
          const Component = page.component as React.ComponentType<{
            obj?: unknown;
            customData?: object;
          }>;
          return (
            <Route key={segment || 'details'} path={`${match.path}${segment ? `/${segment}` : ''}`}>
              <Component obj={resource} customData={customData} />
            </Route>
          );
        })}
    </Switch>
  );
  return (
    <>
      <PageSection
        hasBodyWrapper={false}
        padding={{ default: 'noPadding' }}
        className="host-horizontal-nav"
      >
        <Tabs
          activeKey={activeIndex}
          onSelect={(event, key) => {
            event.preventDefault();
            history.push(urlFor(segments[Number(key)]));
          }}
          aria-label="Resource tabs"
          inset={{ default: 'insetMd' }}
        >
          {pages.map((page, index) => (
            <Tab
              key={segments[index] || 'details'}
              eventKey={index}
              // PF renders the tab's element with id `pf-tab-<eventKey>-<id>`.
              id={tabIdFor(segments[index])}
              tabContentId={panelIdFor(segments[index])}
              href={urlFor(segments[index])}
              title={<TabTitleText>{page.name}</TabTitleText>}
              data-test-id={`horizontal-link-${page.name}`}
            />
          ))}
        </Tabs>
      </PageSection>
      {segments.map((segment, index) => (
        <section
          key={segment || 'details'}
          id={panelIdFor(segment)}
          role="tabpanel"
          aria-labelledby={`pf-tab-${index}-${tabIdFor(segment)}`}
          hidden={index !== activeIndex}
        >
          {index === activeIndex && routes}
        </section>
      ))}
    </>
  );
};
