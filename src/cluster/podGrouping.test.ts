import fc from 'fast-check';
import { gpuPod } from './__fixtures__/nodes';
import type { PodKind } from './models';
import { GpuPodGrouping, groupGpuPodsByNode } from './pods';

const pod = (name: string, node: string, gpu: boolean, version: number): PodKind => {
  const object = gpuPod(name, node, gpu ? { 'nvidia.com/mig-1g.6gb': '1' } : {});
  object.metadata = { ...object.metadata, resourceVersion: String(version) };
  return object;
};

describe('GpuPodGrouping', () => {
  it('keeps the map when a page of pods without GPUs is appended', () => {
    const grouping = new GpuPodGrouping();
    const first = [pod('a', 'n1', true, 1), pod('b', 'n2', false, 1)];
    const grouped = grouping.group(first);
    expect(grouping.group([...first, pod('c', 'n2', false, 1), pod('d', 'n3', false, 1)])).toBe(
      grouped,
    );
    const withGpu = grouping.group([...first, pod('e', 'n2', true, 1)]);
    expect(withGpu).not.toBe(grouped);
    expect(withGpu.get('n1')).toBe(grouped.get('n1'));
    expect(withGpu.get('n2')?.map((usage) => usage.name)).toEqual(['e']);
  });

  it('always equals grouping the list afresh (appends, in-place changes, deletions)', () => {
    const edit = fc.record({
      kind: fc.constantFrom('append', 'replace', 'delete', 'same'),
      at: fc.nat(20),
      node: fc.constantFrom('n1', 'n2', 'n3'),
      gpu: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 25 }), (edits) => {
        const grouping = new GpuPodGrouping();
        let pods: PodKind[] = [];
        let version = 0;
        for (const step of edits) {
          version += 1;
          const next = [...pods];
          const position = pods.length ? step.at % pods.length : 0;
          if (step.kind === 'append' || pods.length === 0) {
            next.push(pod(`p${version}`, step.node, step.gpu, version));
          } else if (step.kind === 'replace') {
            const name = pods[position].metadata!.name!;
            next[position] = pod(name, step.node, step.gpu, version);
          } else if (step.kind === 'delete') next.splice(position, 1);
          pods = step.kind === 'same' ? pods : next;
          const grouped = grouping.group(pods);
          const fresh = groupGpuPodsByNode(pods);
          expect(new Map(grouped)).toEqual(fresh);
        }
      }),
      { numRuns: 200 },
    );
  });
});
