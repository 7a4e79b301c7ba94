/**
 * A mini scheduler: binds pods that name no node to a node with room, the way kube-scheduler's
 * filters decide for the resources the sandbox models (extended `nvidia.com/*` resources against
 * allocatable), cordoned nodes, taints and `nodeSelector`. Pods that fit nowhere stay Pending with
 * the scheduler's `Unschedulable` condition and are retried whenever nodes or pods change.
 */
import { gpuRequestsOf } from './gpuRequests';
import { runningStatus } from './operator';
import type { KubeObject, ObjectStore, StoreEvent } from './store';

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

function tolerates(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((toleration) => {
    if (toleration.effect && toleration.effect !== taint.effect) return false;
    if (toleration.operator === 'Exists') return !toleration.key || toleration.key === taint.key;
    return toleration.key === taint.key && (toleration.value ?? '') === (taint.value ?? '');
  });
}

function isActive(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

export class MiniScheduler {
  private unsubscribe?: () => void;
  private scheduled = false;
  private stopped = false;

  constructor(private readonly store: ObjectStore) {}

  start(): void {
    this.stopped = false;
    this.unsubscribe = this.store.subscribe((event) => this.onEvent(event));
    this.scheduleSoon();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
  }

  private onEvent(event: StoreEvent): void {
    if (event.key === 'pods' || event.key === 'nodes') this.scheduleSoon();
  }

  /** Batches bursts of changes into one scheduling pass. */
  private scheduleSoon(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (!this.stopped) this.schedulePending();
    });
  }

  /** One pass over every unbound pod, oldest first. */
  schedulePending(): void {
    const pods = this.store.list('pods');
    const pending = pods
      .filter((pod) => !(pod.spec as { nodeName?: string }).nodeName && isActive(pod))
      .sort((a, b) =>
        String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)),
      );
    if (pending.length === 0) return;
    const nodes = this.store.list('nodes');
    const used = new Map<string, Record<string, number>>();
    for (const pod of pods) {
      const nodeName = (pod.spec as { nodeName?: string }).nodeName;
      if (!nodeName || !isActive(pod)) continue;
      const totals = used.get(nodeName) ?? {};
      for (const [resource, count] of Object.entries(gpuRequestsOf(pod)))
        totals[resource] = (totals[resource] ?? 0) + count;
      used.set(nodeName, totals);
    }
    for (const pod of pending) this.scheduleOne(pod, nodes, used);
  }

  private scheduleOne(
    pod: KubeObject,
    nodes: KubeObject[],
    used: Map<string, Record<string, number>>,
  ): void {
    const spec = pod.spec as { nodeSelector?: Record<string, string>; tolerations?: Toleration[] };
    const requests = gpuRequestsOf(pod);
    const reasons = new Map<string, number>();
    const count = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    let chosen: KubeObject | undefined;
    for (const node of nodes) {
      const nodeSpec = node.spec as { unschedulable?: boolean; taints?: Taint[] } | undefined;
      if (nodeSpec?.unschedulable) {
        count('node(s) were unschedulable');
        continue;
      }
      const untolerated = (nodeSpec?.taints ?? []).find(
        (taint) => taint.effect !== 'PreferNoSchedule' && !tolerates(spec.tolerations ?? [], taint),
      );
      if (untolerated) {
        count(`node(s) had untolerated taint {${untolerated.key}: ${untolerated.value ?? ''}}`);
        continue;
      }
      const labels = node.metadata.labels ?? {};
      if (Object.entries(spec.nodeSelector ?? {}).some(([key, value]) => labels[key] !== value)) {
        count("node(s) didn't match Pod's node affinity/selector");
        continue;
      }
      const allocatable =
        (node.status as { allocatable?: Record<string, string> } | undefined)?.allocatable ?? {};
      const inUse = used.get(node.metadata.name ?? '') ?? {};
      const short = Object.entries(requests)
        .filter(
          ([resource, wanted]) =>
            wanted > Number(allocatable[resource] ?? 0) - (inUse[resource] ?? 0),
        )
        .map(([resource]) => resource)
        .sort();
      if (short.length > 0) {
        for (const resource of short) count(`Insufficient ${resource}`);
        continue;
      }
      chosen = node;
      break;
    }
    const name = pod.metadata.name ?? '';
    const namespace = pod.metadata.namespace;
    if (!chosen) {
      const parts = [...reasons.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([reason, number]) => `${number} ${reason}`);
      const message = `0/${nodes.length} nodes are available: ${parts.join(', ')}. preemption: 0/${nodes.length} nodes are available: ${nodes.length} Preemption is not helpful for scheduling.`;
      this.store.mutate('pods', namespace, name, (current) => {
        const status = (current.status ??= {}) as {
          phase?: string;
          conditions?: Record<string, unknown>[];
        };
        const existing = status.conditions?.find((condition) => condition.type === 'PodScheduled');
        if (existing?.message === message) return;
        status.phase = 'Pending';
        status.conditions = [
          ...(status.conditions ?? []).filter((condition) => condition.type !== 'PodScheduled'),
          {
            type: 'PodScheduled',
            status: 'False',
            reason: 'Unschedulable',
            message,
            lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
          },
        ];
      });
      return;
    }
    const nodeName = chosen.metadata.name ?? '';
    const totals = used.get(nodeName) ?? {};
    for (const [resource, wanted] of Object.entries(requests))
      totals[resource] = (totals[resource] ?? 0) + wanted;
    used.set(nodeName, totals);
    this.store.mutate('pods', namespace, name, (current) => {
      (current.spec as { nodeName?: string }).nodeName = nodeName;
      const containers =
        (current.spec as { containers?: { name: string; image: string }[] }).containers ?? [];
      const status = runningStatus(this.store, nodeName);
      status.qosClass =
        (current.status as { qosClass?: string } | undefined)?.qosClass ?? 'BestEffort';
      status.podIP = `10.128.${Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
      status.containerStatuses = containers.map((container) => ({
        name: container.name,
        image: container.image,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: status.startTime } },
      }));
      current.status = status;
    });
  }
}
