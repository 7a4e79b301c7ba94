import {
  balancedA100,
  failedH100,
  makeNode,
  unknownModel,
} from '../gpu-page/__fixtures__/gpuNodeViews';
import {
  designOutput,
  designReducer,
  fleetModelId,
  initialDesign,
  modelOf,
  type LayoutDesign,
} from './designReducer';

const profilesOf = (design: LayoutDesign, gpu = 0) =>
  design.gpus[gpu].instances.map((instance) => instance.profile);

describe('designReducer', () => {
  it("starts from a node: its model, its GPUs' layouts, one shared layout when they agree", () => {
    const design = designReducer(initialDesign('a30-24gb'), {
      type: 'design-for-node',
      node: balancedA100,
    });
    expect(design.source).toBe('node');
    expect(design.nodeName).toBe('gpu-a100-balanced');
    expect(design.modelId).toBe(balancedA100.model!.id);
    expect(design.gpus.map((gpu) => gpu.index)).toEqual(balancedA100.gpus.map((gpu) => gpu.index));
    expect(profilesOf(design)).toEqual(balancedA100.gpus[0].instances.map((i) => i.profile));
    expect(design.sameOnAll).toBe(true);
  });

  it('never starts from a node whose model the catalog does not know', () => {
    const before = initialDesign('a30-24gb');
    expect(designReducer(before, { type: 'design-for-node', node: unknownModel })).toBe(before);
  });

  it("keeps the layout when going from a node's design to the model's", () => {
    const fromNode = designReducer(initialDesign(), {
      type: 'design-for-node',
      node: balancedA100,
    });
    const asModel = designReducer(fromNode, { type: 'design-for-model' });
    expect(asModel.source).toBe('model');
    expect(asModel.modelId).toBe(balancedA100.model!.id);
    expect(profilesOf(asModel)).toEqual(profilesOf(fromNode));
  });

  it("takes the fleet's model only while no one chose one and the design is empty", () => {
    const pristine = initialDesign();
    expect(designReducer(pristine, { type: 'fleet-model', modelId: 'h100-80gb' }).modelId).toBe(
      'h100-80gb',
    );
    const chosen = initialDesign('a30-24gb');
    expect(designReducer(chosen, { type: 'fleet-model', modelId: 'h100-80gb' })).toBe(chosen);
    const started = designReducer(pristine, {
      type: 'add-instance',
      position: 0,
      profile: '2g.12gb',
    });
    expect(designReducer(started, { type: 'fleet-model', modelId: 'h100-80gb' })).toBe(started);
  });

  it('adds only legal instances, removes by id, bounds the GPU count and clears', () => {
    let design = initialDesign('a30-24gb');
    for (const profile of ['4g.24gb', '1g.6gb'])
      design = designReducer(design, { type: 'add-instance', position: 0, profile });
    expect(profilesOf(design)).toEqual(['4g.24gb']);
    const id = design.gpus[0].instances[0].id;
    design = designReducer(design, { type: 'remove-instance', position: 0, id });
    expect(profilesOf(design)).toEqual([]);

    design = designReducer(design, { type: 'set-gpu-count', count: 99 });
    expect(design.gpus).toHaveLength(16);
    design = designReducer(design, { type: 'set-gpu-count', count: Number.NaN });
    expect(design.gpus).toHaveLength(1);
    design = designReducer(design, { type: 'add-instance', position: 0, profile: '2g.12gb' });
    expect(designReducer(design, { type: 'clear' }).gpus[0].instances).toEqual([]);
  });

  it('writes a config named after its instances', () => {
    const design = designReducer(initialDesign('a30-24gb'), {
      type: 'add-instance',
      position: 0,
      profile: '2g.12gb',
    });
    const output = designOutput(design, modelOf(design)!);
    expect(output.name).toBe('custom-a30-24gb-1x2g.12gb');
    expect(output.yaml).toContain('custom-a30-24gb-1x2g.12gb:');
    expect(output.empty).toBe(false);
  });
});

describe('fleetModelId', () => {
  it('is the most common known model, nothing for an unknown fleet', () => {
    const h100 = (name: string) => ({ ...failedH100, name });
    expect(fleetModelId([balancedA100, h100('a'), h100('b'), unknownModel])).toBe(
      failedH100.model!.id,
    );
    expect(fleetModelId([unknownModel, makeNode({ name: 'x', model: undefined })])).toBe(undefined);
  });
});
