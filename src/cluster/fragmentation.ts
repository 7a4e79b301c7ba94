/**
 * Fragmentation figures from the node views: per GPU, the free instances (usable now) and the
 * profiles one more instance of still fits beside the instances (`roomOnGpu`); per cluster, the
 * largest of each and where; per profile, why "can I get N × profile" finds no room.
 *
 * Two kinds of room, never mixed:
 * - free now: an instance that exists and that no pod holds (the user sees every pod). A pod can
 *   have it at once.
 * - placeable: a new instance that fits the unallocated units beside the existing ones, none of
 *   them moved. Creating it is a config change, and mig-parted clears and re-creates every
 *   instance of the GPU, so it can happen only once no pod uses that GPU (`busy` says whether one
 *   may now).
 * Only nodes that can take a pod and a change count (`unavailableBecause`: not cordoned, not
 * failed, no change under way), the same nodes "can I get N × profile" counts.
 */
import { findProfile } from '../geometry/catalog';
import { compareProfileSize, roomOnGpu } from '../geometry/fragmentation';
import type { GpuModel, MigProfile } from '../geometry/types';
import { unavailableBecause } from './availability';
import type { GpuNodeView, GpuView } from './types';

/** One GPU of one node. */
export interface GpuPlace {
  node: string;
  gpu: number;
}

export interface GpuFragmentation extends GpuPlace {
  model: GpuModel;
  /** Profiles of the instances no pod holds, largest first (empty under strategy `none`). */
  freeInstances: MigProfile[];
  /** Profiles one more instance of fits beside the instances, largest first. */
  fits: MigProfile[];
  /** Profiles the unallocated space holds in amount but not at any free legal start. */
  fragmentedOut: MigProfile[];
  unallocatedCompute: number;
  /**
   * A pod may use this GPU: it holds a resource the GPU offers (which GPU is not known), or pods
   * the user cannot see may hold its instances.
   */
  busy: boolean;
}

/** Per GPU view (views are rebuilt, never changed, when a node or its pods change). */
const computed = new WeakMap<GpuView, { node: GpuNodeView; figures?: GpuFragmentation }>();

function profilesOf(model: GpuModel, names: string[]): MigProfile[] {
  return names.flatMap((name) => findProfile(model, name) ?? []);
}

/** Undefined for a GPU without MIG or of a model the catalog does not know. */
export function gpuFragmentation(node: GpuNodeView, gpu: GpuView): GpuFragmentation | undefined {
  const known = computed.get(gpu);
  if (known?.node === node) return known.figures;
  const figures = computeGpuFragmentation(node, gpu);
  computed.set(gpu, { node, figures });
  return figures;
}

function computeGpuFragmentation(node: GpuNodeView, gpu: GpuView): GpuFragmentation | undefined {
  const model = gpu.model ?? node.model;
  if (!gpu.migEnabled || !model) return undefined;
  const instances = Array.isArray(gpu.instances) ? gpu.instances : [];
  const room = roomOnGpu(model, instances);
  // Under `none` the device plugin advertises no MIG instance: none is free for a pod.
  const free = node.strategy === 'none' ? [] : instances.filter(isFree);
  return {
    node: node.name,
    gpu: gpu.index,
    model,
    freeInstances: profilesOf(
      model,
      free.map((instance) => instance.profile),
    ).sort(compareProfileSize),
    fits: profilesOf(
      model,
      room.fits.map((fit) => fit.profile),
    ),
    fragmentedOut: profilesOf(model, room.fragmentedOut),
    unallocatedCompute: room.unallocatedCompute,
    busy: possiblyBusy(node, instances),
  };
}

/**
 * Whether a pod may use the GPU. The API names the resources a pod holds, never the GPU, so any
 * GPU offering a held resource may be the one (the instance a view marks in use is inferred).
 */
function possiblyBusy(node: GpuNodeView, instances: GpuView['instances']): boolean {
  const held = new Set(
    (Array.isArray(node.pods) ? node.pods : []).flatMap((pod) => Object.keys(pod.resources ?? {})),
  );
  return instances.some(
    (instance) => instance.inUse || instance.usageUnknown || held.has(instance.resourceName),
  );
}

function isFree(instance: GpuView['instances'][number]): boolean {
  return !instance.inUse && !instance.usageUnknown;
}

/** Across models: more compute slices, then more memory, then plain before variants. */
export function compareAcrossModels(a: MigProfile, b: MigProfile): number {
  return (
    b.computeSlices - a.computeSlices ||
    b.memoryMiB - a.memoryMiB ||
    a.attributes.length - b.attributes.length ||
    a.name.localeCompare(b.name)
  );
}

/** The MIG GPUs of the nodes that can take a pod and a change now, and how many are left out. */
export function fragmentationOfNodes(nodes: GpuNodeView[]): {
  gpus: GpuFragmentation[];
  leftOut: number;
} {
  const gpus: GpuFragmentation[] = [];
  let leftOut = 0;
  for (const node of Array.isArray(nodes) ? nodes : []) {
    const figures = node.gpus.flatMap((gpu) => gpuFragmentation(node, gpu) ?? []);
    if (unavailableBecause(node)) leftOut += figures.length;
    else gpus.push(...figures);
  }
  return { gpus, leftOut };
}

export interface SliceWhere extends GpuPlace {
  profile: MigProfile;
}

export interface ClusterFragmentation {
  /** MIG GPUs counted (known model, node can take a pod and a change). */
  gpus: number;
  /** MIG GPUs on nodes cordoned, failed or mid-change. */
  leftOut: number;
  freeInstances: number;
  /** The largest free instance, where, and how many free instances have its profile. */
  largestFreeNow?: SliceWhere & { count: number };
  /** The largest new instance that fits beside the instances; a GPU no pod may use is named first. */
  largestPlaceable?: SliceWhere & { busy: boolean; gpus: number };
  unallocatedCompute: number;
  /** GPUs whose unallocated space is fragmented (some profile fits in amount, not in place). */
  fragmented: GpuFragmentation[];
}

/** The first of `candidates` by `compare`, then by node and GPU. */
function best<T extends GpuPlace>(candidates: T[], compare: (a: T, b: T) => number): T | undefined {
  return [...candidates].sort(
    (a, b) => compare(a, b) || a.node.localeCompare(b.node) || a.gpu - b.gpu,
  )[0];
}

function largestFree(gpus: GpuFragmentation[]): ClusterFragmentation['largestFreeNow'] {
  const free = gpus.flatMap((gpu) =>
    gpu.freeInstances.length > 0
      ? [{ node: gpu.node, gpu: gpu.gpu, profile: gpu.freeInstances[0] }]
      : [],
  );
  const top = best(free, (a, b) => compareAcrossModels(a.profile, b.profile));
  if (!top) return undefined;
  const count = gpus
    .flatMap((gpu) => gpu.freeInstances)
    .filter((profile) => profile.name === top.profile.name).length;
  return { ...top, count };
}

function largestPlaceable(gpus: GpuFragmentation[]): ClusterFragmentation['largestPlaceable'] {
  const placeable = gpus.flatMap((gpu) =>
    gpu.fits.length > 0
      ? [{ node: gpu.node, gpu: gpu.gpu, profile: gpu.fits[0], busy: gpu.busy }]
      : [],
  );
  const top = best(
    placeable,
    (a, b) => compareAcrossModels(a.profile, b.profile) || Number(a.busy) - Number(b.busy),
  );
  if (!top) return undefined;
  const count = gpus.filter((gpu) =>
    gpu.fits.some((profile) => profile.name === top.profile.name),
  ).length;
  return { ...top, gpus: count };
}

export function summarizeFragmentation(nodes: GpuNodeView[]): ClusterFragmentation {
  const { gpus, leftOut } = fragmentationOfNodes(nodes);
  const summary: ClusterFragmentation = {
    gpus: gpus.length,
    leftOut,
    freeInstances: gpus.reduce((sum, gpu) => sum + gpu.freeInstances.length, 0),
    unallocatedCompute: gpus.reduce((sum, gpu) => sum + gpu.unallocatedCompute, 0),
    fragmented: gpus.filter((gpu) => gpu.fragmentedOut.length > 0),
  };
  const free = largestFree(gpus);
  if (free) summary.largestFreeNow = free;
  const placeable = largestPlaceable(gpus);
  if (placeable) summary.largestPlaceable = placeable;
  return summary;
}

/** Room for one more instance of a profile, on the GPUs whose model has it. */
export interface ProfileRoom {
  profile: string;
  /** Counted MIG GPUs whose model has the profile. */
  gpus: number;
  /** Their unallocated compute slices, in all. */
  unallocatedCompute: number;
  /** GPUs where one more fits beside the instances (an idle one can take the change now). */
  withRoom: Array<GpuPlace & { busy: boolean }>;
  /** GPUs whose unallocated space would hold it in amount but has no free legal start for it. */
  fragmented: GpuPlace[];
  /** The largest profile that still fits beside the instances on those GPUs. */
  largestPlaceable?: MigProfile;
}

export function roomForProfile(nodes: GpuNodeView[], profileName: string): ProfileRoom {
  const room: ProfileRoom = {
    profile: profileName,
    gpus: 0,
    unallocatedCompute: 0,
    withRoom: [],
    fragmented: [],
  };
  const largest: MigProfile[] = [];
  for (const gpu of fragmentationOfNodes(nodes).gpus) {
    const wanted = findProfile(gpu.model, profileName);
    if (!wanted) continue;
    room.gpus += 1;
    room.unallocatedCompute += gpu.unallocatedCompute;
    const place = { node: gpu.node, gpu: gpu.gpu };
    if (gpu.fits.includes(wanted)) room.withRoom.push({ ...place, busy: gpu.busy });
    if (gpu.fragmentedOut.includes(wanted)) room.fragmented.push(place);
    if (gpu.fits.length > 0) largest.push(gpu.fits[0]);
  }
  const top = largest.sort(compareAcrossModels)[0];
  if (top) room.largestPlaceable = top;
  return room;
}
