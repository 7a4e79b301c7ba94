import { Flex, FlexItem } from '@patternfly/react-core';
import type { GpuNodeView } from '../../../cluster/types';
import { usePluginTranslation } from '../../../hooks/usePluginTranslation';
import { SliceMap } from '../../SliceMap';
import { GpuRoomNote } from './GpuRoomNote';

interface NodeSliceMapsProps {
  node: GpuNodeView;
  compact?: boolean;
}

/**
 * One slice map per GPU of a node. A whole GPU (MIG off) counts as in use when the node has
 * pods holding `nvidia.com/gpu`; which physical GPU they hold is unknown, so the first ones are
 * marked. When only the user's own pods are known (`ownPodsOnly`), the others are "in use or free".
 */
export const NodeSliceMaps = ({ node, compact }: NodeSliceMapsProps) => {
  const { t } = usePluginTranslation();
  if (node.gpus.length === 0) {
    return <>{t('No per-GPU information: the node reports no GPU count.')}</>;
  }
  let wholeGpusInUse = node.inUse['nvidia.com/gpu'] ?? 0;
  return (
    <Flex
      spaceItems={{ default: compact ? 'spaceItemsMd' : 'spaceItemsLg' }}
      alignItems={{ default: 'alignItemsFlexStart' }}
    >
      {node.gpus.map((gpu) => {
        const held = !gpu.migEnabled && wholeGpusInUse > 0;
        if (held) wholeGpusInUse -= 1;
        // Only the user's own pods are known: a GPU they do not hold may be someone else's.
        const wholeGpuInUse = held || (node.ownPodsOnly ? ('unknown' as const) : false);
        return (
          <FlexItem key={gpu.index}>
            <SliceMap
              model={gpu.model ?? node.model}
              gpuIndex={gpu.index}
              instances={gpu.instances}
              migEnabled={gpu.migEnabled}
              wholeGpuInUse={wholeGpuInUse}
              state={gpu.state}
              compact={compact}
            />
            <GpuRoomNote node={node} gpu={gpu} />
          </FlexItem>
        );
      })}
    </Flex>
  );
};
