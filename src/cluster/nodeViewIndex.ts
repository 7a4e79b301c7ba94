/**
 * The views of every GPU node, kept up to date as the watches deliver lists and changes: a node's
 * view is rebuilt only when its inputs changed (its resourceVersion, its GPU pods, its config
 * source's content, the strategy; for a pending node the minute and when the page first saw it
 * pending), otherwise the previous view object is kept, so a list page or a burst of events costs
 * what changed, not the whole fleet. The views come sorted by name, and the same array (and
 * summary) as before when nothing changed. Pure, no React.
 *
 * A `deadline` lets a caller build a large batch in slices: views not built in time keep their
 * previous version (or are left out when they have none) and are built by the next update.
 */
import type { MigStrategy } from '../geometry/types';
import type { ClusterMigConfigSources, ResolvedMigConfigSource } from './configSource';
import { MIG_CONFIG_STATE_LABEL } from './labels';
import type { NodeKind, PodKind } from './models';
import { buildGpuNodeView } from './nodeView';
import { GpuPodGrouping } from './pods';
import { ClusterSummaryBuilder } from './summary';
import type { ClusterGpuSummary, GpuNodeView, GpuPodUsage } from './types';

export interface NodeViewIndexInput {
  nodes: readonly NodeKind[];
  /** Active pods (of these nodes or of the whole cluster). */
  pods: readonly PodKind[];
  strategy?: MigStrategy;
  sources: ClusterMigConfigSources;
  /** Read to the minute: pending nodes are re-judged (stuck or not) once a minute. */
  now: Date;
  /** When this page first saw the node pending, if it did (`migStateHistory.pendingSince`). */
  firstSeenPending?: (nodeName: string) => string | undefined;
}

export interface NodeViewIndexOptions {
  /** `performance.now()` after which this update builds no more views... */
  deadline?: number;
  /** ...once it has built this many (default 1): small batches are never cut. */
  minBuilds?: number;
}

export interface NodeViews {
  /** One per node object, sorted by name. The previous array when no view changed. */
  views: GpuNodeView[];
  /** `summarizeCluster(views, strategy)`; the previous object when neither changed. */
  summary: ClusterGpuSummary;
  /** Nodes left for the next update by the deadline: showing their previous view, or none. */
  outdated: number;
  missing: number;
}

interface Entry {
  node: NodeKind;
  name: string;
  pods: GpuPodUsage[];
  sources: ClusterMigConfigSources;
  sourceKey: string;
  strategy: MigStrategy | undefined;
  /** `minute|first seen` while the view is pending, else ''. */
  pendingKey: string;
  view: GpuNodeView;
}

const NO_PODS: GpuPodUsage[] = [];
const byName = new Intl.Collator();

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;
const objectId = (value: object): number => {
  let id = objectIds.get(value);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(value, id);
  }
  return id;
};

// By content: a new ConfigMap list or policy that resolves a node to the same parsed file (parsing
// is cached by text) and the same description keeps the node's view.
const sourceKeys = new WeakMap<ResolvedMigConfigSource, string>();
const sourceKey = (source: ResolvedMigConfigSource): string => {
  let key = sourceKeys.get(source);
  if (key === undefined) {
    key = `${source.config ? objectId(source.config) : 'none'}|${JSON.stringify(source.view)}`;
    sourceKeys.set(source, key);
  }
  return key;
};

const nodeName = (node: NodeKind): string =>
  typeof node.metadata?.name === 'string' ? node.metadata.name : '';

export class NodeViewIndex {
  private readonly grouping = new GpuPodGrouping();
  private readonly summaries = new ClusterSummaryBuilder();
  private entries = new Map<string, Entry>();
  /** Keys of `entries`, sorted as the views are. */
  private sortedKeys: string[] = [];
  private last?: {
    input: NodeViewIndexInput;
    podsByNode: ReadonlyMap<string, GpuPodUsage[]>;
    minute: number;
    result: NodeViews;
  };

  update(input: NodeViewIndexInput, options: NodeViewIndexOptions = {}): NodeViews {
    const minute = Math.floor(input.now.getTime() / 60_000);
    // A page of pods without GPU pods, or pods changed in ways no view shows: the same grouping.
    const podsByNode = this.grouping.group(input.pods);
    if (this.last && this.isSameInput(input, podsByNode, minute)) return this.last.result;
    const next = new Map<string, Entry>();
    let rebuilt = 0;
    let kept = 0;
    let outdated = 0;
    let missing = 0;
    input.nodes.forEach((node, index) => {
      if (!node || typeof node !== 'object') return;
      const name = nodeName(node);
      const key = next.has(name) ? `${name}\u0000${index}` : name;
      const previous = this.entries.get(key);
      const pods = podsByNode.get(name) ?? NO_PODS;
      const current = previous && this.stillCurrent(previous, node, pods, input, minute);
      if (current) {
        next.set(key, current);
        kept += 1;
        return;
      }
      if (
        options.deadline !== undefined &&
        rebuilt >= Math.max(1, options.minBuilds ?? 1) &&
        performance.now() > options.deadline
      ) {
        if (previous) {
          next.set(key, previous);
          kept += 1;
          outdated += 1;
        } else missing += 1;
        return;
      }
      next.set(key, this.build(node, name, pods, input, minute));
      rebuilt += 1;
    });
    const sameKeys = kept === this.entries.size && next.size === kept;
    if (!sameKeys) this.sortedKeys = this.sortKeys(next);
    this.entries = next;
    const unchanged = sameKeys && rebuilt === 0 && this.last !== undefined;
    const views = unchanged
      ? this.last!.result.views
      : this.sortedKeys.map((key) => next.get(key)!.view);
    const summary =
      unchanged && this.last!.input.strategy === input.strategy
        ? this.last!.result.summary
        : this.summaries.summarize(views, input.strategy);
    const result: NodeViews = { views, summary, outdated, missing };
    this.last = { input, podsByNode, minute, result };
    return result;
  }

  private isSameInput(
    input: NodeViewIndexInput,
    podsByNode: ReadonlyMap<string, GpuPodUsage[]>,
    minute: number,
  ): boolean {
    const last = this.last!;
    return (
      last.input.nodes === input.nodes &&
      last.podsByNode === podsByNode &&
      last.input.strategy === input.strategy &&
      last.input.sources === input.sources &&
      last.minute === minute &&
      last.result.outdated === 0 &&
      last.result.missing === 0
    );
  }

  /** The entry, brought up to date without a rebuild, or undefined when the view must be rebuilt. */
  private stillCurrent(
    entry: Entry,
    node: NodeKind,
    pods: GpuPodUsage[],
    input: NodeViewIndexInput,
    minute: number,
  ): Entry | undefined {
    const version = node.metadata?.resourceVersion;
    const sameNode =
      entry.node === node ||
      (version !== undefined &&
        version === entry.node.metadata?.resourceVersion &&
        nodeName(node) === entry.name);
    if (!sameNode || entry.pods !== pods || entry.strategy !== input.strategy) return undefined;
    if (
      entry.sources !== input.sources &&
      sourceKey(input.sources.forNode(entry.name)) !== entry.sourceKey
    ) {
      return undefined;
    }
    if (
      entry.view.migConfigState === 'pending' &&
      pendingKey(minute, input.firstSeenPending?.(entry.name)) !== entry.pendingKey
    ) {
      return undefined;
    }
    return entry.node === node && entry.sources === input.sources
      ? entry
      : { ...entry, node, sources: input.sources };
  }

  private build(
    node: NodeKind,
    name: string,
    pods: GpuPodUsage[],
    input: NodeViewIndexInput,
    minute: number,
  ): Entry {
    const source = input.sources.forNode(name);
    const pending = node.metadata?.labels?.[MIG_CONFIG_STATE_LABEL] === 'pending';
    const firstSeen = pending ? firstSeenOrNow(minute, input.firstSeenPending?.(name)) : undefined;
    const view = buildGpuNodeView({
      node,
      pods,
      ...(input.strategy ? { strategy: input.strategy } : {}),
      configSource: source,
      now: new Date(minute * 60_000),
      ...(firstSeen ? { firstSeenPending: firstSeen } : {}),
    });
    return {
      node,
      name,
      pods,
      sources: input.sources,
      sourceKey: sourceKey(source),
      strategy: input.strategy,
      pendingKey:
        view.migConfigState === 'pending' ? pendingKey(minute, input.firstSeenPending?.(name)) : '',
      view,
    };
  }

  /** Sorted by view name (ties: input order): the kept order, with the new keys merged in. */
  private sortKeys(next: Map<string, Entry>): string[] {
    const compare = (a: string, b: string) =>
      byName.compare(next.get(a)!.view.name, next.get(b)!.view.name);
    const kept = this.sortedKeys.filter((key) => next.has(key));
    const keptSet = new Set(kept);
    const added = [...next.keys()].filter((key) => !keptSet.has(key)).sort(compare);
    if (added.length === 0) return kept;
    // A view's name can change only with its node, so the kept keys are still in order.
    const merged: string[] = [];
    let k = 0;
    for (const key of added) {
      while (k < kept.length && compare(kept[k], key) <= 0) merged.push(kept[k++]);
      merged.push(key);
    }
    while (k < kept.length) merged.push(kept[k++]);
    return merged;
  }
}

function firstSeenOrNow(minute: number, firstSeen: string | undefined): string {
  return firstSeen ?? new Date(minute * 60_000).toISOString();
}

function pendingKey(minute: number, firstSeen: string | undefined): string {
  return `${minute}|${firstSeenOrNow(minute, firstSeen)}`;
}
