/** SDK watch fixtures for the apply/strategy components: two seed A30 nodes, policy, ConfigMap. */
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../../../geometry/defaultMigPartedConfig';
import { a30DisabledNode } from '../../../cluster/__fixtures__/applyNodes';
import { clusterPolicy, gpuPod } from '../../../cluster/__fixtures__/nodes';
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';

export const defaultConfigMap = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'default-mig-parted-config', namespace: 'nvidia-gpu-operator' },
  data: { 'config.yaml': DEFAULT_MIG_PARTED_CONFIG_YAML },
};

export function seedCluster(
  options: {
    strategy?: string;
    podOn?: string;
    labels?: Record<string, Record<string, string>>;
  } = {},
): K8sResourceCommon[] {
  const objects: K8sResourceCommon[] = [
    a30DisabledNode('worker1', options.labels?.worker1),
    a30DisabledNode('worker2', options.labels?.worker2),
    clusterPolicy(options.strategy ?? 'mixed'),
    defaultConfigMap,
  ];
  if (options.podOn) objects.push(gpuPod('train-1', options.podOn, { 'nvidia.com/gpu': '1' }));
  return objects;
}
