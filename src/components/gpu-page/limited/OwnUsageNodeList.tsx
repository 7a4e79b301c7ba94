import {
  Button,
  ExpandableSection,
  Flex,
  FlexItem,
  Stack,
  StackItem,
} from '@patternfly/react-core';
import { useState } from 'react';
import type { GpuNodeView } from '../../../cluster/types';
import { GPU_RESOURCE } from '../../../geometry/naming';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { SliceMap } from '../../SliceMap';
import { resourcesText, resourceWordingFor } from '../../text/resourceText';
import { HealthStateLabel } from '../shared/StateLabels';

/** Nodes shown before "Show all", and of those, open at first. */
const FIRST_NODES = 10;
const OPEN_NODES = 3;

/**
 * One node's slice maps when only the user's own pods are known: their instances are in use,
 * every other one is "in use or free" (another project's pod may hold it), never "free".
 */
const OwnUsageSliceMaps = ({ node }: { node: GpuNodeView }) => {
  const { t } = usePluginTranslation();
  if (node.gpus.length === 0) {
    return <>{t('No per-GPU information: the node reports no GPU count.')}</>;
  }
  let ownWholeGpus = node.inUse[GPU_RESOURCE] ?? 0;
  return (
    <Flex spaceItems={{ default: 'spaceItemsLg' }} alignItems={{ default: 'alignItemsFlexStart' }}>
      {node.gpus.map((gpu) => {
        const ownWholeGpu = !gpu.migEnabled && ownWholeGpus > 0;
        if (ownWholeGpu) ownWholeGpus -= 1;
        return (
          <FlexItem key={gpu.index}>
            <SliceMap
              model={gpu.model ?? node.model}
              gpuIndex={gpu.index}
              instances={gpu.instances.map((instance) =>
                instance.inUse ? instance : { ...instance, usageUnknown: true },
              )}
              migEnabled={gpu.migEnabled}
              wholeGpuInUse={ownWholeGpu ? true : 'unknown'}
              state={gpu.state}
            />
          </FlexItem>
        );
      })}
    </Flex>
  );
};

/** A node's line (name, GPUs, state, allocatable) that opens to its slice maps. */
const NodeSection = ({ node, initiallyOpen }: { node: GpuNodeView; initiallyOpen: boolean }) => {
  const { t } = usePluginTranslation();
  const [open, setOpen] = useState(initiallyOpen);
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
      <OwnUsageSliceMaps node={node} />
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
