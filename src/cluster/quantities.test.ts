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
    expect(result.problem).toMatch(/not a Kubernetes quantity/);
  });

  it('never throws on any input', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = parseQuantity(value);
        expect(result.value !== undefined || result.problem !== undefined).toBe(true);
      }),
    );
  });
});

describe('parseCount', () => {
  it('accepts whole quantities, rejects fractions and negatives', () => {
    expect(parseCount('1k')).toEqual({ value: 1000 });
    expect(parseCount('500m').problem).toMatch(/not a whole number/);
    expect(parseCount('-1').problem).toMatch(/negative/);
    expect(parseCount('abc').problem).toMatch(/'abc'/);
  });
});

describe('parseNvidiaResourceList', () => {
  it('keeps nvidia.com entries and reports malformed ones by name', () => {
    const result = parseNvidiaResourceList(
      { cpu: '4', 'nvidia.com/gpu': '1', 'nvidia.com/mig-1g.6gb': 'abc' },
      'allocatable',
    );
    expect(result.values).toEqual({ 'nvidia.com/gpu': 1 });
    expect(result.problems).toEqual([expect.stringContaining('allocatable nvidia.com/mig-1g.6gb')]);
  });

  it('tolerates absent or non-object lists', () => {
    expect(parseNvidiaResourceList(undefined, 'capacity')).toEqual({
      values: {},
      problems: [],
      issues: [],
    });
    expect(
      parseNvidiaResourceList('oops' as unknown as Record<string, string>, 'capacity').problems,
    ).toHaveLength(1);
  });
});
