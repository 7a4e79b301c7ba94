import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { balancedA100, makeNode } from '../__fixtures__/gpuNodeViews';
import { fragmentedA100 } from '../__fixtures__/fragmentedNodes';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { FragmentationCard } from './FragmentationCard';

const group = (term: string) => {
  const groupElement = screen.getByText(term).closest('.pf-v6-c-description-list__group');
  if (!(groupElement instanceof HTMLElement)) throw new Error(`no group for ${term}`);
  return within(groupElement);
};

describe('FragmentationCard', () => {
  it('shows the largest free instance, the largest new one that fits, and fragmented GPUs', () => {
    renderWithRouter(<FragmentationCard nodes={[balancedA100, fragmentedA100]} />);
    expect(screen.getByRole('heading', { name: /Room for MIG slices/ })).toBeInTheDocument();

    const free = group('Largest slice free now');
    expect(free.getByText('3g.20gb')).toBeInTheDocument();
    expect(free.getByText('on gpu-a100-balanced GPU 0')).toBeInTheDocument();
    expect(free.getByText('4 free instances in all')).toBeInTheDocument();

    const placeable = group('Largest new slice that still fits');
    expect(placeable.getByText('3g.20gb')).toBeInTheDocument();
    expect(placeable.getByText('on gpu-a100-fragmented GPU 0')).toBeInTheDocument();
    expect(placeable.getByText(/^Pods may use that GPU: the change waits/)).toBeInTheDocument();

    const fragmented = group('GPUs with fragmented free space');
    expect(fragmented.getByText('gpu-a100-fragmented GPU 0')).toBeInTheDocument();
    expect(fragmented.getByText('4 compute slices unallocated in all')).toBeInTheDocument();
  });

  it('says when nothing is free or placeable, and counts the GPUs of nodes left out', () => {
    const full = makeNode({
      ...balancedA100,
      name: 'gpu-a100-full',
      gpus: balancedA100.gpus.map((gpu) => ({
        ...gpu,
        instances: gpu.instances.map((instance) => ({ ...instance, inUse: true })),
      })),
    });
    const pending = makeNode({
      ...fragmentedA100,
      name: 'gpu-a100-pending',
      migConfigState: 'pending',
    });
    renderWithRouter(<FragmentationCard nodes={[full, pending]} />);
    expect(screen.getByText('No free MIG instance')).toBeInTheDocument();
    expect(screen.getByText('No GPU has room for a new instance')).toBeInTheDocument();
    expect(group('GPUs with fragmented free space').getByText('None')).toBeInTheDocument();
    expect(
      screen.getByText('1 MIG GPUs on cordoned, failed or changing nodes are not counted.'),
    ).toBeInTheDocument();
  });

  it('renders nothing without MIG GPUs', () => {
    const { container } = renderWithRouter(
      <FragmentationCard nodes={[makeNode({ name: 'gpu-whole' })]} />,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('explains free, placeable and fragmented from a keyboard-reachable help button', async () => {
    renderWithRouter(<FragmentationCard nodes={[fragmentedA100]} />);
    await userEvent.tab();
    const help = screen.getByRole('button', { name: 'About free and placeable slices' });
    expect(help).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText(/mig-manager re-creates all instances/)).toBeInTheDocument();
  });
});
