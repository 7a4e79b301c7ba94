// Instances other projects' pods may hold (the user cannot read those pods) are never "free".
import { render, screen, within } from '@testing-library/react';
import { SliceMap } from './SliceMap';
import { A30_BALANCED, model } from './testUtils';
import { initTestI18n } from '../../hooks/testing/i18n';

beforeAll(initTestI18n);

test('an instance whose usage is unknown says "In use or free", the own pod\'s says "In use"', () => {
  const instances = A30_BALANCED.map((instance) =>
    instance.inUse ? instance : { ...instance, usageUnknown: true },
  );
  render(<SliceMap model={model('a30-24gb')} gpuIndex={0} instances={instances} migEnabled />);
  const figure = screen.getByRole('figure', { name: 'GPU 0 · NVIDIA A30 24GB' });
  expect(within(figure).queryByText('Free')).not.toBeInTheDocument();
  expect(within(figure).getAllByText('In use or free')).toHaveLength(2);
  expect(within(figure).getByText('In use')).toBeInTheDocument();
  expect(
    screen.getByText(
      'GPU 0, 1g.6gb at memory slice 1 of 4, 1 of 4 compute slices, in use or free (pods of other projects are not visible to you)',
    ),
  ).toBeInTheDocument();
});
