import {
  DocumentTitle,
  HorizontalNav,
  ResourceLink,
  Timestamp,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Bullseye,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Label,
  LabelGroup,
  PageSection,
  Spinner,
  Title,
} from '@patternfly/react-core';
import * as React from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PluginErrorBoundary } from './PluginErrorBoundary';
import { NODE_GVK, type NodeKind, nodeRoles, nodeStatus } from './nodes';
import { componentForCodeRef, flagsAllow, resourceTabs, translateExtensionText } from './plugin';

const NodeDetails: React.FC<{ obj?: NodeKind }> = ({ obj: node }) => {
  if (!node) return null;
  const resources = Object.entries(node.status?.capacity ?? {}).sort(([a], [b]) =>
    a.localeCompare(b),
  );
  return (
    <PageSection hasBodyWrapper={false}>
      <Title headingLevel="h2">Node details</Title>
      <DescriptionList isHorizontal className="host-node-details">
        <DescriptionListGroup>
          <DescriptionListTerm>Name</DescriptionListTerm>
          <DescriptionListDescription>{node.metadata?.name}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Status</DescriptionListTerm>
          <DescriptionListDescription>{nodeStatus(node)}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Roles</DescriptionListTerm>
          <DescriptionListDescription>{nodeRoles(node)}</DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Labels</DescriptionListTerm>
          <DescriptionListDescription>
            <LabelGroup numLabels={50}>
              {Object.entries(node.metadata?.labels ?? {}).map(([key, value]) => (
                <Label key={key} isCompact>
                  {value ? `${key}=${value}` : key}
                </Label>
              ))}
            </LabelGroup>
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Capacity (allocatable)</DescriptionListTerm>
          <DescriptionListDescription>
            {resources.map(([name, capacity]) => (
              <div key={name}>
                {name}: {capacity} ({node.status?.allocatable?.[name] ?? '-'})
              </div>
            ))}
          </DescriptionListDescription>
        </DescriptionListGroup>
        <DescriptionListGroup>
          <DescriptionListTerm>Created</DescriptionListTerm>
          <DescriptionListDescription>
            <Timestamp timestamp={node.metadata?.creationTimestamp ?? ''} />
          </DescriptionListDescription>
        </DescriptionListGroup>
      </DescriptionList>
    </PageSection>
  );
};

/**
 * A node's page: the host's Details tab plus every `console.tab/horizontalNav` the plugin adds
 * for Nodes, each rendered with `{ obj: node }` as the console does.
 */
export const NodeDetailsPage: React.FC<{ flags: Record<string, boolean | undefined> }> = ({
  flags,
}) => {
  const { t } = useTranslation();
  const { name } = useParams<{ name: string }>();
  const [node, loaded, loadError] = useK8sWatchResource<NodeKind>({
    groupVersionKind: NODE_GVK,
    name,
  });
  const pages = React.useMemo(
    () => [
      { href: '', name: 'Details', component: NodeDetails as React.ComponentType },
      ...resourceTabs
        .filter(
          (tab) => tab.model.kind === 'Node' && !tab.model.group && flagsAllow(tab.flags, flags),
        )
        .map((tab) => {
          const Component = componentForCodeRef(tab.component);
          const WrappedTab: React.FC<Record<string, unknown>> = (props) => (
            <PluginErrorBoundary>
              <Component {...props} />
            </PluginErrorBoundary>
          );
          return {
            href: tab.href,
            name: translateExtensionText(tab.name, t),
            component: WrappedTab,
          };
        }),
    ],
    [flags, t],
  );
  return (
    <>
      <DocumentTitle>{`${name} · Details`}</DocumentTitle>
      <PageSection hasBodyWrapper={false} className="host-details-heading">
        <Breadcrumb>
          <BreadcrumbItem>
            <Link to="/k8s/cluster/nodes">Nodes</Link>
          </BreadcrumbItem>
          <BreadcrumbItem isActive>Node details</BreadcrumbItem>
        </Breadcrumb>
        <Title headingLevel="h1" className="host-details-title">
          <ResourceLink groupVersionKind={NODE_GVK} name={name} linkTo={false} />
        </Title>
      </PageSection>
      {loadError && (
        <PageSection hasBodyWrapper={false}>
          <Alert variant="danger" isInline title={`Cannot read node ${name}`}>
            {String((loadError as Error).message ?? loadError)}
          </Alert>
        </PageSection>
      )}
      {!loaded && !loadError && (
        <Bullseye>
          <Spinner aria-label="Loading node" />
        </Bullseye>
      )}
      {loaded && <HorizontalNav resource={node} pages={pages} />}
    </>
  );
};
