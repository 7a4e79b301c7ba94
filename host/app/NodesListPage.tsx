import {
  DocumentTitle,
  ListPageHeader,
  ResourceLink,
  Timestamp,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import { Alert, Bullseye, PageSection, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import * as React from 'react';
import { NODE_GVK, type NodeKind, nodeRoles, nodeStatus } from './nodes';

const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';
const MIG_CONFIG_LABEL = 'nvidia.com/mig.config';

/** The host's Nodes list, read through the SDK shim like any plugin page. */
export const NodesListPage: React.FC = () => {
  const [nodes, loaded, loadError] = useK8sWatchResource<NodeKind[]>({
    groupVersionKind: NODE_GVK,
    isList: true,
  });
  const sorted = React.useMemo(
    () => [...nodes].sort((a, b) => (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '')),
    [nodes],
  );
  return (
    <>
      <DocumentTitle>Nodes</DocumentTitle>
      <ListPageHeader title="Nodes" />
      <PageSection hasBodyWrapper={false}>
        {loadError && (
          <Alert variant="danger" isInline title="Cannot list nodes">
            {String((loadError as Error).message ?? loadError)}
          </Alert>
        )}
        {!loaded && !loadError && (
          <Bullseye>
            <Spinner aria-label="Loading nodes" />
          </Bullseye>
        )}
        {loaded && (
          <Table aria-label="Nodes" variant="compact" data-test="nodes-table">
            <Thead>
              <Tr>
                <Th>Name</Th>
                <Th>Status</Th>
                <Th>Roles</Th>
                <Th>GPU product</Th>
                <Th>MIG config</Th>
                <Th>Created</Th>
              </Tr>
            </Thead>
            <Tbody>
              {sorted.map((node) => {
                const labels = node.metadata?.labels ?? {};
                return (
                  <Tr
                    key={node.metadata?.uid ?? node.metadata?.name}
                    data-test={`node-row-${node.metadata?.name}`}
                  >
                    <Td dataLabel="Name">
                      <ResourceLink groupVersionKind={NODE_GVK} name={node.metadata?.name} />
                    </Td>
                    <Td dataLabel="Status">{nodeStatus(node)}</Td>
                    <Td dataLabel="Roles">{nodeRoles(node)}</Td>
                    <Td dataLabel="GPU product">{labels[GPU_PRODUCT_LABEL] ?? '-'}</Td>
                    <Td dataLabel="MIG config">{labels[MIG_CONFIG_LABEL] ?? '-'}</Td>
                    <Td dataLabel="Created">
                      <Timestamp timestamp={node.metadata?.creationTimestamp ?? ''} />
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
        )}
      </PageSection>
    </>
  );
};
