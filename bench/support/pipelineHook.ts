/**
 * What `bench/pipeline.ts` renders: the page's data hooks from their inputs on (the watches are
 * left out), as `useGpuNodeViews` combines them, in one build (no slices).
 */
import type * as ReactModule from 'react';
import { readStrategy, resolveMigConfigSources } from '../../src/cluster/configSource';
import type { ClusterPolicyKind, ConfigMapKind, NodeKind, PodKind } from '../../src/cluster/models';
import { useNodeViewIndex } from '../../src/hooks/useGpuNodeViews';

const NOW = new Date();

export const usePipeline = (
  React: typeof ReactModule,
  input: {
    nodes: NodeKind[];
    pods: PodKind[];
    configMaps: ConfigMapKind[];
    clusterPolicy: ClusterPolicyKind;
  },
) => {
  const { clusterPolicy, configMaps } = input;
  const strategy = readStrategy(clusterPolicy).strategy;
  const sources = React.useMemo(
    () => resolveMigConfigSources({ clusterPolicy, configMaps }),
    [clusterPolicy, configMaps],
  );
  const { views, summary } = useNodeViewIndex(input.nodes, input.pods, strategy, sources, NOW);
  return { views, summary };
};
