/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The geometry engine's YAML parser ships an ESM-only browser build; load its CommonJS build.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { balancedA100, summary } from '../__fixtures__/gpuNodeViews';
import { fragmentedA100 } from '../__fixtures__/fragmentedNodes';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { ProfileRequestCard } from './ProfileRequestCard';

const ask = async (count: number, profile: string) => {
  const input = screen.getByRole('spinbutton', { name: 'Number of instances' });
  await userEvent.clear(input);
  await userEvent.type(input, String(count));
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), profile);
};

const renderCard = () =>
  renderWithRouter(
    <ProfileRequestCard
      nodes={[balancedA100, fragmentedA100]}
      summary={summary}
      strategy="mixed"
    />,
  );

describe('ProfileRequestCard and fragmented free space', () => {
  it('says the unallocated space has no legal start for the profile, and what still fits', async () => {
    renderCard();
    await ask(1, '4g.20gb');
    expect(screen.getByText('No: 0 × 4g.20gb free now, 1 wanted')).toBeInTheDocument();
    expect(
      screen.getByText(
        '4 compute slices are unallocated on the GPUs that offer 4g.20gb, but none has a free legal start for it: the free space is fragmented (gpu-a100-fragmented GPU 0). The largest that still fits beside the instances: 3g.20gb.',
      ),
    ).toBeInTheDocument();
  });

  it('names the GPUs where one more fits beside the instances', async () => {
    renderCard();
    await ask(2, '3g.20gb');
    expect(screen.getByText('No: 1 × 3g.20gb free now, 2 wanted')).toBeInTheDocument();
    expect(
      screen.getByText(/^One more 3g.20gb fits beside the instances on gpu-a100-fragmented GPU 0:/),
    ).toBeInTheDocument();
  });

  it('says nothing of room for a request it can satisfy', async () => {
    renderCard();
    await ask(1, '3g.20gb');
    expect(screen.getByText('Yes: 1 × 3g.20gb free now')).toBeInTheDocument();
    expect(screen.queryByText(/fragmented|fits beside/)).not.toBeInTheDocument();
  });
});
