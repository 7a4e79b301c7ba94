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
import { GPU_PRESENT_LABEL } from './labels';
import type { NodeKind } from './models';

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

const isAcceleratorIdentifier = (identifier: HardwareIdentifier) =>
  identifier.resourceType === 'Accelerator' ||
  (identifier.resourceType === undefined &&
    typeof identifier.identifier === 'string' &&
    identifier.identifier.includes('/'));

export function readHardwareProfile(profile: HardwareProfileKind): ExistingProfile {
  const annotations = profile.metadata?.annotations ?? {};
  const name = profile.metadata?.name ?? '';
  return {
    kind: 'HardwareProfile',
    name,
    namespace: profile.metadata?.namespace ?? '',
    displayName: annotations[DISPLAY_NAME_ANNOTATION] || name,
    identifiers: (Array.isArray(profile.spec?.identifiers) ? profile.spec.identifiers : [])
      .filter(isAcceleratorIdentifier)
      .map((identifier) => identifier.identifier)
      .filter((identifier): identifier is string => typeof identifier === 'string'),
    enabled: annotations[DISABLED_ANNOTATION] !== 'true',
  };
}

export function readAcceleratorProfile(profile: AcceleratorProfileKind): ExistingProfile {
  const name = profile.metadata?.name ?? '';
  const identifier = profile.spec?.identifier;
  return {
    kind: 'AcceleratorProfile',
    name,
    namespace: profile.metadata?.namespace ?? '',
    displayName: profile.spec?.displayName || name,
    identifiers: typeof identifier === 'string' && identifier !== '' ? [identifier] : [],
    enabled: profile.spec?.enabled !== false,
  };
}

/** A MIG resource some node advertises, and what a pod needs to land there. */
export interface AdvertisedMigResource {
  resource: string;
  /** Nodes whose capacity lists it with a count above zero. */
  nodes: string[];
  total: number;
  /** Tolerations for the NoSchedule/NoExecute taints of those nodes, plus `nvidia.com/gpu`. */
  tolerations: Toleration[];
  /** Labels every one of those nodes carries that mark GPU nodes. */
  nodeSelector: Record<string, string>;
}

/** The toleration OpenShift AI's own accelerator profiles add for tainted GPU nodes. */
export const GPU_TOLERATION: Toleration = {
  key: 'nvidia.com/gpu',
  operator: 'Exists',
  effect: 'NoSchedule',
};

function quantity(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** MIG resources (mixed strategy: `nvidia.com/mig-<profile>`) the nodes advertise. */
export function advertisedMigResources(nodes: NodeKind[]): AdvertisedMigResource[] {
  const byResource = new Map<string, { nodes: NodeKind[]; total: number }>();
  for (const node of nodes) {
    const capacity = node.status?.capacity ?? {};
    for (const [resource, value] of Object.entries(capacity)) {
      if (!resource.startsWith(MIG_RESOURCE_PREFIX)) continue;
      const count = quantity(value);
      if (count <= 0) continue;
      const entry = byResource.get(resource) ?? { nodes: [], total: 0 };
      entry.nodes.push(node);
      entry.total += count;
      byResource.set(resource, entry);
    }
  }
  return [...byResource.entries()]
    .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
    .map(([resource, { nodes: offering, total }]) => {
      const tolerations: Toleration[] = [GPU_TOLERATION];
      for (const node of offering) {
        for (const taint of node.spec?.taints ?? []) {
          if (!taint.key || (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute')) {
            continue;
          }
          if (tolerations.some((t) => t.key === taint.key && t.effect === taint.effect)) continue;
          tolerations.push({ key: taint.key, operator: 'Exists', effect: taint.effect });
        }
      }
      const nodeSelector: Record<string, string> = offering.every(
        (node) => node.metadata?.labels?.[GPU_PRESENT_LABEL] === 'true',
      )
        ? { [GPU_PRESENT_LABEL]: 'true' }
        : {};
      return {
        resource,
        nodes: offering.map((node) => node.metadata?.name ?? '').sort(),
        total,
        tolerations,
        nodeSelector,
      };
    });
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
