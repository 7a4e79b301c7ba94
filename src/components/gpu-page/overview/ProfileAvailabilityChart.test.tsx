import { render } from '@testing-library/react';
import type { ProfileAvailability } from '../../../cluster/types';
import { ProfileAvailabilityChart } from './ProfileAvailabilityChart';

// Victory itself is not under test: count the charts drawn.
const drawn = jest.fn();
jest.mock('@patternfly/react-charts/victory', () => {
  const Stub = () => null;
  return {
    Chart: () => {
      drawn();
      return null;
    },
    ChartAxis: Stub,
    ChartBar: Stub,
    ChartLegend: Stub,
    ChartStack: Stub,
    ChartThemeColor: { multiOrdered: 'multi-ordered' },
    ChartTooltip: Stub,
  };
});

const row = (profile: string, inUse: number, free: number): ProfileAvailability => ({
  resourceName: `nvidia.com/mig-${profile}`,
  profile,
  allocatable: inUse + free,
  inUse,
  free,
  nodes: [{ name: 'gpu-a', allocatable: inUse + free, inUse, free }],
});

describe('ProfileAvailabilityChart', () => {
  it('is drawn again only when a bar changes, not for every new summary object', () => {
    const { rerender } = render(<ProfileAvailabilityChart profiles={[row('1g.10gb', 1, 3)]} />);
    expect(drawn).toHaveBeenCalledTimes(1);
    rerender(<ProfileAvailabilityChart profiles={[row('1g.10gb', 1, 3)]} />);
    expect(drawn).toHaveBeenCalledTimes(1);
    rerender(<ProfileAvailabilityChart profiles={[row('1g.10gb', 2, 2)]} />);
    expect(drawn).toHaveBeenCalledTimes(2);
  });
});
