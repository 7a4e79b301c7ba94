import { Checkbox, Label, Stack, StackItem, Tooltip } from '@patternfly/react-core';
import {
  ActionsColumn,
  ExpandableRowContent,
  InnerScrollContainer,
  type IAction,
  type ThProps,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
} from '@patternfly/react-table';
import { ResourceLink } from '@openshift-console/dynamic-plugin-sdk';
import { Link } from 'react-router-dom-v5-compat';
import type { GpuNodeView } from '../../../cluster/types';
import { NodeGroupVersionKind } from '../../../cluster/models';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { formatMiB, formatResourcesCompact } from '../shared/format';
import { NodeConditionAlerts } from '../shared/NodeConditionAlerts';
import { CordonLabel } from '../shared/CordonLabel';
import { ConfigStateLabel, HealthStateLabel } from '../shared/StateLabels';
import type { NodeSortKey } from './nodeList';
import { NodeSliceMaps } from './NodeSliceMaps';

export interface NodesTableSort {
  key: NodeSortKey;
  direction: 'asc' | 'desc';
}

interface NodesTableProps {
  /** The current page of (already filtered and sorted) nodes. */
  nodes: GpuNodeView[];
  sort: NodesTableSort;
  onSort: (sort: NodesTableSort) => void;
  expanded: Set<string>;
  onToggleExpanded: (nodeName: string) => void;
  /** Slot for the write side: per-row actions (e.g. change MIG config). */
  rowActions?: (node: GpuNodeView) => IAction[];
  /** Row checkboxes; the owner keeps the selection. */
  selection?: NodesTableSelection;
}

export interface NodesTableSelection {
  isSelectable: (node: GpuNodeView) => boolean;
  isSelected: (node: GpuNodeView) => boolean;
  onSelect: (node: GpuNodeView, select: boolean) => void;
}

/** Link to the node's GPU tab in the console (the horizontal-nav tab this plugin adds). */
export const nodeGpuTabPath = (nodeName: string) =>
  `/k8s/cluster/nodes/${encodeURIComponent(nodeName)}/gpu`;

const COLUMN_COUNT = 9;

export const NodesTable = ({
  nodes,
  sort,
  onSort,
  expanded,
  onToggleExpanded,
  rowActions,
  selection,
}: NodesTableProps) => {
  const { t } = usePluginTranslation();

  const columns: Array<{ key: NodeSortKey; title: string }> = [
    { key: 'name', title: t('Name') },
    { key: 'product', title: t('Product') },
    { key: 'gpuCount', title: t('GPUs') },
    { key: 'config', title: t('MIG config') },
    { key: 'state', title: t('State') },
    { key: 'strategy', title: t('Strategy') },
    { key: 'advertised', title: t('Advertised (allocatable)') },
    { key: 'pods', title: t('GPU pods') },
  ];

  const sortParams = (key: NodeSortKey, index: number): ThProps['sort'] => ({
    sortBy: {
      index: columns.findIndex((column) => column.key === sort.key),
      direction: sort.direction,
      defaultDirection: 'asc',
    },
    onSort: (_event, _index, direction) => onSort({ key, direction }),
    columnIndex: index,
  });

  return (
    // Nine columns do not fit narrow windows: scroll sideways instead of clipping.
    <InnerScrollContainer>
      <Table aria-label={t('GPU nodes')} variant="compact" isExpandable>
        <Thead>
          <Tr>
            <Th screenReaderText={t('Row expansion')} />
            {selection && <Th screenReaderText={t('Row select')} />}
            {columns.map((column, index) => (
              <Th key={column.key} sort={sortParams(column.key, index)} modifier="wrap">
                {column.title}
              </Th>
            ))}
            <Th screenReaderText={t('Actions')} />
          </Tr>
        </Thead>
        {nodes.map((node, rowIndex) => {
          const isExpanded = expanded.has(node.name);
          const advertised = formatResourcesCompact(node.allocatable);
          const actions = rowActions?.(node) ?? [];
          return (
            <Tbody key={node.name} isExpanded={isExpanded}>
              <Tr>
                <Td
                  expand={{
                    rowIndex,
                    isExpanded,
                    onToggle: () => onToggleExpanded(node.name),
                    expandId: `gpu-node-${node.name}`,
                  }}
                />
                {selection && (
                  // PF's Td `select` labels every box "Select row N"; a screen reader needs the node.
                  <Td modifier="fitContent">
                    <Checkbox
                      id={`gpu-node-select-${node.name}`}
                      isChecked={selection.isSelected(node)}
                      isDisabled={!selection.isSelectable(node)}
                      onChange={(_event, select) => selection.onSelect(node, select)}
                      aria-label={
                        selection.isSelectable(node)
                          ? t('Select node {{node}}', { node: node.name })
                          : t('{{node}} cannot be selected: it has no MIG-capable GPU', {
                              node: node.name,
                            })
                      }
                    />
                  </Td>
                )}
                <Td dataLabel={t('Name')}>
                  <ResourceLink groupVersionKind={NodeGroupVersionKind} name={node.name} />
                </Td>
                <Td dataLabel={t('Product')}>
                  <Stack>
                    <StackItem>{node.product || t('Unknown product')}</StackItem>
                    {!node.model && (node.migCapable || node.migConfig) && (
                      <StackItem>
                        <Label isCompact color="orange">
                          {t('unknown model')}
                        </Label>
                      </StackItem>
                    )}
                  </Stack>
                </Td>
                <Td dataLabel={t('GPUs')}>
                  {formatMiB(node.gpuMemoryMiB)
                    ? t('{{gpus}} × {{memory}}', {
                        gpus: node.gpuCount,
                        memory: formatMiB(node.gpuMemoryMiB),
                      })
                    : node.gpuCount}
                </Td>
                <Td dataLabel={t('MIG config')}>
                  {node.migConfig ? <code>{node.migConfig}</code> : t('Not set')}
                </Td>
                <Td dataLabel={t('State')}>
                  <Stack>
                    <StackItem>
                      <HealthStateLabel state={node.primaryState} since={node.pendingSince} />
                    </StackItem>
                    {node.migConfigState !== 'absent' &&
                      (node.primaryState === 'drifted' || node.primaryState === 'invalid') && (
                        <StackItem>
                          <ConfigStateLabel state={node.migConfigState} />
                        </StackItem>
                      )}
                    {node.unschedulable && (
                      <StackItem>
                        <CordonLabel node={node} />
                      </StackItem>
                    )}
                  </Stack>
                </Td>
                <Td dataLabel={t('Strategy')}>{node.strategyLabel ?? t('none')}</Td>
                <Td dataLabel={t('Advertised (allocatable)')}>
                  {advertised || (
                    <Tooltip content={t('The node advertises no GPU resources to the scheduler.')}>
                      <span tabIndex={0}>{t('Nothing')}</span>
                    </Tooltip>
                  )}
                </Td>
                <Td dataLabel={t('GPU pods')}>{node.pods.length}</Td>
                <Td isActionCell>{actions.length > 0 && <ActionsColumn items={actions} />}</Td>
              </Tr>
              <Tr isExpanded={isExpanded}>
                <Td colSpan={COLUMN_COUNT + (selection ? 2 : 1)}>
                  {isExpanded && (
                    <ExpandableRowContent>
                      <Stack hasGutter>
                        <StackItem>
                          <NodeConditionAlerts node={node} />
                        </StackItem>
                        <StackItem>
                          <NodeSliceMaps node={node} compact />
                        </StackItem>
                        <StackItem>
                          <Link to={nodeGpuTabPath(node.name)}>
                            {t('View GPU details of {{node}}', { node: node.name })}
                          </Link>
                        </StackItem>
                      </Stack>
                    </ExpandableRowContent>
                  )}
                </Td>
              </Tr>
            </Tbody>
          );
        })}
      </Table>
    </InnerScrollContainer>
  );
};
