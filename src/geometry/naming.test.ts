import {
  GPU_RESOURCE,
  MIG_RESOURCE_PREFIX,
  labelValueProblem,
  migResourceName,
  parseMigResourceName,
  parseProfileName,
  profileNameFromDottedForm,
} from './naming';

describe('parseProfileName', () => {
  it.each([
    ['1g.10gb', { computeSlices: 1, memoryGB: 10, attributes: [] }],
    ['1g.10gb+me', { computeSlices: 1, memoryGB: 10, attributes: ['me'] }],
    ['1g.24gb+me.all', { computeSlices: 1, memoryGB: 24, attributes: ['me.all'] }],
    ['1g.24gb-me', { computeSlices: 1, memoryGB: 24, attributes: ['-me'] }],
    ['2g.48gb+gfx', { computeSlices: 2, memoryGB: 48, attributes: ['gfx'] }],
    ['7g.80gb', { computeSlices: 7, memoryGB: 80, attributes: [] }],
    ['1c.3g.20gb', { computeSlices: 3, memoryGB: 20, attributes: [], computeInstanceSlices: 1 }],
  ])('parses %s', (name, expected) => {
    expect(parseProfileName(name)).toEqual(expected);
  });

  it.each([
    '',
    'gpu',
    '1g',
    '1g.10',
    'g.10gb',
    '0g.10gb',
    '1g.0gb',
    '4c.3g.20gb',
    '1g.10gb+',
    '1g.10gb+1me',
    '1g.10gb+me,me',
    '1g.10gb+me-gfx',
    '1g.10gb.me',
  ])('rejects %p', (name) => {
    expect(parseProfileName(name)).toBeUndefined();
  });

  it('never throws on non-strings', () => {
    expect(parseProfileName(undefined as unknown as string)).toBeUndefined();
    expect(parseProfileName(42 as unknown as string)).toBeUndefined();
  });
});

describe('resource names', () => {
  it('uses the device-plugin names', () => {
    expect(GPU_RESOURCE).toBe('nvidia.com/gpu');
    expect(MIG_RESOURCE_PREFIX).toBe('nvidia.com/mig-');
    expect(migResourceName('1g.10gb')).toBe('nvidia.com/mig-1g.10gb');
    expect(migResourceName('1g.10gb+me')).toBe('nvidia.com/mig-1g.10gb.me');
    expect(migResourceName('1g.24gb+me.all')).toBe('nvidia.com/mig-1g.24gb.me.all');
    expect(migResourceName('1g.24gb-me')).toBe('nvidia.com/mig-1g.24gb-me');
  });

  it.each([
    ['nvidia.com/mig-1g.10gb', '1g.10gb'],
    ['nvidia.com/mig-1g.10gb.me', '1g.10gb+me'],
    ['nvidia.com/mig-1g.24gb.me.all', '1g.24gb+me.all'],
    ['nvidia.com/mig-1g.24gb.gfx', '1g.24gb+gfx'],
    ['nvidia.com/mig-1g.24gb-me', '1g.24gb-me'],
    ['nvidia.com/mig-3g.40gb', '3g.40gb'],
  ])('parses %s back to %s', (resource, profile) => {
    expect(parseMigResourceName(resource)).toBe(profile);
    expect(migResourceName(profile)).toBe(resource);
  });

  it.each([
    'nvidia.com/gpu',
    'nvidia.com/mig-',
    'nvidia.com/mig-1g.10gb.count',
    'nvidia.com/mig-1g.10gb.engines.copy',
    'nvidia.com/mig-1g.10gb.slices.gi',
    'nvidia.com/mig-bogus',
    'nvidia.com/MIG-1g.10gb',
    'amd.com/gpu',
  ])('is undefined for %s', (resource) => {
    expect(parseMigResourceName(resource)).toBeUndefined();
  });

  it('converts mig-parted config-name style profile names', () => {
    expect(profileNameFromDottedForm('1g.5gb.me')).toBe('1g.5gb+me');
    expect(profileNameFromDottedForm('1g.5gb+me')).toBe('1g.5gb+me');
    expect(profileNameFromDottedForm('balanced')).toBeUndefined();
  });
});

describe('labelValueProblem', () => {
  it('accepts the names NVIDIA ships and designer-style names', () => {
    for (const name of ['all-balanced', 'all-1g.10gb', 'custom-a30_v2', 'a', 'x'.repeat(63)]) {
      expect(labelValueProblem(name)).toBeUndefined();
    }
  });

  it('says why a name cannot be a label value', () => {
    expect(labelValueProblem('')).toBe('empty');
    expect(labelValueProblem('x'.repeat(64))).toBe('too-long');
    expect(labelValueProblem('My A30 config')).toBe('characters');
    expect(labelValueProblem('-leading-dash')).toBe('characters');
    expect(labelValueProblem('trailing.')).toBe('characters');
    expect(labelValueProblem('1g.10gb+me')).toBe('characters');
  });
});
