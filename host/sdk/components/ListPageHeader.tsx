import type {
  DocumentTitleProps,
  ListPageHeaderProps,
} from '@openshift-console/dynamic-plugin-sdk';
import { Content, Flex, FlexItem, PageSection, Title } from '@patternfly/react-core';
import * as React from 'react';

/** The console's page heading: title, optional badge, help text, a primary action and an alert. */
export const ListPageHeader: React.FC<ListPageHeaderProps> = ({
  title,
  badge,
  helpText,
  helpAlert,
  children,
}) => (
  <PageSection hasBodyWrapper={false} className="host-page-heading" data-test="page-heading">
    {title && (
      <Flex
        justifyContent={{ default: 'justifyContentSpaceBetween' }}
        alignItems={{ default: 'alignItemsCenter' }}
      >
        <FlexItem>
          <Title headingLevel="h1" data-test="page-heading-title">
            {title} {badge}
          </Title>
        </FlexItem>
        {children && <FlexItem>{children}</FlexItem>}
      </Flex>
    )}
    {!title && children}
    {helpText && <Content component="p">{helpText}</Content>}
    {helpAlert}
  </PageSection>
);

export const PRODUCT_NAME = 'Sandbox console';

/** Sets the browser tab's title the way the console does: "<title> · <product>". */
export const DocumentTitle: React.FC<DocumentTitleProps> = ({ children }) => {
  React.useEffect(() => {
    document.title = `${children} · ${PRODUCT_NAME}`;
  }, [children]);
  return null;
};
