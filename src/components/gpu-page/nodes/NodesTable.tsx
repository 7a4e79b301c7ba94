import {
  Checkbox,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Stack,
  StackItem,
  Tooltip,
} from '@patternfly/react-core';
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
import * as React from 'react';
import { Link } from 'react-router-dom-v5-compat';
import type { GpuNodeView } from '../../../cluster/types';
import { NodeGroupVersionKind } from '../../../cluster/models';
import { shortModelName } from '../../../geometry';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { resourceText, resourceWordingFor } from '../../text/resourceText';
import { formatMiB, gpuResourceEntries } from '../shared/format';
import { NodeConditionAlerts } from '../shared/NodeConditionAlerts';
import { CordonLabel } from '../shared/CordonLabel';
import { ModelNote } from '../shared/ModelNote';
import { HealthStateLabel, MigManagerState } from '../shared/StateLabels';
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
  /** Opens the apply preview for a node, with `config` chosen when given (an alert's fix). */
  onApplyConfig?: (node: GpuNodeView, config?: string) => void;
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

/** Names longer than this are cut with an ellipsis (CSS) and shown whole in a tooltip. */
const LONG_NAME = 24;

interface NodeColumn {
  key: NodeSortKey;
  title: string;
}

/**
 * Five short, one-line headers so the table fits the page from 1280 px on: the GPUs are under
 * the node's name, and the product, GPU memory and the node's strategy label in the row's
 * details.
 */
const useNodeColumns = (): NodeColumn[] => {
  const { t } = usePluginTranslation();
  return [
    { key: 'name', title: t('Name') },
    { key: 'config', title: t('MIG config') },
    { key: 'state', title: t('State') },
    // What the node advertises to the scheduler: `status.allocatable` (capacity can be stale).
    { key: 'advertised', title: t('Allocatable') },
    { key: 'pods', title: t('GPU pods') },
  ];
};

export const NodesTable = ({
  nodes,
  sort,
  onSort,
  expanded,
  onToggleExpanded,
  rowActions,
  onApplyConfig,
  selection,
}: NodesTableProps) => {
  const { t } = usePluginTranslation();
  const columns = useNodeColumns();
  const sortedIndex = columns.findIndex((column) => column.key === sort.key);

  const sortParams = (key: NodeSortKey, index: number): ThProps['sort'] => ({
    sortBy: { index: sortedIndex, direction: sort.direction, defaultDirection: 'asc' },
    onSort: (_event, _index, direction) => onSort({ key, direction }),
    columnIndex: index,
  });

  return (
    // The columns fit from 1280 px on; in a narrower window, or with very long names, the table
    // scrolls sideways and the actions column stays in view.
    <InnerScrollContainer>
      <Table
        aria-label={t('GPU nodes')}
        variant="compact"
        isExpandable
        gridBreakPoint="grid-lg"
        className="gpu-partitioning-nodes"
      >
        <Thead>
          <Tr>
            <Th screenReaderText={t('Row expansion')} modifier="fitContent" />
            {selection && <Th screenReaderText={t('Row select')} modifier="fitContent" />}
            {columns.map((column, index) => (
              <Th key={column.key} sort={sortParams(column.key, index)} modifier="nowrap">
                {column.title}
              </Th>
            ))}
            <Th screenReaderText={t('Actions')} {...STICKY_RIGHT} />
          </Tr>
        </Thead>
        {nodes.map((node, rowIndex) => (
          <NodeRow
            key={node.name}
            node={node}
            rowIndex={rowIndex}
            columnCount={columns.length + (selection ? 3 : 2)}
            isExpanded={expanded.has(node.name)}
            onToggleExpanded={onToggleExpanded}
            {...(rowActions ? { rowActions } : {})}
            {...(onApplyConfig ? { onApplyConfig } : {})}
            {...(selection
              ? {
                  selectable: selection.isSelectable(node),
                  selected: selection.isSelected(node),
                  onSelect: selection.onSelect,
                }
              : {})}
          />
        ))}
      </Table>
    </InnerScrollContainer>
  );
};

const STICKY_RIGHT = {
  isStickyColumn: true,
  stickyRightOffset: '0',
  stickyMinWidth: 'fit-content',
  hasLeftBorder: true,
} as const;

/** Plain values and stable callbacks only: a row renders again only when one of them changed. */
interface NodeRowProps {
  node: GpuNodeView;
  rowIndex: number;
  columnCount: number;
  isExpanded: boolean;
  onToggleExpanded: (nodeName: string) => void;
  rowActions?: (node: GpuNodeView) => IAction[];
  onApplyConfig?: (node: GpuNodeView, config?: string) => void;
  /** With a selection: whether this row's box is enabled and ticked. */
  selectable?: boolean;
  selected?: boolean;
  onSelect?: NodesTableSelection['onSelect'];
}

// Memoised: on 1,000 nodes a watch event changes one view, and only its row needs rendering.
const NodeRow = React.memo(function NodeRow({
  node,
  rowIndex,
  columnCount,
  isExpanded,
  onToggleExpanded,
  rowActions,
  onApplyConfig,
  selectable,
  selected,
  onSelect,
}: NodeRowProps) {
  const { t } = usePluginTranslation();
  const actions = rowActions?.(node) ?? [];
  return (
    <Tbody isExpanded={isExpanded}>
      <Tr>
        <Td
          expand={{
            rowIndex,
            isExpanded,
            onToggle: () => onToggleExpanded(node.name),
            expandId: `gpu-node-${node.name}`,
          }}
        />
        {onSelect && (
          <SelectCell
            node={node}
            selectable={selectable ?? false}
            selected={selected ?? false}
            onSelect={onSelect}
          />
        )}
        <Td dataLabel={t('Name')}>
          <NodeName name={node.name} />
          <NodeGpus node={node} />
        </Td>
        <Td dataLabel={t('MIG config')} modifier="nowrap">
          {node.migConfig ? <ConfigName name={node.migConfig} /> : t('Not set')}
        </Td>
        <Td dataLabel={t('State')}>
          <NodeStateLabels node={node} />
        </Td>
        <Td dataLabel={t('Allocatable')}>
          <AdvertisedResources node={node} />
        </Td>
        <Td dataLabel={t('GPU pods')}>{node.pods.length}</Td>
        <Td isActionCell {...STICKY_RIGHT}>
          {actions.length > 0 && <ActionsColumn items={actions} />}
        </Td>
      </Tr>
      <Tr isExpanded={isExpanded}>
        <Td colSpan={columnCount}>
          {isExpanded && (
            <ExpandableRowContent>
              <NodeRowDetails node={node} {...(onApplyConfig ? { onApplyConfig } : {})} />
            </ExpandableRowContent>
          )}
        </Td>
      </Tr>
    </Tbody>
  );
});

// PF's Td `select` labels every box "Select row N"; a screen reader needs the node.
const SelectCell = ({
  node,
  selectable,
  selected,
  onSelect,
}: {
  node: GpuNodeView;
  selectable: boolean;
  selected: boolean;
  onSelect: NodesTableSelection['onSelect'];
}) => {
  const { t } = usePluginTranslation();
  return (
    <Td modifier="fitContent">
      <Checkbox
        id={`gpu-node-select-${node.name}`}
        isChecked={selected}
        isDisabled={!selectable}
        onChange={(_event, select) => onSelect(node, select)}
        aria-label={
          selectable
            ? t('Select node {{node}}', { node: node.name })
            : t('{{node}} cannot be selected: it has no MIG-capable GPU', { node: node.name })
        }
      />
    </Td>
  );
};

/** On one line, never broken inside the name; a long name ends in an ellipsis, whole in a tooltip. */
const NodeName = ({ name }: { name: string }) => {
  const link = (
    <div className="gpu-partitioning-nodes__name" data-test="node-name">
      <ResourceLink groupVersionKind={NodeGroupVersionKind} name={name} truncate />
    </div>
  );
  return name.length > LONG_NAME ? <Tooltip content={name}>{link}</Tooltip> : link;
};

const ConfigName = ({ name }: { name: string }) => {
  if (name.length <= LONG_NAME)
    return <code className="gpu-partitioning-nodes__config">{name}</code>;
  return (
    <Tooltip content={name}>
      <code className="gpu-partitioning-nodes__config" tabIndex={0}>
        {name}
      </code>
    </Tooltip>
  );
};

/**
 * Under the name: `4 × NVIDIA A100 40GB` (the catalog's short model name), or the product label
 * with the memory when the catalog does not know the model.
 */
const NodeGpus = ({ node }: { node: GpuNodeView }) => {
  const { t } = usePluginTranslation();
  const memory = formatMiB(node.gpuMemoryMiB);
  const product = node.product || t('Unknown product');
  const model = node.model ? shortModelName(node.model) : product;
  return (
    <div className="gpu-partitioning-nodes__gpus" data-test="node-gpus">
      <small>
        {t('{{gpus}} × {{model}}', { gpus: node.gpuCount, model })}
        {!node.model && memory && ` (${memory})`}
      </small>
      {!node.model && (
        <div>
          <ModelNote view={node} />
        </div>
      )}
    </div>
  );
};

// The page's state only: the mig-manager's own value is in the row's details and the GPU tab.
const NodeStateLabels = ({ node }: { node: GpuNodeView }) => (
  <Stack>
    <StackItem>
      <HealthStateLabel state={node.primaryState} since={node.stateSince} />
    </StackItem>
    {node.unschedulable && (
      <StackItem>
        <CordonLabel node={node} />
      </StackItem>
    )}
  </Stack>
);

/** One resource per unbreakable chunk, so a line breaks only between resources. */
const AdvertisedResources = ({ node }: { node: GpuNodeView }) => {
  const { t } = usePluginTranslation();
  const advertised = gpuResourceEntries(node.allocatable).filter(([, count]) => count > 0);
  const wording = resourceWordingFor(node);
  if (advertised.length === 0) {
    return (
      <Tooltip content={t('The node advertises no GPU resources to the scheduler.')}>
        <span tabIndex={0}>{t('Nothing')}</span>
      </Tooltip>
    );
  }
  return (
    <>
      {advertised.map(([name, count], index) => (
        <span key={name}>
          {index > 0 && ', '}
          <span className="gpu-partitioning-nodes__resource">
            {t('{{resource}} ×{{count}}', { resource: resourceText(t, name, wording), count })}
          </span>
        </span>
      ))}
    </>
  );
};

interface NodeRowDetailsProps {
  node: GpuNodeView;
  onApplyConfig?: (node: GpuNodeView, config?: string) => void;
}

const NodeRowDetails = ({ node, onApplyConfig }: NodeRowDetailsProps) => {
  const { t } = usePluginTranslation();
  const memory = formatMiB(node.gpuMemoryMiB);
  return (
    <Stack hasGutter>
      <StackItem>
        <DescriptionList isCompact columnModifier={{ default: '2Col', lg: '3Col' }}>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Product')}</DescriptionListTerm>
            <DescriptionListDescription>
              {node.product || t('Unknown product')}
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('GPUs')}</DescriptionListTerm>
            <DescriptionListDescription>
              {memory ? t('{{gpus}} × {{memory}}', { gpus: node.gpuCount, memory }) : node.gpuCount}
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('mig-manager state')}</DescriptionListTerm>
            <DescriptionListDescription>
              <MigManagerState state={node.migConfigState} since={node.stateSince} />
            </DescriptionListDescription>
          </DescriptionListGroup>
          <DescriptionListGroup>
            <DescriptionListTerm>{t('Strategy label')}</DescriptionListTerm>
            <DescriptionListDescription data-test="node-strategy">
              {node.strategyLabel ?? t('none')}
            </DescriptionListDescription>
          </DescriptionListGroup>
        </DescriptionList>
      </StackItem>
      <StackItem>
        <NodeConditionAlerts
          node={node}
          {...(onApplyConfig
            ? { onApplyConfig: (config?: string) => onApplyConfig(node, config) }
            : {})}
        />
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
  );
};
