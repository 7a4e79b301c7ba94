/**
 * @jest-environment-options {"customExportConditions": ["node", "require"]}
 */
// The geometry engine's YAML parser ships an ESM-only browser build; load its CommonJS build.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import {
  A100_80,
  demandFleet,
  fleetNode,
  pendingPod,
  sources,
  THREE_G,
  TWO_G,
  waiting,
} from '../../../cluster/__fixtures__/fleet';
import { englishCatalogue } from '../../text/englishCatalogue';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { WaitingPodsCard } from './WaitingPodsCard';

const CLUSTER = { scope: 'cluster' } as const;
const twoWaiting = () =>
  waiting(
    pendingPod('llm-finetune-0', { [THREE_G]: '1' }),
    pendingPod('llm-finetune-1', { [THREE_G]: '1' }),
  );

// The committed catalogue, so the card's plurals read as they do in the console.
const renderCard = (extra: Partial<React.ComponentProps<typeof WaitingPodsCard>> = {}) =>
  renderWithRouter(
    <I18nextProvider i18n={englishCatalogue}>
      <WaitingPodsCard
        nodes={demandFleet()}
        strategy="mixed"
        configSources={sources}
        waitingPods={twoWaiting()}
        loaded
        podsReadable
        visibility={CLUSTER}
        {...extra}
      />
    </I18nextProvider>,
  );

describe('WaitingPodsCard', () => {
  it('shows the demand, expands to the pods with the scheduler’s reason and ours', async () => {
    renderCard();
    const toggle = screen.getByRole('button', { name: '2 pods wait for 3g.40gb' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const table = screen.getByRole('grid', { name: 'Pods: 2 pods wait for 3g.40gb' });
    const row = within(table).getByRole('row', { name: /llm-finetune-0/ });
    expect(within(row).getByRole('link', { name: 'llm-finetune-0' })).toHaveAttribute(
      'href',
      '#Pod/ml-team/llm-finetune-0',
    );
    expect(row).toHaveTextContent(`0/3 nodes are available: 3 Insufficient ${THREE_G}.`);
    expect(row).toHaveTextContent(
      'No node offers 3g.40gb under its current MIG config; a config change can.',
    );
  });

  it('proposes the change that makes room and previews it', async () => {
    const onPreviewChange = jest.fn();
    renderCard({ onPreviewChange });
    expect(screen.getByText('1 config change lets 2 of 2 waiting pods start:')).toBeInTheDocument();
    expect(
      screen.getByText(
        'gpu-node-3: all-1g.10gb → all-3g.40gb: frees 3g.40gb ×2; stops advertising 1g.10gb ×7',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'gpu-node-1, gpu-node-2: a change would reconfigure GPUs that pods may be using',
      ),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(onPreviewChange).toHaveBeenCalledWith({
      toConfig: 'all-3g.40gb',
      nodes: ['gpu-node-3'],
    });
  });

  it('previews a plan of two configs with one button: every step at once', async () => {
    const idle = (name: string) =>
      fleetNode({
        name,
        product: A100_80,
        gpus: 1,
        config: 'all-2g.20gb',
        allocatable: { [TWO_G]: 3 },
      });
    const onPreviewChange = jest.fn();
    renderCard({
      nodes: [idle('gpu-a'), idle('gpu-b')],
      waitingPods: waiting(
        pendingPod('big', { 'nvidia.com/mig-7g.80gb': '1' }),
        pendingPod('mid-0', { [THREE_G]: '1' }, '2026-11-25T10:01:00Z'),
        pendingPod('mid-1', { [THREE_G]: '1' }, '2026-11-25T10:02:00Z'),
      ),
      onPreviewChange,
    });
    expect(screen.getByText('2 config changes let 3 of 3 waiting pods start:')).toBeInTheDocument();
    expect(screen.getByText(/^gpu-a: all-2g\.20gb → all-3g\.40gb/)).toBeInTheDocument();
    expect(screen.getByText(/^gpu-b: all-2g\.20gb → all-7g\.80gb/)).toBeInTheDocument();
    const previews = screen.getAllByRole('button', { name: /Preview/ });
    expect(previews).toHaveLength(1);
    await userEvent.click(previews[0]);
    expect(onPreviewChange).toHaveBeenCalledTimes(1);
    expect(onPreviewChange).toHaveBeenCalledWith(
      { toConfig: 'all-3g.40gb', nodes: ['gpu-a'] },
      { toConfig: 'all-7g.80gb', nodes: ['gpu-b'] },
    );
  });

  it('says so in one line when no pod waits, while loading, and when pods cannot be read', () => {
    const { unmount } = renderCard({ waitingPods: [] });
    expect(screen.getByText('No pod is waiting for a GPU.')).toBeInTheDocument();
    unmount();
    const loading = renderCard({ loaded: false });
    expect(screen.getByText('Loading pods waiting for GPUs')).toBeInTheDocument();
    loading.unmount();
    renderCard({ podsReadable: false });
    expect(
      screen.getByText('Pods cannot be read, so pods waiting for GPUs cannot be shown.'),
    ).toBeInTheDocument();
  });

  it('tells a user who sees only their projects that room cannot be worked out', () => {
    renderCard({ visibility: { scope: 'namespaces', namespaces: ['ml-team'] } });
    expect(
      screen.getByText(
        'Only the pods of your projects are visible: what is free, and what would make room, cannot be worked out without the others.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'Your pods waiting for GPUs' })).toBeInTheDocument();
    expect(screen.queryByText('Make room')).not.toBeInTheDocument();
  });
});
