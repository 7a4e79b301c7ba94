import fc from 'fast-check';
import {
  A100_80,
  builtIn,
  demandFleet,
  fleetNode,
  ONE_G,
  pendingPod,
  sources,
  THREE_G,
  TWO_G,
  usage,
  waiting,
} from './__fixtures__/fleet';
import { findModel } from '../geometry/catalog';
import { listConfigNames } from '../geometry/migParted';
import { predictNodeAfterConfig } from '../geometry/predictConfig';
import { podKey } from './demand';
import { planMakeRoom } from './makeRoom';

const SEVEN_G = 'nvidia.com/mig-7g.80gb';
const A100 = findModel('a100-80gb')!;

/** What a one-GPU A100 80GB node advertises under `configName` (NVIDIA's default configs). */
function advertised(configName: string): Record<string, number> {
  const prediction = predictNodeAfterConfig({
    config: builtIn.config!,
    configName,
    strategy: 'mixed',
    product: A100_80,
    gpus: [{ index: 0, deviceId: A100.pciDeviceIds[0], model: A100 }],
  });
  return prediction.applicable && !prediction.advertisement?.invalid
    ? (prediction.advertisement?.resources ?? {})
    : {};
}

const CONFIGS = listConfigNames(builtIn.config!).filter(
  (name) => Object.keys(advertised(name)).length > 0,
);

describe('planMakeRoom', () => {
  it('puts all-3g.40gb on the idle node, leaves the busy ones alone, and places both pods', () => {
    const pods = waiting(
      pendingPod('llm-finetune-0', { [THREE_G]: '1' }),
      pendingPod('llm-finetune-1', { [THREE_G]: '1' }),
    );
    const plan = planMakeRoom(demandFleet(), 'mixed', sources, pods);
    expect(plan).toEqual({
      fitNow: [],
      changes: [
        {
          node: 'gpu-node-3',
          fromConfig: 'all-1g.10gb',
          toConfig: 'all-3g.40gb',
          gained: { [THREE_G]: 2 },
          lost: { [ONE_G]: 7 },
          gpuPods: 0,
        },
      ],
      steps: [{ toConfig: 'all-3g.40gb', nodes: ['gpu-node-3'] }],
      placed: ['ml-team/llm-finetune-0', 'ml-team/llm-finetune-1'],
      remaining: [],
      leftAlone: [
        { name: 'gpu-node-1', why: 'gpus-in-use' },
        { name: 'gpu-node-2', why: 'gpus-in-use' },
      ],
      minimal: true,
    });
  });

  it('weighs every profile the pods wait for together, not one at a time', () => {
    // One 3g.40gb and two 1g.10gb wait; all-balanced gives both kinds on one node, where
    // all-3g.40gb would take the 1g.10gb slices the other pods need.
    const idle = fleetNode({
      name: 'idle',
      product: A100_80,
      gpus: 1,
      config: 'all-2g.20gb',
      allocatable: { [TWO_G]: 3 },
    });
    const pods = waiting(
      pendingPod('big', { [THREE_G]: '1' }),
      pendingPod('small', { [ONE_G]: '2' }, '2026-11-25T10:01:00Z'),
    );
    const plan = planMakeRoom([idle], 'mixed', sources, pods);
    expect(plan?.changes.map((change) => change.toConfig)).toEqual(['all-balanced']);
    expect(plan?.placed).toEqual(['ml-team/big', 'ml-team/small']);
  });

  it('says which pods still wait when nothing can place them, and needs no change for pods that fit', () => {
    const pods = waiting(
      pendingPod('fits', { [ONE_G]: '1' }),
      pendingPod('too-big', { 'nvidia.com/mig-3g.20gb': '1' }),
    );
    const plan = planMakeRoom(demandFleet(), 'mixed', sources, pods);
    expect(plan).toMatchObject({
      fitNow: ['ml-team/fits'],
      changes: [],
      placed: [],
      remaining: ['ml-team/too-big'],
    });
    expect(planMakeRoom(demandFleet(), undefined, sources, pods)).toBeUndefined();
  });

  it('leaves cordoned nodes alone and says so', () => {
    const cordoned = fleetNode({
      name: 'cordoned',
      product: A100_80,
      gpus: 1,
      config: 'all-1g.10gb',
      allocatable: { [ONE_G]: 7 },
      cordoned: true,
    });
    const plan = planMakeRoom(
      [cordoned],
      'mixed',
      sources,
      waiting(pendingPod('p', { [THREE_G]: '1' })),
    );
    expect(plan).toMatchObject({
      changes: [],
      remaining: ['ml-team/p'],
      leftAlone: [{ name: 'cordoned', why: 'cordoned' }],
    });
  });
});

interface NodeSpec {
  config: string;
  busy: boolean;
  cordoned: boolean;
}

const nodeSpec = fc.record({
  config: fc.constantFrom('all-1g.10gb', 'all-2g.20gb', 'all-3g.40gb', 'all-balanced'),
  busy: fc.boolean(),
  cordoned: fc.integer({ min: 0, max: 9 }).map((value) => value < 2),
});
const podSpec = fc.tuple(
  fc.constantFrom(ONE_G, TWO_G, THREE_G, SEVEN_G),
  fc.integer({ min: 1, max: 2 }),
);

function buildFleet(specs: NodeSpec[]) {
  return specs.map((spec, index) => {
    const name = `n${index}`;
    const allocatable = advertised(spec.config);
    const held = Object.keys(allocatable)[0];
    return fleetNode({
      name,
      product: A100_80,
      gpus: 1,
      config: spec.config,
      allocatable,
      cordoned: spec.cordoned,
      pods: spec.busy ? [usage(`${name}-job`, name, held)] : [],
    });
  });
}

/** Oldest first, each on the node with least left over (first by name on a tie): how many start. */
function placedCount(asks: Array<[string, number]>, free: Array<Record<string, number>>): number {
  const left = free.map((counts) => ({ ...counts }));
  let placed = 0;
  for (const [resource, count] of asks) {
    const fitting = left.filter((counts) => (counts[resource] ?? 0) >= count);
    if (fitting.length === 0) continue;
    const tightest = Math.min(...fitting.map((counts) => counts[resource]));
    fitting.find((counts) => counts[resource] === tightest)![resource] -= count;
    placed += 1;
  }
  return placed;
}

/** Free on each node when `assignment[i]` (a config, or undefined: unchanged) is applied. */
function freeAfter(specs: NodeSpec[], assignment: Array<string | undefined>) {
  return specs.map((spec, index) => {
    if (spec.cordoned) return {};
    const counts = { ...advertised(assignment[index] ?? spec.config) };
    if (spec.busy) counts[Object.keys(advertised(spec.config))[0]] -= 1;
    return counts;
  });
}

function* assignments(specs: NodeSpec[], at = 0): Generator<Array<string | undefined>> {
  if (at === specs.length) {
    yield [];
    return;
  }
  const spec = specs[at];
  const choices =
    spec.busy || spec.cordoned
      ? [undefined]
      : [undefined, ...CONFIGS.filter((name) => name !== spec.config)];
  for (const rest of assignments(specs, at + 1))
    for (const choice of choices) yield [choice, ...rest];
}

describe('planMakeRoom on random small fleets', () => {
  it('changes only idle schedulable nodes, places what it says, and no other set does better', () => {
    fc.assert(
      fc.property(
        fc.array(nodeSpec, { minLength: 1, maxLength: 3 }),
        fc.array(podSpec, { minLength: 1, maxLength: 4 }),
        (specs, asks) => {
          const pods = waiting(
            ...asks.map(([resource, count], index) =>
              pendingPod(`p${index}`, { [resource]: String(count) }, `2026-11-25T10:0${index}:00Z`),
            ),
          );
          const plan = planMakeRoom(buildFleet(specs), 'mixed', sources, pods)!;
          const keys = pods.map(podKey).sort();
          expect([...plan.fitNow, ...plan.placed, ...plan.remaining].sort()).toEqual(keys);
          const assignment: Array<string | undefined> = specs.map(() => undefined);
          for (const change of plan.changes) {
            const index = Number(change.node.slice(1));
            expect(specs[index].busy || specs[index].cordoned).toBe(false);
            assignment[index] = change.toConfig;
          }
          const claimed = plan.fitNow.length + plan.placed.length;
          expect(placedCount(asks, freeAfter(specs, assignment))).toBe(claimed);
          expect(plan.minimal).toBe(true);
          for (const other of assignments(specs)) {
            const placed = placedCount(asks, freeAfter(specs, other));
            const changed = other.filter((choice) => choice !== undefined).length;
            expect(placed).toBeLessThanOrEqual(claimed);
            if (placed === claimed) expect(changed).toBeGreaterThanOrEqual(plan.changes.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('on a fleet too large to try every set, still places the pods with few changes', () => {
    const specs: NodeSpec[] = Array.from({ length: 40 }, () => ({
      config: 'all-1g.10gb',
      busy: false,
      cordoned: false,
    }));
    const pods = waiting(
      ...Array.from({ length: 5 }, (_, index) =>
        pendingPod(`p${index}`, { [THREE_G]: '1' }, `2026-11-25T10:0${index}:00Z`),
      ),
    );
    const plan = planMakeRoom(buildFleet(specs), 'mixed', sources, pods)!;
    expect(plan.placed).toHaveLength(5);
    // Two all-3g.40gb give four; the fifth comes from whichever third config loses least.
    expect(plan.changes).toHaveLength(3);
    expect(plan.changes.filter((change) => change.toConfig === 'all-3g.40gb')).toHaveLength(2);
    expect(plan.minimal).toBe(true);
  });

  it('on 1,000 nodes with many pods waiting, places them all within its work budget', () => {
    const specs: NodeSpec[] = Array.from({ length: 1000 }, (_, index) => ({
      config: index % 2 === 0 ? 'all-1g.10gb' : 'all-2g.20gb',
      busy: index % 5 === 0,
      cordoned: false,
    }));
    const pods = waiting(
      ...Array.from({ length: 30 }, (_, index) =>
        pendingPod(
          `p${index}`,
          { [index % 3 === 0 ? TWO_G : THREE_G]: '1' },
          `2026-11-25T10:${String(index).padStart(2, '0')}:00Z`,
        ),
      ),
    );
    const plan = planMakeRoom(buildFleet(specs), 'mixed', sources, pods)!;
    expect(plan.remaining).toEqual([]);
    // 20 × 3g.40gb need 10 nodes at two each; the 2g.20gb pods fit on the all-2g.20gb nodes.
    expect(plan.changes).toHaveLength(10);
    expect(plan.changes.every((change) => change.gpuPods === 0)).toBe(true);
  });
});
