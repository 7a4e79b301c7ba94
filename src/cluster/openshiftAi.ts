/**
 * OpenShift AI profiles for MIG slices: the article's "create accelerator profiles" step.
 *
 * OpenShift AI lets data scientists pick an accelerator from profiles: the current
 * `HardwareProfile` (`infrastructure.opendatahub.io/v1`: `spec.identifiers[]` and
 * `spec.scheduling.{type: Node, node: {nodeSelector, tolerations}}`, display name and description
 * in `opendatahub.io/*` annotations) or the deprecated `AcceleratorProfile`
 * (`dashboard.opendatahub.io/v1`: `spec.{displayName, enabled, identifier, description,
 * tolerations}`). A profile whose resource no node offers leaves workloads Pending forever; a MIG
 * resource no profile exposes cannot be picked in the dashboard. Pure.
 */
import type { K8sResourceCommon } from '@openshift-console/dynamic-plugin-sdk';
import { MIG_RESOURCE_PREFIX } from '../geometry/naming';
import { GPU_PRESENT_LABEL, nodeLabels } from './labels';
import type { NodeKind } from './models';
import { parseCount } from './quantities';

/** Where OpenShift AI keeps its dashboard objects unless the cluster says otherwise. */
export const DEFAULT_APPLICATIONS_NAMESPACE = 'redhat-ods-applications';
export const DISPLAY_NAME_ANNOTATION = 'opendatahub.io/display-name';
export const DESCRIPTION_ANNOTATION = 'opendatahub.io/description';
export const DISABLED_ANNOTATION = 'opendatahub.io/disabled';

export type OpenShiftAiProfileKind = 'HardwareProfile' | 'AcceleratorProfile';

export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
}

export interface AcceleratorProfileKind extends K8sResourceCommon {
  spec?: {
    displayName?: string;
    enabled?: boolean;
    identifier?: string;
    description?: string;
    tolerations?: Toleration[];
  };
}

export interface HardwareIdentifier {
  identifier?: string;
  displayName?: string;
  resourceType?: 'CPU' | 'Memory' | 'Accelerator';
  defaultCount?: number | string;
  minCount?: number | string;
  maxCount?: number | string;
}

export interface HardwareProfileKind extends K8sResourceCommon {
  spec?: {
    identifiers?: HardwareIdentifier[];
    scheduling?: {
      type?: 'Node' | 'Queue';
      node?: { nodeSelector?: Record<string, string>; tolerations?: Toleration[] };
      kueue?: { localQueueName?: string };
    };
  };
}

/** `nvidia.com/mig-1g.6gb` → `mig-1g-6gb` (a DNS-1123 name, the article's naming). */
export function profileObjectName(resource: string): string {
  return resource
    .replace(/^nvidia\.com\//, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `nvidia.com/mig-1g.6gb` → `NVIDIA mig-1g-6gb`, as the article names them. */
export function profileDisplayName(resource: string): string {
  return `NVIDIA ${profileObjectName(resource)}`;
}

/** A profile as the plugin compares them: which resource it asks for, and where it lives. */
export interface ExistingProfile {
  kind: OpenShiftAiProfileKind;
  name: string;
  namespace: string;
  displayName: string;
  /** Accelerator identifiers (`nvidia.com/mig-1g.6gb`); a HardwareProfile can have several. */
  identifiers: string[];
  enabled: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const textOr = (value: unknown, fallback: string): string =>
  typeof value === 'string' ? value : fallback;

const isAcceleratorIdentifier = (identifier: unknown) =>
  isRecord(identifier) &&
  (identifier.resourceType === 'Accelerator' ||
    (identifier.resourceType === undefined &&
      typeof identifier.identifier === 'string' &&
      identifier.identifier.includes('/')));

/** The name, namespace and annotations of an object, as text (malformed ones read as empty). */
function readMetadata(object: unknown) {
  const metadata = isRecord(object) && isRecord(object.metadata) ? object.metadata : {};
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  return {
    name: textOr(metadata.name, ''),
    namespace: textOr(metadata.namespace, ''),
    annotation: (key: string) => textOr(annotations[key], ''),
  };
}

/** Never throws: a malformed profile reads as one with no accelerator identifiers. */
export function readHardwareProfile(profile: HardwareProfileKind): ExistingProfile {
  const { name, namespace, annotation } = readMetadata(profile);
  const spec: unknown = isRecord(profile) ? profile.spec : undefined;
  const identifiers: unknown = isRecord(spec) ? spec.identifiers : undefined;
  return {
    kind: 'HardwareProfile',
    name,
    namespace,
    displayName: annotation(DISPLAY_NAME_ANNOTATION) || name,
    identifiers: (Array.isArray(identifiers) ? identifiers : [])
      .filter(isAcceleratorIdentifier)
      .map((identifier: HardwareIdentifier) => identifier.identifier)
      .filter((identifier): identifier is string => typeof identifier === 'string'),
    enabled: annotation(DISABLED_ANNOTATION) !== 'true',
  };
}

/** Never throws: a malformed profile reads as one with no identifier. */
export function readAcceleratorProfile(profile: AcceleratorProfileKind): ExistingProfile {
  const { name, namespace } = readMetadata(profile);
  const spec = isRecord(profile) && isRecord(profile.spec) ? profile.spec : {};
  const identifier = spec.identifier;
  return {
    kind: 'AcceleratorProfile',
    name,
    namespace,
    displayName: textOr(spec.displayName, '') || name,
    identifiers: typeof identifier === 'string' && identifier !== '' ? [identifier] : [],
    enabled: spec.enabled !== false,
  };
}

/** A `NoSchedule` or `NoExecute` node taint (the effects that keep pods off or evict them). */
export interface NodeTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'NoExecute';
}

/** A taint of the offering nodes that the profile does not tolerate, and the nodes carrying it. */
export interface UntoleratedTaint extends NodeTaint {
  nodes: string[];
}

/** A MIG resource some node advertises, and what a pod needs to land there. */
export interface AdvertisedMigResource {
  resource: string;
  /** Nodes whose allocatable lists it with a count above zero. */
  nodes: string[];
  total: number;
  /** `nvidia.com/gpu`, plus one per GPU-dedicating taint of those nodes (`dedicatesNodesToGpus`). */
  tolerations: Toleration[];
  /** The other NoSchedule/NoExecute taints of those nodes: the profile's pods avoid such nodes. */
  untoleratedTaints: UntoleratedTaint[];
  /** Labels every one of those nodes carries that mark GPU nodes. */
  nodeSelector: Record<string, string>;
}

/** The toleration OpenShift AI's own accelerator profiles add for tainted GPU nodes. */
export const GPU_TOLERATION: Toleration = {
  key: 'nvidia.com/gpu',
  operator: 'Exists',
  effect: 'NoSchedule',
};

/** Kubernetes' own taint domains: `node.kubernetes.io/`, `node-role.kubernetes.io/`, `*.k8s.io/`… */
const KUBERNETES_TAINT_DOMAIN = /^(?:[^/]*\.)?(?:kubernetes\.io|k8s\.io)\//;
const NVIDIA_TAINT_DOMAIN = 'nvidia.com/';
/** `gpu` as a word of a key or value: `gpu-only`, `dedicated=gpu`, `example.com/gpu`, `gpus`. */
const GPU_WORD = /(?:^|[^a-z0-9])gpus?(?:$|[^a-z0-9])/i;

/**
 * The rule for which taints a MIG profile tolerates: only those that dedicate nodes to GPUs. A
 * taint does when its key is in the `nvidia.com/` domain (`nvidia.com/gpu`, the GPU operator's and
 * OpenShift AI's convention) or its key or value has `gpu` as a word (`gpu-only`, `dedicated=gpu`)
 * — and never when its key is in a Kubernetes domain (`node.kubernetes.io/*`,
 * `node-role.kubernetes.io/*`, any `kubernetes.io` or `k8s.io` one): those say a node is cordoned
 * (`unschedulable`, also while the plugin changes its MIG layout), unreachable or not ready
 * (NoExecute, evicting) or a control-plane node. Tolerating them would land workloads on cordoned
 * nodes and keep them forever on dead ones.
 */
export function dedicatesNodesToGpus(taint: NodeTaint): boolean {
  if (KUBERNETES_TAINT_DOMAIN.test(taint.key)) return false;
  return (
    taint.key.startsWith(NVIDIA_TAINT_DOMAIN) ||
    GPU_WORD.test(taint.key) ||
    (taint.value !== undefined && GPU_WORD.test(taint.value))
  );
}

/**
 * The toleration for one taint: its key and effect, and its value when it has one (`Equal`), so
 * it tolerates exactly that taint. No `tolerationSeconds`: a GPU dedication is not a node failure,
 * workloads may stay as long as it does.
 */
export function tolerationFor(taint: NodeTaint): Toleration {
  return taint.value
    ? { key: taint.key, operator: 'Equal', value: taint.value, effect: taint.effect }
    : { key: taint.key, operator: 'Exists', effect: taint.effect };
}

/** Kubernetes' matching (`ToleratesTaint`): empty effect = any, empty key with Exists = any. */
export function tolerates(toleration: Toleration, taint: NodeTaint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (!toleration.key) return toleration.operator === 'Exists';
  if (toleration.key !== taint.key) return false;
  return toleration.operator === 'Exists' || (toleration.value ?? '') === (taint.value ?? '');
}

/** A node's well-formed NoSchedule/NoExecute taints; anything else (not a list, null items) is skipped. */
export function readTaints(node: NodeKind): NodeTaint[] {
  const taints: unknown = isRecord(node) && isRecord(node.spec) ? node.spec.taints : undefined;
  if (!Array.isArray(taints)) return [];
  return taints.flatMap((taint: unknown): NodeTaint[] => {
    if (!isRecord(taint)) return [];
    const { key, value, effect } = taint;
    if (typeof key !== 'string' || key === '') return [];
    if (effect !== 'NoSchedule' && effect !== 'NoExecute') return [];
    if (value !== undefined && value !== null && typeof value !== 'string') return [];
    return [typeof value === 'string' && value !== '' ? { key, value, effect } : { key, effect }];
  });
}

/** `key=value:effect`, as `oc adm taint` writes it. */
export function taintText(taint: NodeTaint): string {
  return `${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}`;
}

/** `key=value:effect`, or `key:effect` for `Exists` (any value). */
export function tolerationText(toleration: Toleration): string {
  const value = toleration.operator === 'Exists' ? '' : `=${toleration.value ?? ''}`;
  return `${toleration.key ?? '*'}${value}:${toleration.effect ?? '*'}`;
}

const nodeName = (node: NodeKind) => readMetadata(node).name;

/** What pods asking for a MIG resource need to land on the nodes offering it, and what keeps them out. */
function schedulingOn(
  offering: NodeKind[],
): Pick<AdvertisedMigResource, 'tolerations' | 'untoleratedTaints'> {
  const tolerations: Toleration[] = [GPU_TOLERATION];
  const untolerated = new Map<string, UntoleratedTaint>();
  for (const node of offering) {
    for (const taint of readTaints(node)) {
      if (tolerations.some((toleration) => tolerates(toleration, taint))) continue;
      if (dedicatesNodesToGpus(taint)) {
        tolerations.push(tolerationFor(taint));
        continue;
      }
      const text = taintText(taint);
      const entry = untolerated.get(text) ?? { ...taint, nodes: [] };
      if (!entry.nodes.includes(nodeName(node))) entry.nodes.push(nodeName(node));
      untolerated.set(text, entry);
    }
  }
  const untoleratedTaints = [...untolerated.values()].map((taint) => ({
    ...taint,
    nodes: taint.nodes.sort(),
  }));
  return { tolerations, untoleratedTaints };
}

/**
 * `nvidia.com/mig-*` resources a node's allocatable lists with a count above zero: what the
 * scheduler can give (the Overview's figure). Capacity keeps a resource the device plugin no
 * longer offers (while a change is pending, or after one), so a node can list 142 there and 0 here.
 */
function migCounts(node: NodeKind): Array<[string, number]> {
  const allocatable: unknown =
    isRecord(node) && isRecord(node.status) ? node.status.allocatable : {};
  if (!isRecord(allocatable)) return [];
  return Object.entries(allocatable).flatMap(([resource, value]): Array<[string, number]> => {
    if (!resource.startsWith(MIG_RESOURCE_PREFIX)) return [];
    const count = parseCount(value).value ?? 0;
    return count > 0 ? [[resource, count]] : [];
  });
}

/** MIG resources (mixed strategy: `nvidia.com/mig-<profile>`) the nodes advertise. Never throws. */
export function advertisedMigResources(nodes: NodeKind[]): AdvertisedMigResource[] {
  const byResource = new Map<string, { nodes: NodeKind[]; total: number }>();
  for (const node of Array.isArray(nodes) ? nodes : []) {
    for (const [resource, count] of migCounts(node)) {
      const entry = byResource.get(resource) ?? { nodes: [], total: 0 };
      entry.nodes.push(node);
      entry.total += count;
      byResource.set(resource, entry);
    }
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([resource, { nodes: offering, total }]): AdvertisedMigResource => ({
      resource,
      nodes: offering.map(nodeName).sort(),
      total,
      ...schedulingOn(offering),
      nodeSelector: offering.every((node) => nodeLabels(node)[GPU_PRESENT_LABEL] === 'true')
        ? { [GPU_PRESENT_LABEL]: 'true' }
        : {},
    }));
}

/** The namespace existing profiles live in (the most common one), else OpenShift AI's default. */
export function applicationsNamespace(profiles: ExistingProfile[]): string {
  const counts = new Map<string, number>();
  for (const profile of profiles) {
    if (profile.namespace) counts.set(profile.namespace, (counts.get(profile.namespace) ?? 0) + 1);
  }
  let best = DEFAULT_APPLICATIONS_NAMESPACE;
  let bestCount = 0;
  for (const [namespace, count] of counts) {
    if (count > bestCount) {
      best = namespace;
      bestCount = count;
    }
  }
  return best;
}

export interface MigResourceRow extends AdvertisedMigResource {
  /** Name the new profile would get. */
  proposedName: string;
  displayName: string;
  /** Profiles (of either kind) exposing this resource. */
  exposedBy: ExistingProfile[];
  /** True when no profile of the kind the plugin creates exposes it. */
  missing: boolean;
  /** A profile of the target kind already has the proposed name, for another resource. */
  nameTakenBy?: ExistingProfile;
}

export interface ProfileAnalysis {
  rows: MigResourceRow[];
  /** Profiles asking for a `nvidia.com/` accelerator no node offers: their workloads stay Pending. */
  stale: Array<{ profile: ExistingProfile; identifiers: string[] }>;
}

/**
 * Compares what the nodes advertise with the profiles that exist. `targetKind` is the kind the
 * plugin would create (HardwareProfile when its API exists).
 */
export function analyseProfiles(
  resources: AdvertisedMigResource[],
  profiles: ExistingProfile[],
  targetKind: OpenShiftAiProfileKind,
): ProfileAnalysis {
  const offered = new Set(resources.map((resource) => resource.resource));
  const rows = resources.map((resource): MigResourceRow => {
    const exposedBy = profiles.filter((profile) => profile.identifiers.includes(resource.resource));
    const proposedName = profileObjectName(resource.resource);
    const nameTakenBy = profiles.find(
      (profile) =>
        profile.kind === targetKind &&
        profile.name === proposedName &&
        !profile.identifiers.includes(resource.resource),
    );
    return {
      ...resource,
      proposedName,
      displayName: profileDisplayName(resource.resource),
      exposedBy,
      missing: !exposedBy.some((profile) => profile.kind === targetKind),
      ...(nameTakenBy ? { nameTakenBy } : {}),
    };
  });
  const stale = profiles
    .map((profile) => ({
      profile,
      identifiers: profile.identifiers.filter(
        (identifier) => identifier.startsWith('nvidia.com/') && !offered.has(identifier),
      ),
    }))
    // A whole-GPU profile (`nvidia.com/gpu`) is only stale when no node offers GPUs at all; the
    // caller knows that, so only MIG identifiers are judged here.
    .filter(({ identifiers }) => identifiers.some((id) => id.startsWith(MIG_RESOURCE_PREFIX)));
  return { rows, stale };
}

/** The HardwareProfile for one MIG resource: one accelerator identifier, node scheduling. */
export function buildHardwareProfile(
  row: AdvertisedMigResource,
  namespace: string,
): HardwareProfileKind {
  const name = profileObjectName(row.resource);
  return {
    apiVersion: 'infrastructure.opendatahub.io/v1',
    kind: 'HardwareProfile',
    metadata: {
      name,
      namespace,
      annotations: {
        [DISPLAY_NAME_ANNOTATION]: profileDisplayName(row.resource),
        [DESCRIPTION_ANNOTATION]: `One NVIDIA MIG slice (${row.resource}); created by the GPU Partitioning console plugin.`,
        [DISABLED_ANNOTATION]: 'false',
      },
    },
    spec: {
      identifiers: [
        {
          identifier: row.resource,
          displayName: row.resource.replace(/^nvidia\.com\//, ''),
          resourceType: 'Accelerator',
          defaultCount: 1,
          minCount: 1,
          maxCount: 1,
        },
      ],
      scheduling: {
        type: 'Node',
        node: {
          ...(Object.keys(row.nodeSelector).length > 0 ? { nodeSelector: row.nodeSelector } : {}),
          tolerations: row.tolerations,
        },
      },
    },
  };
}

/** The (deprecated) AcceleratorProfile for clusters whose OpenShift AI predates HardwareProfiles. */
export function buildAcceleratorProfile(
  row: AdvertisedMigResource,
  namespace: string,
): AcceleratorProfileKind {
  return {
    apiVersion: 'dashboard.opendatahub.io/v1',
    kind: 'AcceleratorProfile',
    metadata: { name: profileObjectName(row.resource), namespace },
    spec: {
      displayName: profileDisplayName(row.resource),
      enabled: true,
      identifier: row.resource,
      description: `One NVIDIA MIG slice (${row.resource}); created by the GPU Partitioning console plugin.`,
      tolerations: row.tolerations,
    },
  };
}
