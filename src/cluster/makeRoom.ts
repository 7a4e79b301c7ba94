/**
 * "Make room": the fewest node config changes that let the waiting pods start. A change is a
 * named config of the node's mig-parted config source (NVIDIA's configs, the per-node generated
 * ones, or the cluster's custom ConfigMap with the designer's configs when the ClusterPolicy uses
 * it), on a node that can take one, that leaves every GPU a pod may use as it is. The pods are
 * placed all together (oldest first, tightest fit) on what the nodes would have free afterwards, so
 * a change that gives one profile and takes another that other pods wait for counts as it is.
 * Ranked: most pods placed, then fewest nodes changed, then fewest GPU pods on them (their GPU
 * operands restart), then fewest free instances lost. Different nodes may get different configs.
 */
import type { MigStrategy } from '../geometry/types';
import {
  type ConfigChangeStep,
  type ConfigSourceLookup,
  type NodeConfigOption,
  type NodeLeftOut,
  nodeConfigOptions,
  possiblyBusyGpus,
  predictionGroupKey,
  stepsOf,
  unavailableBecause,
  type WaitingGpuPod,
} from './availability';
import {
  type FreeByNode,
  freeOnAvailableNodes,
  placePods,
  podKey,
  wantedResources,
} from './demand';
import type { GpuNodeView } from './types';

export interface MakeRoomChange {
  node: string;
  fromConfig?: string;
  toConfig: string;
  /** Resources the waiting pods ask for that the node would have more of free (how many more). */
  gained: Record<string, number>;
  /** Resources the node would stop advertising (how many fewer). */
  lost: Record<string, number>;
  /** GPU pods on the node: their GPUs stay as they are, their GPU operands restart around them. */
  gpuPods: number;
}

export interface MakeRoomPlan {
  /** Waiting pods that fit on what is free now, and still do with the changes. */
  fitNow: string[];
  /** The changes, by node name. Empty when no change would place another pod. */
  changes: MakeRoomChange[];
  /** The changes by config: one apply each. */
  steps: ConfigChangeStep[];
  /** Pods the changes would let start (`namespace/name`). */
  placed: string[];
  /** Pods that would still wait, even with the changes. */
  remaining: string[];
  /** Nodes with a config that would help but that cannot take a change now, and why. */
  leftAlone: NodeLeftOut[];
  /** Every smaller set of changes was tried (false on a fleet too large for that: found greedily). */
  minimal: boolean;
}

/** One possible change: a node, a config, and what the node would have free afterwards. */
interface Move {
  node: GpuNodeView;
  option: NodeConfigOption;
  free: Record<string, number>;
  lostTotal: number;
  /** Moves of interchangeable nodes (same model, GPUs, config, busy GPUs, free, pods) to one config. */
  classKey: string;
}

/**
 * Work the search may do, in pods tried on a node: every set tried places every pod on the nodes
 * with room, so a fleet of 1,000 nodes affords far fewer sets than a workshop's three (the page
 * computes this on the main thread).
 */
const SEARCH_WORK = 1_000_000;
/** Sets of changes tried at most, however small the cluster. */
const MAX_SETS = 20_000;

const setsAffordable = (search: Search) =>
  Math.min(
    MAX_SETS,
    Math.floor(SEARCH_WORK / Math.max(1, search.pods.length * (search.base.size + 1))),
  );

const freeAfter = (node: GpuNodeView, option: NodeConfigOption, wanted: Set<string>) => {
  const free: Record<string, number> = {};
  for (const resource of wanted) {
    const count = (option.resources[resource] ?? 0) - (node.inUse[resource] ?? 0);
    if (count > 0) free[resource] = count;
  }
  return free;
};

const lostBy = (node: GpuNodeView, option: NodeConfigOption) => {
  const lost: Record<string, number> = {};
  for (const [resource, count] of Object.entries(node.allocatable)) {
    const after = option.resources[resource] ?? 0;
    if (count > after) lost[resource] = count - after;
  }
  return lost;
};

const sum = (counts: Record<string, number>) =>
  Object.values(counts).reduce((total, count) => total + count, 0);

const raises = (after: Record<string, number>, now: Record<string, number>) =>
  Object.entries(after).some(([resource, count]) => count > (now[resource] ?? 0));

interface NodeMoves {
  moves: Move[];
  /** Set when a config would help but the node cannot take it. */
  leftAlone?: NodeLeftOut;
}

/**
 * The changes a node could take that would leave more free of something the pods ask for
 * (`wanted`); `short` is what the pods that do not fit now ask for.
 */
function movesFor(
  node: GpuNodeView,
  options: NodeConfigOption[],
  resources: { wanted: Set<string>; short: Set<string> },
  freeNow: Record<string, number>,
  groupKey: string,
): NodeMoves {
  const { wanted, short } = resources;
  // Any resource counts (a change here may give back what a change elsewhere took), but a
  // node is said to be left alone only when it could have given what the waiting pods lack.
  const helpful = options.filter((option) => raises(freeAfter(node, option, wanted), freeNow));
  const lacking = helpful.some((option) => raises(freeAfter(node, option, short), freeNow));
  if (helpful.length === 0) return { moves: [] };
  const why = unavailableBecause(node);
  if (why) return lacking ? { moves: [], leftAlone: { name: node.name, why } } : { moves: [] };
  const busy = possiblyBusyGpus(node);
  const spared = helpful.filter((option) => option.touched.every((gpu) => !busy.has(gpu)));
  if (spared.length === 0) {
    return lacking
      ? { moves: [], leftAlone: { name: node.name, why: 'gpus-in-use' } }
      : { moves: [] };
  }
  // Configs that leave the same free are the same to the pods: the one losing least stays.
  const byFree = new Map<string, Move>();
  for (const option of spared) {
    const free = freeAfter(node, option, wanted);
    const move: Move = {
      node,
      option,
      free,
      lostTotal: sum(lostBy(node, option)),
      classKey: [groupKey, [...busy].join(','), JSON.stringify(freeNow), node.pods.length].join(
        '|',
      ),
    };
    const key = JSON.stringify(Object.entries(free).sort());
    const kept = byFree.get(key);
    if (!kept || move.lostTotal < kept.lostTotal) byFree.set(key, move);
  }
  return { moves: [...byFree.values()] };
}

/** What is free once `moves` are made. */
function freeWith(base: FreeByNode, moves: Move[]): FreeByNode {
  if (moves.length === 0) return base;
  const free: FreeByNode = new Map(base);
  for (const move of moves) free.set(move.node.name, move.free);
  return free;
}

interface Candidate {
  moves: Move[];
  placed: number;
}

/** Better: more pods placed, fewer nodes, fewer GPU pods on them, less lost, then by name. */
function better(a: Candidate, b: Candidate | undefined): boolean {
  if (!b) return true;
  const pods = (moves: Move[]) => moves.reduce((total, move) => total + move.node.pods.length, 0);
  const lost = (moves: Move[]) => moves.reduce((total, move) => total + move.lostTotal, 0);
  const names = (moves: Move[]) =>
    moves.map((move) => `${move.node.name}=${move.option.toConfig}`).join(',');
  return (
    (a.placed - b.placed ||
      b.moves.length - a.moves.length ||
      pods(b.moves) - pods(a.moves) ||
      lost(b.moves) - lost(a.moves) ||
      names(b.moves).localeCompare(names(a.moves))) > 0
  );
}

interface Search {
  pods: WaitingGpuPod[];
  base: FreeByNode;
  moves: Move[];
}

const placedWith = (search: Search, moves: Move[]) =>
  placePods(search.pods, freeWith(search.base, moves)).size;

/**
 * One node of each class of interchangeable nodes, per config, that `chosen` leaves free: the
 * moves worth trying next (trying each of 500 identical nodes would say the same 500 times).
 */
function representatives(moves: Move[], chosen: Move[]): Move[] {
  const used = new Set(chosen.map((move) => move.node.name));
  const seen = new Set<string>();
  return moves.filter((move) => {
    const key = `${move.classKey}|${move.option.toConfig}`;
    if (used.has(move.node.name) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Adds the change placing most pods until none places more; then drops the ones not needed. */
function greedy(search: Search): Candidate {
  let current: Candidate = { moves: [], placed: placedWith(search, []) };
  for (;;) {
    let best: Candidate | undefined;
    for (const move of representatives(search.moves, current.moves)) {
      const moves = [...current.moves, move];
      const candidate = { moves, placed: placedWith(search, moves) };
      if (better(candidate, best)) best = candidate;
    }
    if (!best || best.placed <= current.placed) break;
    current = best;
  }
  for (const move of [...current.moves]) {
    const without = current.moves.filter((other) => other !== move);
    if (placedWith(search, without) >= current.placed) current = { ...current, moves: without };
  }
  return current;
}

/**
 * The best set of exactly `size` changes on distinct nodes, or 'over-budget' when there are more
 * sets than the budget left. Interchangeable nodes are taken in name order, so only the number
 * of nodes of a class going to each config matters.
 */
function bestOfSize(
  search: Search,
  size: number,
  budget: { left: number },
): Candidate | undefined | 'over-budget' {
  const options = representatives(search.moves, []);
  const classNodes = new Map<string, Move[]>();
  for (const move of search.moves) {
    const list = classNodes.get(move.classKey) ?? [];
    if (!list.some((other) => other.node === move.node)) list.push(move);
    classNodes.set(move.classKey, list);
  }
  // Set from inside `pick`: a holder, as the compiler does not follow assignments in closures.
  const result: { best?: Candidate } = {};
  const pick = (from: number, chosen: Move[]): boolean => {
    if (chosen.length === size) {
      if (--budget.left < 0) return false;
      const candidate = { moves: chosen, placed: placedWith(search, chosen) };
      if (better(candidate, result.best)) result.best = candidate;
      return true;
    }
    for (let index = from; index < options.length; index += 1) {
      const option = options[index];
      const used = chosen.filter((move) => move.classKey === option.classKey).length;
      const node = classNodes.get(option.classKey)?.[used]?.node;
      if (!node) continue;
      const move =
        search.moves.find(
          (candidate) =>
            candidate.node === node && candidate.option.toConfig === option.option.toConfig,
        ) ?? option;
      if (!pick(index, [...chosen, move])) return false;
    }
    return true;
  };
  return pick(0, []) ? result.best : 'over-budget';
}

/** Sets of changes there are at most: each node keeps its config or takes one of its moves. */
function setsAtMost(moves: Move[], limit: number): number {
  const perNode = new Map<string, number>();
  for (const move of moves) perNode.set(move.node.name, (perNode.get(move.node.name) ?? 1) + 1);
  let count = 1;
  for (const options of perNode.values()) {
    count *= options;
    if (count > limit) return Infinity;
  }
  return count;
}

/**
 * The best set of changes: every set when there are few enough (a small cluster), else the
 * greedy one, then every smaller set the budget allows, to find as many pods placed with fewer.
 */
function searchChanges(search: Search): { found: Candidate; minimal: boolean } {
  const affordable = setsAffordable(search);
  const budget = { left: affordable };
  const nodes = new Set(search.moves.map((move) => move.node.name)).size;
  if (setsAtMost(search.moves, affordable) <= affordable) {
    let found: Candidate = { moves: [], placed: placedWith(search, []) };
    for (let size = 1; size <= nodes; size += 1) {
      const best = bestOfSize(search, size, budget);
      if (best !== 'over-budget' && best && better(best, found)) found = best;
    }
    return { found, minimal: true };
  }
  const found = greedy(search);
  for (let size = 1; size < found.moves.length; size += 1) {
    const best = bestOfSize(search, size, budget);
    if (best === 'over-budget') return { found, minimal: false };
    if (best && best.placed >= found.placed) return { found: best, minimal: true };
  }
  return { found, minimal: true };
}

function changeOf(move: Move, freeNow: Record<string, number>): MakeRoomChange {
  const gained: Record<string, number> = {};
  for (const [resource, count] of Object.entries(move.free)) {
    if (count > (freeNow[resource] ?? 0)) gained[resource] = count - (freeNow[resource] ?? 0);
  }
  const change: MakeRoomChange = {
    node: move.node.name,
    toConfig: move.option.toConfig,
    gained,
    lost: lostBy(move.node, move.option),
    gpuPods: move.node.pods.length,
  };
  if (move.node.migConfig) change.fromConfig = move.node.migConfig;
  return change;
}

/**
 * The fewest changes that let the most waiting pods start. Undefined without a strategy or
 * config sources (no prediction possible). `nodes` must count every pod (not a project view).
 */
export function planMakeRoom(
  nodes: GpuNodeView[],
  strategy: MigStrategy | undefined,
  configSources: ConfigSourceLookup | undefined,
  waiting: WaitingGpuPod[],
): MakeRoomPlan | undefined {
  if (!strategy || !configSources) return undefined;
  const views = [...(Array.isArray(nodes) ? nodes : [])].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const pods = (Array.isArray(waiting) ? waiting : []).filter(
    (pod) => !pod.issues?.length && Object.keys(pod.resources).length > 0,
  );
  const wanted = wantedResources(pods);
  const base = freeOnAvailableNodes(views, wanted);
  const fitNow = new Set(placePods(pods, base).keys());
  const short = wantedResources(pods.filter((pod) => !fitNow.has(podKey(pod))));
  const moves: Move[] = [];
  const leftAlone: NodeLeftOut[] = [];
  const optionsByGroup = new Map<string, NodeConfigOption[]>();
  if (fitNow.size < pods.length) {
    for (const node of views) {
      const config = node.model ? configSources.forNode(node.name).config : undefined;
      if (!config) continue;
      const groupKey = predictionGroupKey(node, config);
      if (!optionsByGroup.has(groupKey)) {
        optionsByGroup.set(groupKey, nodeConfigOptions(node, config, strategy));
      }
      const options = optionsByGroup.get(groupKey) ?? [];
      const found = movesFor(node, options, { wanted, short }, base.get(node.name) ?? {}, groupKey);
      moves.push(...found.moves);
      if (found.leftAlone) leftAlone.push(found.leftAlone);
    }
  }
  const { found, minimal } = searchChanges({ pods, base, moves });
  const after = placePods(pods, freeWith(base, found.moves));
  const changes = found.moves
    .map((move) => changeOf(move, base.get(move.node.name) ?? {}))
    .sort((a, b) => a.node.localeCompare(b.node));
  const keys = (Array.isArray(waiting) ? waiting : []).map(podKey);
  return {
    // A pod that fits now but not beside the changes (another took its place) still waits.
    fitNow: keys.filter((key) => fitNow.has(key) && after.has(key)),
    changes,
    steps: stepsOf(changes),
    placed: keys.filter((key) => after.has(key) && !fitNow.has(key)),
    remaining: keys.filter((key) => !after.has(key)),
    leftAlone,
    minimal,
  };
}
