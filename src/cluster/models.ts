/**
 * Static console models and group/version/kind constants for everything the plugin reads or
 * writes, plus the minimal shapes of the Kubernetes objects it looks at. Declaring models
 * statically (instead of `useK8sModel`) keeps CRUD calls usable before the console's model
 * discovery has loaded and lets pure code and tests share them.
 */
import type {
  K8sGroupVersionKind,
  K8sModel,
  K8sResourceCommon,
} from '@openshift-console/dynamic-plugin-sdk';

export const NodeGroupVersionKind: K8sGroupVersionKind = { version: 'v1', kind: 'Node' };
export const PodGroupVersionKind: K8sGroupVersionKind = { version: 'v1', kind: 'Pod' };
export const ConfigMapGroupVersionKind: K8sGroupVersionKind = { version: 'v1', kind: 'ConfigMap' };
export const NamespaceGroupVersionKind: K8sGroupVersionKind = { version: 'v1', kind: 'Namespace' };
export const ClusterPolicyGroupVersionKind: K8sGroupVersionKind = {
  group: 'nvidia.com',
  version: 'v1',
  kind: 'ClusterPolicy',
};
export const CustomResourceDefinitionGroupVersionKind: K8sGroupVersionKind = {
  group: 'apiextensions.k8s.io',
  version: 'v1',
  kind: 'CustomResourceDefinition',
};
export const AcceleratorProfileGroupVersionKind: K8sGroupVersionKind = {
  group: 'dashboard.opendatahub.io',
  version: 'v1',
  kind: 'AcceleratorProfile',
};
export const HardwareProfileGroupVersionKind: K8sGroupVersionKind = {
  group: 'infrastructure.opendatahub.io',
  version: 'v1',
  kind: 'HardwareProfile',
};

export const NodeModel: K8sModel = {
  kind: 'Node',
  apiVersion: 'v1',
  abbr: 'N',
  label: 'Node',
  labelPlural: 'Nodes',
  plural: 'nodes',
  namespaced: false,
};

export const PodModel: K8sModel = {
  kind: 'Pod',
  apiVersion: 'v1',
  abbr: 'P',
  label: 'Pod',
  labelPlural: 'Pods',
  plural: 'pods',
  namespaced: true,
};

export const ConfigMapModel: K8sModel = {
  kind: 'ConfigMap',
  apiVersion: 'v1',
  abbr: 'CM',
  label: 'ConfigMap',
  labelPlural: 'ConfigMaps',
  plural: 'configmaps',
  namespaced: true,
};

export const NamespaceModel: K8sModel = {
  kind: 'Namespace',
  apiVersion: 'v1',
  abbr: 'NS',
  label: 'Namespace',
  labelPlural: 'Namespaces',
  plural: 'namespaces',
  namespaced: false,
};

export const ClusterPolicyModel: K8sModel = {
  kind: 'ClusterPolicy',
  apiGroup: 'nvidia.com',
  apiVersion: 'v1',
  abbr: 'CP',
  label: 'ClusterPolicy',
  labelPlural: 'ClusterPolicies',
  plural: 'clusterpolicies',
  namespaced: false,
  crd: true,
};

export const CustomResourceDefinitionModel: K8sModel = {
  kind: 'CustomResourceDefinition',
  apiGroup: 'apiextensions.k8s.io',
  apiVersion: 'v1',
  abbr: 'CRD',
  label: 'CustomResourceDefinition',
  labelPlural: 'CustomResourceDefinitions',
  plural: 'customresourcedefinitions',
  namespaced: false,
};

export const AcceleratorProfileModel: K8sModel = {
  kind: 'AcceleratorProfile',
  apiGroup: 'dashboard.opendatahub.io',
  apiVersion: 'v1',
  abbr: 'AP',
  label: 'AcceleratorProfile',
  labelPlural: 'AcceleratorProfiles',
  plural: 'acceleratorprofiles',
  namespaced: true,
  crd: true,
};

export const HardwareProfileModel: K8sModel = {
  kind: 'HardwareProfile',
  apiGroup: 'infrastructure.opendatahub.io',
  apiVersion: 'v1',
  abbr: 'HWP',
  label: 'HardwareProfile',
  labelPlural: 'HardwareProfiles',
  plural: 'hardwareprofiles',
  namespaced: true,
  crd: true,
};

/** The name of the ClusterPolicy CRD, for "is the GPU operator installed?" checks. */
export const CLUSTER_POLICY_CRD_NAME = 'clusterpolicies.nvidia.com';

// ---------------------------------------------------------------------------------------------
// Minimal object shapes: only the fields the plugin reads. Everything is optional because real
// objects (and the sandbox's) can miss any of them; readers must cope.

export type ResourceList = Record<string, string | undefined>;

export interface NodeKind extends K8sResourceCommon {
  spec?: {
    unschedulable?: boolean;
    taints?: Array<{ key?: string; value?: string; effect?: string }>;
  };
  status?: {
    capacity?: ResourceList;
    allocatable?: ResourceList;
    conditions?: Array<{ type?: string; status?: string; lastTransitionTime?: string }>;
  };
}

export interface ContainerKind {
  name?: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  /** `Always` on an init container makes it a sidecar that runs beside the app containers. */
  restartPolicy?: string;
}

export interface PodKind extends K8sResourceCommon {
  spec?: {
    nodeName?: string;
    containers?: ContainerKind[];
    initContainers?: ContainerKind[];
  };
  status?: {
    phase?: string;
    startTime?: string;
    /** `PodScheduled=False` with the scheduler's reason and message while no node fits. */
    conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }>;
  };
}

export interface ConfigMapKind extends K8sResourceCommon {
  data?: Record<string, string | undefined>;
}

export interface ClusterPolicyKind extends K8sResourceCommon {
  spec?: {
    mig?: { strategy?: string };
    migManager?: {
      enabled?: boolean;
      config?: { name?: string; default?: string };
      env?: Array<{ name?: string; value?: string }>;
    };
    operator?: { defaultRuntime?: string };
  };
  status?: {
    state?: string;
    /** The operator writes its own namespace here; operands and ConfigMaps live there. */
    namespace?: string;
    conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }>;
  };
}
