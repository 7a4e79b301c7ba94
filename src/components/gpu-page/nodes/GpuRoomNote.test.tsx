import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { balancedA100, makeNode } from '../__fixtures__/gpuNodeViews';
import { fragmentedA100 } from '../__fixtures__/fragmentedNodes';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { GpuRoomNote } from './GpuRoomNote';

describe('GpuRoomNote', () => {
  it('names the largest new instance that fits, and says why no larger one does', async () => {
    renderWithRouter(<GpuRoomNote node={fragmentedA100} gpu={fragmentedA100.gpus[0]} />);
    expect(screen.getByText(/^Largest that fits: 3g.20gb/)).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'About the room on gpu-a100-fragmented GPU 0' }),
    );
    expect(await screen.findByText(/would hold 4g.20gb by size/)).toBeInTheDocument();
    expect(screen.getByText(/Pods may use this GPU/)).toBeInTheDocument();
  });

  it('says a full GPU has no room', () => {
    renderWithRouter(<GpuRoomNote node={balancedA100} gpu={balancedA100.gpus[0]} />);
    expect(screen.getByText(/^No room for another instance/)).toBeInTheDocument();
  });

  it('says nothing for a GPU without MIG', () => {
    const whole = makeNode({ name: 'gpu-whole' });
    const { container } = renderWithRouter(<GpuRoomNote node={whole} gpu={whole.gpus[0]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
