/**
 * The plugin's data pipeline in Node, on a sandbox scenario's objects (no server, no browser):
 * config sources, GPU pods by node, one view per GPU node, the cluster summary.
 *
 * - pure functions, cold: `resolveMigConfigSources`, `groupGpuPodsByNode`, `buildGpuNodeView`
 *   for every GPU node, `summarizeCluster`;
 * - through the page's hook (`useNodeViewCache` and the summary, rendered with react-dom on
 *   jsdom), as the console feeds it: a cold build with every list complete; one changed node; one
 *   changed pod; a burst of every GPU node changed at once; and the lists arriving as the console
 *   delivers them (pages of 250 items, nodes, pods and ConfigMaps in turn), each page one update;
 * - growth: `NodeViewIndex`'s cold build on 1/5 … 5/5 of the scenario in one heap.
 *
 * Prints CPU time (the process's, the work itself) and wall time (which on a shared machine also
 * counts the waits for a core), medians of `--repeat` runs; never asserts on time.
 *
 *   npx tsx --tsconfig bench/tsconfig.pipeline.json bench/pipeline.ts [--scenario large]
 *     [--scenario xlarge] [--repeat 5]
 */
import { JSDOM } from 'jsdom';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { GpuOperatorSimulation, CLUSTER_POLICY_KEY, OPERATOR_NAMESPACE } from '../sandbox/operator';
import { PodLogs } from '../sandbox/podLogs';
import { buildCluster, loadScenario } from '../sandbox/scenario';
import { ObjectStore } from '../sandbox/store';
import type { ClusterPolicyKind, ConfigMapKind, NodeKind, PodKind } from '../src/cluster/models';

const PAGE_SIZE = 250;
const STRATEGY_LABEL = 'nvidia.com/mig.strategy';

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
const ms = (value: number) =>
  value < 10 ? `${value.toFixed(2)} ms` : `${Math.round(value).toLocaleString('en-US')} ms`;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Wall clock and the process's CPU time. On a machine shared by many, wall time includes the
 * waits for a core; CPU time is the work itself (plus the garbage collector's helper threads).
 */
interface Sample {
  wall: number;
  cpu: number;
}
const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const timed = <T>(work: () => T): [T, Sample] => {
  const wall = performance.now();
  const cpu = cpuNow();
  const result = work();
  return [result, { wall: performance.now() - wall, cpu: cpuNow() - cpu }];
};
/** `median CPU (wall median)` of samples; with `max`, the largest CPU time too. */
const figure = (samples: Sample[], { max = false } = {}) =>
  `CPU ${ms(median(samples.map((sample) => sample.cpu)))}` +
  (max ? `, max ${ms(Math.max(...samples.map((sample) => sample.cpu)))}` : '') +
  ` (wall ${ms(median(samples.map((sample) => sample.wall)))})`;
const total = (samples: Sample[]): Sample => ({
  wall: samples.reduce((sum, sample) => sum + sample.wall, 0),
  cpu: samples.reduce((sum, sample) => sum + sample.cpu, 0),
});

interface ClusterInput {
  nodes: NodeKind[];
  pods: PodKind[];
  configMaps: ConfigMapKind[];
  clusterPolicy: ClusterPolicyKind;
}

/** The objects the page's watches deliver: GPU nodes, active pods, the operator's ConfigMaps. */
const scenarioObjects = (scenario: string): ClusterInput => {
  const store = new ObjectStore();
  const logs = new PodLogs();
  const operator = new GpuOperatorSimulation({
    store,
    logs,
    reconfigureDelayMs: 2000,
    rebootOnModeChange: false,
  });
  buildCluster(loadScenario(scenario), { store, logs, operator });
  return {
    nodes: store
      .list('nodes')
      .filter((node) => node.metadata.labels?.['nvidia.com/gpu.present'] === 'true') as NodeKind[],
    pods: store
      .list('pods')
      .filter(
        (pod) =>
          !['Succeeded', 'Failed'].includes(
            String((pod.status as { phase?: unknown } | undefined)?.phase ?? ''),
          ),
      ) as PodKind[],
    configMaps: store.list('configmaps', OPERATOR_NAMESPACE) as ConfigMapKind[],
    clusterPolicy: store.list(CLUSTER_POLICY_KEY)[0] as ClusterPolicyKind,
  };
};

/** A node as the next watch event brings it: a label changed, a new resourceVersion. */
const changedNode = (node: NodeKind, value: string): NodeKind => ({
  ...node,
  metadata: {
    ...node.metadata,
    resourceVersion: `${node.metadata?.resourceVersion ?? '0'}1`,
    labels: { ...node.metadata?.labels, [STRATEGY_LABEL]: value },
  },
});

const changedPod = (pod: PodKind): PodKind => ({
  ...pod,
  metadata: {
    ...pod.metadata,
    resourceVersion: `${pod.metadata?.resourceVersion ?? '0'}1`,
    labels: { ...pod.metadata?.labels, touched: 'yes' },
  },
});

const pages = <T>(items: T[]) =>
  Array.from({ length: Math.ceil(items.length / PAGE_SIZE) }, (_, index) =>
    items.slice(0, (index + 1) * PAGE_SIZE),
  );

const pureFunctions = async (input: ClusterInput, repeat: number) => {
  const { resolveMigConfigSources } = await import('../src/cluster/configSource');
  const { groupGpuPodsByNode } = await import('../src/cluster/pods');
  const { buildGpuNodeView } = await import('../src/cluster/nodeView');
  const { summarizeCluster } = await import('../src/cluster/summary');
  const { readStrategy } = await import('../src/cluster/configSource');
  const strategy = readStrategy(input.clusterPolicy).strategy;
  const steps: Record<string, Sample[]> = { sources: [], pods: [], views: [], summary: [] };
  for (let run = 0; run < repeat; run++) {
    const [sources, sourcesMs] = timed(() =>
      resolveMigConfigSources({ clusterPolicy: input.clusterPolicy, configMaps: input.configMaps }),
    );
    const [podsByNode, podsMs] = timed(() => groupGpuPodsByNode(input.pods));
    const now = new Date();
    const [views, viewsMs] = timed(() =>
      input.nodes.map((node) =>
        buildGpuNodeView({
          node,
          pods: podsByNode.get(node.metadata?.name ?? '') ?? [],
          ...(strategy ? { strategy } : {}),
          configSource: sources.forNode(node.metadata?.name ?? ''),
          now,
        }),
      ),
    );
    const [, summaryMs] = timed(() => summarizeCluster(views, strategy));
    steps.sources.push(sourcesMs);
    steps.pods.push(podsMs);
    steps.views.push(viewsMs);
    steps.summary.push(summaryMs);
  }
  const runs = steps.sources.map((_, run) =>
    total(Object.values(steps).map((values) => values[run])),
  );
  console.log(
    `pure functions, all rebuilt (median of ${repeat}, caches warm): ` +
      `config sources ${figure(steps.sources)}, pods by node ${figure(steps.pods)}, ` +
      `${input.nodes.length} node views ${figure(steps.views)}, summary ${figure(steps.summary)}; ` +
      `total ${figure(runs)} [load ${load()}]`,
  );
};

/** Renders the hooks with react-dom on jsdom; each `update` is one synchronous render. */
const hookHarness = async () => {
  const dom = new JSDOM('<!doctype html><div id="root"></div>', { pretendToBeVisual: true });
  Object.assign(globalThis, {
    window: dom.window,
    document: dom.window.document,
    navigator: dom.window.navigator,
    requestAnimationFrame: dom.window.requestAnimationFrame.bind(dom.window),
    cancelAnimationFrame: dom.window.cancelAnimationFrame.bind(dom.window),
  });
  const React = await import('react');
  const ReactDOM = await import('react-dom');
  const { act } = await import('react-dom/test-utils');
  const { usePipeline } = await import('./support/pipelineHook');
  const root = dom.window.document.getElementById('root');
  let latest: unknown;
  const Pipeline = (props: { input: ClusterInput }) => {
    latest = usePipeline(React, props.input);
    return null;
  };
  return {
    /** One update, effects included. */
    update(input: ClusterInput): Sample {
      return timed(() =>
        act(() => {
          ReactDOM.render(React.createElement(Pipeline, { input }), root);
        }),
      )[1];
    },
    latest: () => latest,
    unmount() {
      act(() => {
        ReactDOM.unmountComponentAtNode(root!);
      });
    },
  };
};

/** `NodeViewIndex` (what the hook keeps) without React: config sources, views, summary. */
const throughIndex = async (input: ClusterInput, repeat: number) => {
  const { NodeViewIndex } = await import('../src/cluster/nodeViewIndex');
  const { readStrategy, resolveMigConfigSources } = await import('../src/cluster/configSource');
  const strategy = readStrategy(input.clusterPolicy).strategy;
  const now = new Date();
  // Config sources resolved once per ConfigMap list, as useMigConfigSource memoises them.
  let sources:
    { configMaps: unknown; resolved: ReturnType<typeof resolveMigConfigSources> } | undefined;
  const run = (index: InstanceType<typeof NodeViewIndex>, data: ClusterInput) => {
    if (sources?.configMaps !== data.configMaps) {
      sources = {
        configMaps: data.configMaps,
        resolved: resolveMigConfigSources({
          clusterPolicy: data.clusterPolicy,
          configMaps: data.configMaps,
        }),
      };
    }
    const resolved = sources.resolved;
    return index.update({ nodes: data.nodes, pods: data.pods, strategy, sources: resolved, now });
  };
  const cold: Sample[] = [];
  for (let round = 0; round < repeat; round++) {
    sources = undefined;
    cold.push(timed(() => run(new NodeViewIndex(), input))[1]);
  }
  const index = new NodeViewIndex();
  run(index, input);
  let current = input;
  const oneNode: Sample[] = [];
  for (let round = 0; round < repeat * 4; round++) {
    const position = (round * 37) % current.nodes.length;
    const nodes = current.nodes.slice();
    nodes[position] = changedNode(nodes[position], round % 2 ? 'mixed' : 'single');
    current = { ...current, nodes };
    oneNode.push(timed(() => run(index, current))[1]);
  }
  console.log(
    `NodeViewIndex (config sources, pods by node, views, summary; no React): cold build ` +
      `${figure(cold)}; one changed node ${figure(oneNode, { max: true })} [load ${load()}]`,
  );
};

const throughHook = async (input: ClusterInput, repeat: number) => {
  const harness = await hookHarness();
  const cold: Sample[] = [];
  for (let run = 0; run < repeat; run++) {
    cold.push(harness.update({ ...input }));
    harness.unmount();
  }
  console.log(
    `hook, cold build with every list complete: first CPU ${ms(cold[0].cpu)} (wall ${ms(cold[0].wall)}; ` +
      `empty caches), then ${figure(cold.slice(1))} [load ${load()}]`,
  );

  harness.update(input);
  let current = input;
  const oneNode: Sample[] = [];
  for (let run = 0; run < repeat * 4; run++) {
    const index = (run * 37) % current.nodes.length;
    const nodes = current.nodes.slice();
    nodes[index] = changedNode(nodes[index], run % 2 ? 'mixed' : 'single');
    current = { ...current, nodes };
    oneNode.push(harness.update(current));
  }
  const onePod: Sample[] = [];
  for (let run = 0; run < repeat * 4; run++) {
    const index = (run * 101) % current.pods.length;
    const pods = current.pods.slice();
    pods[index] = changedPod(pods[index]);
    current = { ...current, pods };
    onePod.push(harness.update(current));
  }
  console.log(
    `hook, one changed node: ${figure(oneNode, { max: true })}; ` +
      `one changed pod: ${figure(onePod, { max: true })} [load ${load()}]`,
  );

  const bursts: Sample[] = [];
  for (let run = 0; run < repeat; run++) {
    current = {
      ...current,
      nodes: current.nodes.map((node) => changedNode(node, run % 2 ? 'mixed' : 'single')),
    };
    bursts.push(harness.update(current));
  }
  console.log(
    `hook, all ${input.nodes.length} nodes changed in one update (a watch burst): ` +
      `${figure(bursts, { max: true })} [load ${load()}]`,
  );
  harness.unmount();

  // The lists as the console loads them: page by page, nodes, pods and ConfigMaps in turn.
  const nodePages = pages(input.nodes);
  const podPages = pages(input.pods);
  const configMapPages = pages(input.configMaps);
  const updates = Math.max(nodePages.length, podPages.length, configMapPages.length);
  const loading: Sample[] = [];
  let step: ClusterInput = { ...input, nodes: [], pods: [], configMaps: [] };
  for (let index = 0; index < updates; index++) {
    for (const key of ['nodes', 'pods', 'configMaps'] as const) {
      const list = { nodes: nodePages, pods: podPages, configMaps: configMapPages }[key];
      if (index >= list.length) continue;
      step = { ...step, [key]: list[index] };
      loading.push(harness.update(step));
    }
  }
  harness.unmount();
  console.log(
    `hook, lists arriving in pages of ${PAGE_SIZE} (${nodePages.length} node, ${podPages.length} pod, ` +
      `${configMapPages.length} ConfigMap pages; ${loading.length} updates): total CPU ` +
      `${ms(total(loading).cpu)} (wall ${ms(total(loading).wall)}), the longest update CPU ` +
      `${ms(Math.max(...loading.map((sample) => sample.cpu)))} [load ${load()}]`,
  );
};

/**
 * How the cold build grows with the cluster, in one process and one heap: `NodeViewIndex` on the
 * first 1/5, 2/5, … of the scenario's GPU nodes with their pods. Comparing scenarios run one after
 * the other also compares heaps of different sizes (the sandbox's store lives in this process, and
 * garbage collection costs grow with it); this holds the heap still and varies only the input.
 */
const growth = async (input: ClusterInput, repeat: number) => {
  const { NodeViewIndex } = await import('../src/cluster/nodeViewIndex');
  const { readStrategy, resolveMigConfigSources } = await import('../src/cluster/configSource');
  const strategy = readStrategy(input.clusterPolicy).strategy;
  const sources = resolveMigConfigSources({
    clusterPolicy: input.clusterPolicy,
    configMaps: input.configMaps,
  });
  const now = new Date();
  const parts: string[] = [];
  for (let fifth = 1; fifth <= 5; fifth++) {
    const nodes = input.nodes.slice(0, Math.round((input.nodes.length * fifth) / 5));
    const names = new Set(nodes.map((node) => node.metadata?.name));
    const pods = input.pods.filter((pod) => !pod.spec?.nodeName || names.has(pod.spec.nodeName));
    const samples: Sample[] = [];
    for (let round = 0; round < repeat; round++) {
      samples.push(
        timed(() => new NodeViewIndex().update({ nodes, pods, strategy, sources, now }))[1],
      );
    }
    const cpu = median(samples.map((sample) => sample.cpu));
    parts.push(
      `${nodes.length} nodes CPU ${ms(cpu)} (${((cpu * 1000) / nodes.length).toFixed(0)} µs a node)`,
    );
  }
  console.log(
    `NodeViewIndex cold build as the input grows (one heap): ${parts.join(', ')} [load ${load()}]`,
  );
};

const main = async () => {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', multiple: true, default: ['large'] },
      repeat: { type: 'string', default: '5' },
      // To measure a checkout from before NodeViewIndex existed.
      'skip-index': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const repeat = Math.max(1, Number(values.repeat));
  for (const scenario of values.scenario!) {
    const [input, built] = timed(() => scenarioObjects(scenario));
    console.log(
      `\n== ${scenario}: ${input.nodes.length} GPU nodes, ${input.pods.length} active pods, ` +
        `${input.configMaps.length} ConfigMaps (scenario built in ${ms(built.wall)})`,
    );
    // The hook first: its first build pays the prediction caches, as a page's first load does.
    await throughHook(input, repeat);
    if (!values['skip-index']) await throughIndex(input, repeat);
    await pureFunctions(input, repeat);
    if (!values['skip-index']) await growth(input, repeat);
  }
};

main().then(
  // jsdom's animation frames would keep the process alive.
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
