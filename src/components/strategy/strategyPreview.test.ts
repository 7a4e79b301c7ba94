import { reAdvertisedUnderSingle } from './__fixtures__/reAdvertised';
import { a30DisabledNode, viewOf, wholeGpuPod } from '../../cluster/__fixtures__/applyNodes';
import { a30AllBalancedNode, gpuPod } from '../../cluster/__fixtures__/nodes';
import { gpuPodUsage } from '../../cluster/pods';
import { previewNodeStrategy, strategyOutcome } from './strategyPreview';

const slicePod = gpuPodUsage(
  gpuPod('llm-small-0', 'worker1.redhat.com', { 'nvidia.com/mig-1g.6gb': '1' }),
)!;

/** An L40S: a known GPU without MIG, not in the MIG catalog. */
const l40s = () =>
  a30DisabledNode('l40s-01', {
    'nvidia.com/gpu.product': 'NVIDIA-L40S',
    'nvidia.com/mig.capable': 'false',
    'nvidia.com/mig.config': undefined,
    'nvidia.com/mig.config.state': undefined,
    'nvidia.com/mig.strategy': 'mixed',
  });

describe('previewNodeStrategy', () => {
  it('names the running pods whose MIG resources the node stops advertising', () => {
    const node = viewOf(a30AllBalancedNode(), 'mixed', [slicePod]);
    const preview = previewNodeStrategy(node, 'single');
    expect(preview.effect).toBe('invalid');
    expect(preview.affectedPods).toEqual([
      {
        namespace: 'sample-project',
        name: 'llm-small-0',
        nodeName: 'worker1.redhat.com',
        resources: ['nvidia.com/mig-1g.6gb'],
      },
    ]);
    expect(previewNodeStrategy(node, 'mixed').affectedPods).toEqual([]);
  });

  it('says plainly that nodes without MIG instances are unchanged, even a model not in the catalog', () => {
    const unknownModel = previewNodeStrategy(viewOf(l40s(), 'mixed'), 'single');
    expect(unknownModel).toMatchObject({ effect: 'unchanged', after: { 'nvidia.com/gpu': 1 } });
    const migOff = previewNodeStrategy(
      viewOf(a30DisabledNode('worker2'), 'mixed', [wholeGpuPod('train-1', 'worker2')]),
      'single',
    );
    expect(migOff).toMatchObject({ effect: 'unchanged', affectedPods: [] });
  });
});

describe('strategyOutcome', () => {
  const balanced = a30AllBalancedNode();
  const preview = previewNodeStrategy(viewOf(balanced, 'mixed'), 'single');

  it('reports a node that advertises nothing as MIG-INVALID, not as re-advertised', () => {
    const after = viewOf(
      reAdvertisedUnderSingle(balanced, 'NVIDIA-A30-MIG-INVALID', {
        'nvidia.com/gpu': '0',
        'nvidia.com/mig-1g.6gb': '0',
        'nvidia.com/mig-2g.12gb': '0',
      }),
      'single',
    );
    expect(strategyOutcome(after, 'single', preview)).toBe('mig-invalid');
  });

  it('waits until GFD labels the new strategy, and says unchanged for nodes the switch leaves alone', () => {
    expect(strategyOutcome(viewOf(balanced, 'single'), 'single', preview)).toBe('waiting');
    const l40sPreview = previewNodeStrategy(viewOf(l40s(), 'mixed'), 'single');
    const relabelled = reAdvertisedUnderSingle(l40s(), 'NVIDIA-L40S', { 'nvidia.com/gpu': '1' });
    expect(strategyOutcome(viewOf(relabelled, 'single'), 'single', l40sPreview)).toBe('unchanged');
  });

  it('says re-advertised only when the node advertises what was predicted', () => {
    const single = a30AllBalancedNode({ labels: { 'nvidia.com/mig.config': 'all-1g.6gb' } });
    const singlePreview = previewNodeStrategy(viewOf(single, 'mixed'), 'single');
    expect(singlePreview.after).toEqual({ 'nvidia.com/gpu': 4 });
    const done = reAdvertisedUnderSingle(single, 'NVIDIA-A30-MIG-1g.6gb', {
      'nvidia.com/gpu': '4',
    });
    expect(strategyOutcome(viewOf(done, 'single'), 'single', singlePreview)).toBe('re-advertised');
    const odd = reAdvertisedUnderSingle(single, 'NVIDIA-A30-MIG-1g.6gb', { 'nvidia.com/gpu': '3' });
    expect(strategyOutcome(viewOf(odd, 'single'), 'single', singlePreview)).toBe('differs');
  });
});
