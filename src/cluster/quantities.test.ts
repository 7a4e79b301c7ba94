import fc from 'fast-check';
import { parseCount, parseNvidiaResourceList, parseQuantity } from './quantities';

describe('parseQuantity', () => {
  it.each([
    ['2', 2],
    ['1k', 1000],
    ['500m', 0.5],
    ['1Gi', 2 ** 30],
    ['1e3', 1000],
    ['0', 0],
    ['.5', 0.5],
  ])('%s → %d', (text, value) => {
    expect(parseQuantity(text)).toEqual({ value });
  });

  it.each(['abc', '', ' 2', '1.2.3', '1kk', '--1', 'Gi'])('%p is a problem', (text) => {
    const result = parseQuantity(text);
    expect(result.value).toBeUndefined();
    expect(result.issue?.kind).toBe('not-a-quantity');
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = parseQuantity(value);
        expect(result.value !== undefined || result.issue !== undefined).toBe(true);
      }),
    );
  });
});

describe('parseCount', () => {
  it('accepts whole quantities, rejects fractions and negatives', () => {
    expect(parseCount('1k')).toEqual({ value: 1000 });
    expect(parseCount('500m').issue?.kind).toBe('fraction');
    expect(parseCount('-1').issue?.kind).toBe('negative');
    expect(parseCount('abc').issue).toEqual({ kind: 'not-a-quantity', found: "'abc'" });
  });
});

describe('parseNvidiaResourceList', () => {
  it('keeps nvidia.com entries and reports malformed ones by name', () => {
    const result = parseNvidiaResourceList(
      { cpu: '4', 'nvidia.com/gpu': '1', 'nvidia.com/mig-1g.6gb': 'abc' },
      'allocatable',
    );
    expect(result.values).toEqual({ 'nvidia.com/gpu': 1 });
    expect(result.issues).toEqual([
      {
        where: 'allocatable',
        resource: 'nvidia.com/mig-1g.6gb',
        quantity: { kind: 'not-a-quantity', found: "'abc'" },
      },
    ]);
  });

  it('tolerates absent or non-object lists', () => {
    expect(parseNvidiaResourceList(undefined, 'capacity')).toEqual({
      values: {},
      issues: [],
    });
    expect(
      parseNvidiaResourceList('oops' as unknown as Record<string, string>, 'capacity').issues,
    ).toHaveLength(1);
  });
});
