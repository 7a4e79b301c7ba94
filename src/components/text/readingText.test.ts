import { readGpuLabels } from '../../cluster/labels';
import { a30AllBalancedNode } from '../../cluster/__fixtures__/nodes';
import { gpuPodUsage } from '../../cluster/pods';
import { parseCount, parseNvidiaResourceList } from '../../cluster/quantities';
import { catalogueT } from './__fixtures__/catalogue';
import {
  labelProblemText,
  podResourceIssueText,
  quantityIssueText,
  resourceListIssueText,
} from './readingText';

const t = catalogueT();
const marked = catalogueT(true);

describe('quantityIssueText', () => {
  it.each([
    ['not-finite', Infinity, 'Infinity is not finite'],
    ['not-text', { a: 1 }, 'expected a quantity such as 2 or 500m, found {"a":1}'],
    [
      'not-a-quantity',
      'abc',
      "'abc' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)",
    ],
    ['too-large', '1e999', "'1e999' is too large"],
    ['negative', '-1', "'-1' is negative; a count cannot be"],
    ['fraction', '500m', "'500m' is not a whole number; device counts are integers"],
  ])('words %s', (kind, raw, words) => {
    const parsed = parseCount(raw);
    expect(parsed.issue?.kind).toBe(kind);
    expect(quantityIssueText(t, parsed.issue!)).toBe(words);
    expect(quantityIssueText(marked, parsed.issue!)).toMatch(/^«.*»$/);
  });
});

describe('resourceListIssueText', () => {
  it('words a malformed entry and a list that is not a map', () => {
    const entries = parseNvidiaResourceList(
      { 'nvidia.com/gpu': 'x', 'nvidia.com/mig-1g.6gb': 1 },
      'allocatable',
    );
    const notMap = parseNvidiaResourceList('x' as never, 'capacity');
    expect(entries.issues.map((issue) => resourceListIssueText(t, issue))).toEqual([
      "allocatable nvidia.com/gpu: 'x' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)",
    ]);
    expect(notMap.issues.map((issue) => resourceListIssueText(t, issue))).toEqual([
      'capacity is not a map of resources',
    ]);
    expect(resourceListIssueText(marked, entries.issues[0])).toBe(
      "«allocatable nvidia.com/gpu: «'x' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)»»",
    );
    expect(resourceListIssueText(marked, { where: 'capacity', resource: 'nvidia.com/gpu' })).toBe(
      '«capacity nvidia.com/gpu: «unreadable»»',
    );
  });
});

describe('labelProblemText', () => {
  it('words every label problem', () => {
    const { problems } = readGpuLabels(
      a30AllBalancedNode({
        labels: {
          'nvidia.com/gpu.product': ' ',
          'nvidia.com/mig.capable': 'yes',
          'nvidia.com/gpu.count': 'two',
          'nvidia.com/gpu.memory': '1k',
          'nvidia.com/mig.config.state': 'odd',
          'nvidia.com/mig.strategy': 'both',
          'nvidia.com/mig-1x.count': '1',
        },
      }),
    );
    expect(new Set(problems.map((problem) => problem.facts.kind))).toEqual(
      new Set([
        'empty',
        'not-boolean',
        'not-whole-number',
        'unknown-state',
        'unknown-strategy',
        'not-a-profile',
      ]),
    );
    expect(problems.map((problem) => labelProblemText(t, problem))).toEqual([
      'nvidia.com/gpu.product is empty',
      "nvidia.com/mig.config.state='odd' is not a state the mig-manager writes (pending, rebooting, success, failed)",
      "nvidia.com/mig.strategy='both' is not 'single' or 'mixed'",
      'nvidia.com/mig-1x.count does not name a MIG profile',
      "nvidia.com/gpu.count='two' is not a whole number ('two' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi))",
      "nvidia.com/gpu.memory='1k' is not a whole number",
      "nvidia.com/mig.capable='yes' is neither 'true' nor 'false'",
    ]);
    for (const problem of problems) {
      expect(labelProblemText(marked, problem)).toMatch(/^«.*»$/);
    }
  });
});

describe('podResourceIssueText', () => {
  it("words a container's and an init container's unreadable GPU request", () => {
    const usage = gpuPodUsage({
      metadata: { name: 'p', namespace: 'ns' },
      spec: {
        nodeName: 'n',
        initContainers: [{ name: 'setup', resources: { requests: { 'nvidia.com/gpu': '-1' } } }],
        containers: [{ resources: { limits: { 'nvidia.com/mig-1g.6gb': 'lots' } } }],
      },
      status: { phase: 'Running' },
    } as never)!;
    expect(usage.issues?.map((issue) => issue.init)).toEqual([true, false]);
    expect(usage.issues?.map((issue) => podResourceIssueText(t, issue))).toEqual([
      "init container setup nvidia.com/gpu: '-1' is negative; a count cannot be",
      "container #0 nvidia.com/mig-1g.6gb: 'lots' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)",
    ]);
    const containerB = gpuPodUsage({
      spec: {
        nodeName: 'n',
        containers: [{ name: 'b', resources: { requests: { 'nvidia.com/mig-1g.6gb': 'abc' } } }],
      },
    } as never)!;
    expect(containerB.issues?.map((issue) => podResourceIssueText(t, issue))).toEqual([
      "container b nvidia.com/mig-1g.6gb: 'abc' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)",
    ]);
    expect(podResourceIssueText(marked, usage.issues![1])).toBe(
      "«container #0 nvidia.com/mig-1g.6gb: «'lots' is not a Kubernetes quantity (expected e.g. 2, 500m, 1k, 1Gi)»»",
    );
  });
});
