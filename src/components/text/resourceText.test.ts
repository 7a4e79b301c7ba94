import { catalogueT } from './__fixtures__/catalogue';
import { resourcesText, resourceText } from './resourceText';

const t = catalogueT();

describe('resourcesText', () => {
  it('names whole GPUs in words, MIG resources by profile, whole GPUs first, zeros left out', () => {
    expect(
      resourcesText(t, {
        'nvidia.com/mig-1g.10gb': 7,
        'nvidia.com/gpu': 4,
        'nvidia.com/mig-2g.20gb': 0,
        cpu: 8,
      }),
    ).toBe('Whole GPU ×4, 1g.10gb ×7');
    expect(resourcesText(t, { 'nvidia.com/gpu': 0 })).toBe('');
  });

  it('calls nvidia.com/gpu a MIG device where the single strategy advertises MIG devices so', () => {
    expect(resourceText(t, 'nvidia.com/gpu', { gpuIsMigDevice: true })).toBe('MIG device');
    expect(resourcesText(t, { 'nvidia.com/gpu': 14 }, { gpuIsMigDevice: true })).toBe(
      'MIG device ×14',
    );
  });
});
