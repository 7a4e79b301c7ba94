import { englishT } from '../text/englishCatalogue';
import { sliceMapDescription } from './sliceMapDescription';
import { layoutSliceMap } from './sliceMapLayout';
import { A30_BALANCED, model } from './testUtils';

describe('sliceMapDescription', () => {
  it('describes each instance with position, compute share and usage', () => {
    const text = sliceMapDescription(
      {
        model: model('a30-24gb'),
        gpuIndex: 0,
        instances: A30_BALANCED,
        migEnabled: true,
      },
      englishT,
    );
    expect(text.instances).toEqual([
      'GPU 0, 1g.6gb at memory slice 1 of 4, 1 of 4 compute slices, free',
      'GPU 0, 1g.6gb at memory slice 2 of 4, 1 of 4 compute slices, free',
      'GPU 0, 2g.12gb at memory slices 3–4 of 4, 2 of 4 compute slices, in use by pod ns/name (inferred)',
    ]);
    expect(text.summary).toBe(
      'GPU 0, NVIDIA A30 24GB: 3 MIG instances, 1 in use; 4 of 4 compute slices and 4 of 4 memory slices allocated. Placement is predicted: the driver chooses the exact starts.',
    );
    expect(text.problems).toEqual([]);
  });

  it('drops "(inferred)" when the placement is known, and adds state and highlight', () => {
    const text = sliceMapDescription(
      {
        model: model('a30-24gb'),
        gpuIndex: 1,
        instances: A30_BALANCED,
        migEnabled: true,
        predicted: false,
        state: 'drifted',
        highlightInstanceIds: ['gi-3'],
        highlightLabel: 'Added',
      },
      englishT,
    );
    expect(text.instances[2]).toBe(
      'GPU 1, 2g.12gb at memory slices 3–4 of 4, 2 of 4 compute slices, in use by pod ns/name, Added',
    );
    expect(text.summary).toContain('State: Drifted.');
    expect(text.summary).not.toContain('predicted');
  });

  it('names unallocated runs and flags overlapping and off-grid instances', () => {
    const text = sliceMapDescription(
      {
        model: model('a100-40gb'),
        gpuIndex: 2,
        instances: [
          { id: 'x', profile: '3g.20gb', start: 4, size: 4, computeSlices: 3 },
          { id: 'y', profile: '2g.10gb', start: 4, size: 2, computeSlices: 2 },
          { id: 'z', profile: '1g.5gb', start: 8, size: 1, computeSlices: 1 },
          { id: 'w', profile: '1g.5gb', start: Number.NaN, size: 1, computeSlices: 1 },
        ],
        migEnabled: true,
      },
      englishT,
    );
    expect(text.freeRuns).toEqual(['memory slices 1–4 of 8, unallocated']);
    expect(text.instances[1]).toContain('overlaps 3g.20gb');
    expect(text.instances[2]).toContain('memory slice 9, outside the 8-slice grid');
    expect(text.instances[3]).toContain('an unknown position');
    expect(text.problems).toHaveLength(4);
    expect(text.summary).toContain('Problems: ');
  });

  it('says "(inferred)" only when the pod assignment was inferred', () => {
    const [, , twoG] = A30_BALANCED;
    const describe = (assignmentInferred: boolean) =>
      sliceMapDescription(
        {
          model: model('a30-24gb'),
          gpuIndex: 0,
          instances: [{ ...twoG, assignmentInferred }],
          migEnabled: true,
        },
        englishT,
      ).instances[0];
    expect(describe(true)).toMatch(/in use by pod ns\/name \(inferred\)$/);
    expect(describe(false)).toMatch(/in use by pod ns\/name$/);
  });

  it('describes a GPU with MIG disabled and an unknown model', () => {
    expect(
      sliceMapDescription(
        { gpuIndex: 3, instances: [], migEnabled: false, wholeGpuInUse: true },
        englishT,
      ).wholeGpu,
    ).toBe('GPU 3, MIG disabled (whole GPU), in use');
    expect(
      sliceMapDescription(
        {
          gpuIndex: 5,
          instances: [],
          migEnabled: false,
          wholeGpuInUse: 'unknown',
        },
        englishT,
      ).wholeGpu,
    ).toBe(
      'GPU 5, MIG disabled (whole GPU), in use or free (the kubelet does not say which GPUs pods hold)',
    );
    const unknown = sliceMapDescription(
      {
        gpuIndex: 4,
        instances: [{ id: 'q', profile: '1g.5gb', start: 0, size: 1, computeSlices: 1 }],
        migEnabled: true,
      },
      englishT,
    );
    expect(unknown.summary).toContain('unknown GPU model');
    expect(unknown.instances).toEqual(['GPU 4, 1g.5gb, free']);
  });
});

describe('layoutSliceMap', () => {
  it('puts overlapping instances in a second lane and counts budgets once', () => {
    const layout = layoutSliceMap(
      [
        { id: 'x', profile: '3g.20gb', start: 4, size: 4, computeSlices: 3, inUse: true },
        { id: 'y', profile: '2g.10gb', start: 4, size: 2, computeSlices: 2 },
        { id: 'z', profile: '1g.5gb', start: 0, size: 1, computeSlices: 1 },
      ],
      8,
      7,
    );
    expect(layout.placed.map((slice) => [slice.instance.id, slice.lane])).toEqual([
      ['z', 0],
      ['x', 0],
      ['y', 1],
    ]);
    expect(layout.freeRuns).toEqual([{ start: 1, size: 3 }]);
    expect(layout.unitsUsed).toBe(5);
    expect(layout.computeUsed).toBe(6);
    expect(layout.lanes).toBe(2);
    expect(layout.inUseCount).toBe(1);
  });

  it('survives junk entries', () => {
    const junk = [null, undefined, { id: 'n', profile: 'odd', start: 0, size: 0 }] as never[];
    const layout = layoutSliceMap(junk, 4, 4);
    expect(layout.placed).toHaveLength(0);
    expect(layout.offGrid).toHaveLength(1);
    expect(layout.freeRuns).toEqual([{ start: 0, size: 4 }]);
  });
});
