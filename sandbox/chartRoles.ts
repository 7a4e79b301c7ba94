/**
 * The Helm chart's roles (charts/gpu-partitioning-plugin/templates/availability-reader.yaml,
 * viewer-clusterrole.yaml, viewer-role.yaml with the default values), present in every sandbox as
 * if the chart were installed, unbound: scenarios and tests bind them as an administrator would
 * (`oc adm policy add-cluster-role-to-group ...`). chartRoles.test.ts renders the chart with the
 * pinned Helm and checks these rules equal the rendered ones.
 */
import type { PolicyRule } from './rbac';

export const AVAILABILITY_READER_ROLE = 'gpu-partitioning-plugin-availability-reader';
export const VIEWER_ROLE = 'gpu-partitioning-plugin-viewer';

const READ = ['get', 'list', 'watch'];

export const AVAILABILITY_READER_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['nodes'], verbs: READ },
  { apiGroups: ['nvidia.com'], resources: ['clusterpolicies'], verbs: READ },
];

export const VIEWER_CLUSTER_ROLE_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['nodes', 'pods'], verbs: READ },
  { apiGroups: ['nvidia.com'], resources: ['clusterpolicies'], verbs: READ },
  { apiGroups: ['infrastructure.opendatahub.io'], resources: ['hardwareprofiles'], verbs: READ },
  { apiGroups: ['dashboard.opendatahub.io'], resources: ['acceleratorprofiles'], verbs: READ },
];

/** The Role in the GPU operator's namespace (`gpuOperator.namespace`, the sandbox's too; `viewerRole.podLogs` off). */
export const VIEWER_ROLE_RULES: PolicyRule[] = [
  { apiGroups: [''], resources: ['configmaps'], verbs: READ },
];
