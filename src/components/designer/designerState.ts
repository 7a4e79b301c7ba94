/**
 * The designer's model: per GPU, the MIG instances placed so far. Every change keeps each GPU a
 * legal layout (`isLegalLayout` holds after every step): an addition takes a free legal start next
 * to the existing instances, or, when only a re-packing makes room, the packing `placeInstances`
 * finds (mig-parted lets the driver choose starts anyway, so the positions are a prediction).
 */
import {
  legalStartsFor,
  type AdditionBlock,
  placeInstances,
  type GpuModel,
  type LayoutProblem,
  type PlacedInstance,
  type ProfileCounts,
  type StartOption,
} from '../../geometry';

export interface DesignedInstance extends PlacedInstance {
  id: string;
}

export interface DesignedGpuState {
  index: number;
  instances: DesignedInstance[];
}

let nextInstanceId = 1;
const newId = () => `designed-${nextInstanceId++}`;

export function countsOf(instances: PlacedInstance[]): ProfileCounts {
  const counts: ProfileCounts = {};
  for (const instance of instances) counts[instance.profile] = (counts[instance.profile] ?? 0) + 1;
  return counts;
}

export interface AdditionCheck {
  allowed: boolean;
  /** Why not (when not allowed), from the geometry engine. */
  blocked?: AdditionBlock;
  /** True when the addition moves existing instances to other starts. */
  repacks?: boolean;
}

function firstProblem(problems: LayoutProblem[], profile: string): LayoutProblem | undefined {
  return problems.find((problem) => problem.profile === profile) ?? problems[0];
}

function whyNot(problem: LayoutProblem | undefined, starts: StartOption[]): AdditionBlock {
  if (problem) return { kind: 'layout', problem };
  const block = starts.find((start) => start.blocked)?.blocked;
  return block ? { kind: 'start', block } : { kind: 'does-not-fit' };
}

/** Whether one more `profile` fits on the GPU, and why not. */
export function checkAddition(
  model: GpuModel,
  instances: PlacedInstance[],
  profile: string,
): AdditionCheck {
  const starts = legalStartsFor(model, instances, profile);
  if (starts.length === 0) {
    return { allowed: false, blocked: { kind: 'not-a-profile', profile } };
  }
  if (starts.some((start) => start.free)) return { allowed: true };
  const counts = countsOf(instances);
  counts[profile] = (counts[profile] ?? 0) + 1;
  const packed = placeInstances(model, counts);
  if (packed.valid) return { allowed: true, repacks: true };
  return { allowed: false, blocked: whyNot(firstProblem(packed.problems, profile), starts) };
}

/** The GPU with one more `profile`, or undefined when it cannot be added. */
export function addInstance(
  model: GpuModel,
  instances: DesignedInstance[],
  profile: string,
): DesignedInstance[] | undefined {
  const starts = legalStartsFor(model, instances, profile);
  const free = starts.find((start) => start.free);
  const definition = model.profiles.find((candidate) => candidate.name === profile);
  if (!definition) return undefined;
  if (free) {
    return [
      ...instances,
      {
        id: newId(),
        profile,
        start: free.start,
        size: definition.placementSize,
        computeSlices: definition.computeSlices,
      },
    ].sort((a, b) => a.start - b.start);
  }
  const counts = countsOf(instances);
  counts[profile] = (counts[profile] ?? 0) + 1;
  const packed = placeInstances(model, counts);
  if (!packed.valid) return undefined;
  // Keep ids of existing instances (per profile, in order) so highlights and focus stay stable.
  const pool = new Map<string, DesignedInstance[]>();
  for (const instance of instances) {
    pool.set(instance.profile, [...(pool.get(instance.profile) ?? []), instance]);
  }
  return packed.instances.map((instance) => {
    const reused = pool.get(instance.profile)?.shift();
    return { ...instance, id: reused?.id ?? newId() };
  });
}

export function removeInstance(instances: DesignedInstance[], id: string): DesignedInstance[] {
  return instances.filter((instance) => instance.id !== id);
}

/** Instances from a layout (a node's GPU), with ids of the designer. */
export function fromLayout(instances: PlacedInstance[]): DesignedInstance[] {
  return instances.map((instance) => ({
    id: newId(),
    profile: instance.profile,
    start: instance.start,
    size: instance.size,
    computeSlices: instance.computeSlices,
  }));
}

export interface GpuUsage {
  computeUsed: number;
  computeTotal: number;
  memoryMiB: number;
  memoryTotalMiB: number;
  unitsUsed: number;
  unitsTotal: number;
}

export function usageOf(model: GpuModel, instances: PlacedInstance[]): GpuUsage {
  let memoryMiB = 0;
  let unitsUsed = 0;
  let computeUsed = 0;
  for (const instance of instances) {
    const profile = model.profiles.find((candidate) => candidate.name === instance.profile);
    memoryMiB += profile?.memoryMiB ?? 0;
    unitsUsed += instance.size;
    computeUsed += instance.computeSlices;
  }
  return {
    computeUsed,
    computeTotal: model.computeSlices,
    memoryMiB,
    memoryTotalMiB: model.totalMemoryMiB,
    unitsUsed,
    unitsTotal: model.placementUnits,
  };
}
