import { Button, ExpandableSection, Stack, StackItem } from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { ownPodsOnly } from '../../../cluster/ownUsage';
import type { GpuNodeView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { resourcesText, resourceWordingFor } from '../../text/resourceText';
import { NodeSliceMaps } from '../nodes/NodeSliceMaps';
import { HealthStateLabel } from '../shared/StateLabels';

/** Nodes shown before "Show all", and of those, open at first. */
const FIRST_NODES = 10;
const OPEN_NODES = 3;

/**
 * A node's line (name, GPUs, state, allocatable) that opens to its slice maps: the user's own
 * pods' slices in use, every other one "in use or free" (another project's pod may hold it).
 */
const NodeSection = ({ node, initiallyOpen }: { node: GpuNodeView; initiallyOpen: boolean }) => {
  const { t } = usePluginTranslation();
  const [open, setOpen] = useState(initiallyOpen);
  const ownOnly = useMemo(() => ownPodsOnly(node), [node]);
  return (
    <ExpandableSection
      isIndented
      isExpanded={open}
      onToggle={(_event, expanded) => setOpen(expanded)}
      toggleContent={
        <span>
          <strong>{node.name}</strong>{' '}
          {t('{{product}} × {{count}}', { product: node.product, count: node.gpuCount })}{' '}
          <HealthStateLabel state={node.primaryState} />{' '}
          {resourcesText(t, node.allocatable, resourceWordingFor(node)) ||
            t('advertises no GPU resources')}
        </span>
      }
    >
      <NodeSliceMaps node={ownOnly} />
    </ExpandableSection>
  );
};

/** GPU nodes, each expandable to its slice maps; the first few open. */
export const OwnUsageNodeList = ({ nodes }: { nodes: GpuNodeView[] }) => {
  const { t } = usePluginTranslation();
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? nodes : nodes.slice(0, FIRST_NODES);
  return (
    <Stack hasGutter>
      {shown.map((node, index) => (
        <StackItem key={node.name}>
          <NodeSection node={node} initiallyOpen={index < OPEN_NODES} />
        </StackItem>
      ))}
      {!showAll && nodes.length > FIRST_NODES && (
        <StackItem>
          <Button variant="link" isInline onClick={() => setShowAll(true)}>
            {t('Show all {{count}} nodes', { count: nodes.length })}
          </Button>
        </StackItem>
      )}
    </Stack>
  );
};
