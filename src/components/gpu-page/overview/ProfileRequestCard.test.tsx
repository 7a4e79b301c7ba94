/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The geometry engine's YAML parser ships an ESM-only browser build; load its CommonJS build.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_MIG_PARTED_CONFIG_YAML } from '../../../geometry/defaultMigPartedConfig';
import { parseMigPartedConfig } from '../../../geometry/migParted';
import { balancedA100, fleet, summary } from '../__fixtures__/gpuNodeViews';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { ProfileRequestCard } from './ProfileRequestCard';

const builtIn = parseMigPartedConfig(DEFAULT_MIG_PARTED_CONFIG_YAML).config;
const configSources = { forNode: () => ({ config: builtIn }) };

const ask = async (count: number, profile: string) => {
  const input = screen.getByRole('spinbutton', { name: 'Number of instances' });
  await userEvent.clear(input);
  await userEvent.type(input, String(count));
  await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Profile' }), profile);
};

const renderMixedFleetCard = () =>
  renderWithRouter(
    <ProfileRequestCard
      nodes={fleet}
      summary={summary}
      strategy="mixed"
      configSources={configSources}
    />,
  );

describe('ProfileRequestCard', () => {
  it('answers yes with the nodes that have the free instances', async () => {
    renderMixedFleetCard();
    await ask(2, '1g.5gb');
    expect(screen.getByText('Yes: 4 × 1g.5gb free now')).toBeInTheDocument();
    expect(screen.getByText('gpu-a100-drifted: 3 free')).toBeInTheDocument();
    expect(
      screen.getByText('Request it in the pod as nvidia.com/mig-1g.5gb: 2.'),
    ).toBeInTheDocument();
  });

  it('answers no and names the smallest config change that would make it yes', async () => {
    renderMixedFleetCard();
    await ask(3, '3g.20gb');
    expect(screen.getByText('No: 1 × 3g.20gb free now, 3 wanted')).toBeInTheDocument();
    expect(screen.getByText('An administrator could make it yes:')).toBeInTheDocument();
    expect(
      screen.getAllByText(/^Label gpu-a100-.* with nvidia.com\/mig.config=/).length,
    ).toBeGreaterThan(0);
  });

  it('explains that strategy none advertises no MIG instances', async () => {
    renderWithRouter(
      <ProfileRequestCard nodes={[balancedA100]} summary={summary} strategy="none" />,
    );
    await ask(1, '1g.5gb');
    expect(screen.getByText('This request cannot be answered')).toBeInTheDocument();
    expect(screen.getByText(/The cluster MIG strategy is none/)).toBeInTheDocument();
  });
});
