import { Content, PageSection, Title } from '@patternfly/react-core';
import * as React from 'react';
import { useLocation } from 'react-router-dom';
import { modelFlags, routePages } from './plugin';

/**
 * The console's 404, plus why a plugin page may be missing: its route is only registered while
 * the flags it requires are on (for example the ClusterPolicy CRD must exist).
 */
export const NotFoundPage: React.FC<{ flags: Record<string, boolean | undefined> }> = ({
  flags,
}) => {
  const { pathname } = useLocation();
  const hiddenPage = routePages.find((page) => page.path.includes(pathname));
  const missing = (hiddenPage?.flags?.required ?? []).filter((flag) => !flags[flag]);
  return (
    <PageSection>
      <Title headingLevel="h1">404: Page Not Found</Title>
      {missing.length > 0 ? (
        <Content component="p" data-test="hidden-by-flags">
          The plugin registers {pathname} only while{' '}
          {missing
            .map((flag) => {
              const model = modelFlags.find((entry) => entry.flag === flag)?.model;
              return model
                ? `${flag} is on (the API serves ${model.group ? `${model.group}/` : ''}${model.version} ${model.kind})`
                : `${flag} is on`;
            })
            .join(' and ')}
          .
        </Content>
      ) : (
        <Content component="p">Nothing is served at {pathname}.</Content>
      )}
    </PageSection>
  );
};
