import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SliceMap } from './SliceMap';
import { SliceMapLegend } from './SliceMapLegend';
import { A30_BALANCED, model } from './testUtils';
import { initTestI18n } from '../../hooks/testing/i18n';

beforeAll(initTestI18n);

/** The grid list item whose accessible text starts with the given description. */
const itemDescribedAs = (text: string) => {
  const item = screen.getByText(text).closest('li');
  if (!item) throw new Error(`no list item for ${text}`);
  return item;
};

describe('SliceMap', () => {
  it('draws an A30 all-balanced layout with spans and descriptions', () => {
    render(<SliceMap model={model('a30-24gb')} gpuIndex={0} instances={A30_BALANCED} migEnabled />);
    const figure = screen.getByRole('figure', { name: 'GPU 0 · NVIDIA A30 24GB' });
    expect(figure).toHaveAccessibleDescription(/3 MIG instances, 1 in use/);
    const items = within(figure).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    const twoG = itemDescribedAs(
      'GPU 0, 2g.12gb at memory slices 3–4 of 4, 2 of 4 compute slices, in use by pod ns/name (inferred)',
    );
    expect(twoG).toHaveStyle({ gridColumn: '3 / span 2' });
    expect(
      itemDescribedAs('GPU 0, 1g.6gb at memory slice 1 of 4, 1 of 4 compute slices, free'),
    ).toHaveStyle({ gridColumn: '1 / span 1' });
    expect(
      screen.getByText('3 instances, 1 in use · 4/4 compute slices · 4/4 memory slices allocated'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Predicted placement' })).toBeInTheDocument();
  });

  it('places an A100 3g.20gb at start 4 over units 4–7 and leaves 0–3 unallocated', () => {
    render(
      <SliceMap
        model={model('a100-40gb')}
        gpuIndex={1}
        instances={[{ id: 'x', profile: '3g.20gb', start: 4, size: 4, computeSlices: 3 }]}
        migEnabled
      />,
    );
    expect(
      itemDescribedAs('GPU 1, 3g.20gb at memory slices 5–8 of 8, 3 of 7 compute slices, free'),
    ).toHaveStyle({ gridColumn: '5 / span 4' });
    expect(itemDescribedAs('memory slices 1–4 of 8, unallocated')).toHaveStyle({
      gridColumn: '1 / span 4',
    });
  });

  it('uses the model grid width: 12 units on an RTX PRO 6000', () => {
    const { container } = render(
      <SliceMap
        model={model('rtx-pro-6000-blackwell')}
        gpuIndex={0}
        instances={[{ id: 'r', profile: '1g.24gb', start: 9, size: 3, computeSlices: 1 }]}
        migEnabled
      />,
    );
    const axis = container.querySelector('.gpu-partitioning-slice-map__axis');
    expect(axis).toHaveStyle({ gridTemplateColumns: 'repeat(12, minmax(0, 1fr))' });
    expect(axis?.children).toHaveLength(12);
    expect(
      itemDescribedAs('GPU 0, 1g.24gb at memory slices 10–12 of 12, 1 of 4 compute slices, free'),
    ).toHaveStyle({ gridColumn: '10 / span 3' });
    expect(itemDescribedAs('memory slices 1–9 of 12, unallocated')).toBeInTheDocument();
  });

  it('tells in-use and free instances apart in text, not only colour', () => {
    render(<SliceMap model={model('a30-24gb')} gpuIndex={0} instances={A30_BALANCED} migEnabled />);
    expect(screen.getAllByText('Free')).toHaveLength(2);
    expect(screen.getAllByText('In use')).toHaveLength(1);
    expect(screen.getByText('ns/name')).toBeInTheDocument();
  });

  it('draws a GPU with MIG disabled as one whole-GPU block', () => {
    render(
      <SliceMap
        model={model('a100-40gb')}
        gpuIndex={2}
        instances={[]}
        migEnabled={false}
        wholeGpuInUse
        state="disabled"
      />,
    );
    expect(screen.getByText('MIG disabled (whole GPU)')).toBeInTheDocument();
    expect(itemDescribedAs('GPU 2, MIG disabled (whole GPU), in use')).toHaveStyle({
      gridColumn: '1 / span 8',
    });
    expect(screen.getByText('MIG disabled')).toBeInTheDocument(); // the state, as the Nodes table words it
    expect(screen.queryByRole('button', { name: 'Predicted placement' })).not.toBeInTheDocument();
  });

  it('falls back to a message and a plain list for an unknown model', () => {
    render(<SliceMap gpuIndex={5} instances={A30_BALANCED} migEnabled />);
    expect(screen.getByRole('figure', { name: 'GPU 5' })).toBeInTheDocument();
    expect(screen.getByText('Unknown GPU model')).toBeInTheDocument();
    expect(
      screen.getByText('GPU 5, 2g.12gb, in use by pod ns/name (inferred)'),
    ).toBeInTheDocument();
  });

  it('flags overlapping and out-of-range instances without crashing', () => {
    const { container } = render(
      <SliceMap
        model={model('a100-40gb')}
        gpuIndex={0}
        state="drifted"
        migEnabled
        instances={[
          { id: 'x', profile: '3g.20gb', start: 4, size: 4, computeSlices: 3, inUse: true },
          { id: 'y', profile: '4g.20gb', start: 4, size: 4, computeSlices: 4 },
          { id: 'v', profile: '1g.5gb', start: 0, size: 1, computeSlices: 1 },
          { id: 'y', profile: '1g.5gb', start: 7, size: 3, computeSlices: 1 },
          { id: 'z', profile: '1g.5gb', start: -1, size: 1, computeSlices: 1 },
          { id: 'q', profile: '1g.5gb', start: 0.5, size: Number.NaN, computeSlices: Number.NaN },
        ]}
      />,
    );
    expect(screen.getByText('The reported instances do not fit this GPU')).toBeInTheDocument();
    expect(
      screen.getByText('1g.5gb is placed outside the 8-slice grid (start 7, size 3)'),
    ).toBeInTheDocument();
    expect(screen.getByText('1g.5gb has no valid position')).toBeInTheDocument();
    expect(
      screen.getByText('8 compute slices are allocated but the GPU has 7'),
    ).toBeInTheDocument();
    expect(
      container.querySelectorAll('.gpu-partitioning-slice-map__slice--overlapping'),
    ).toHaveLength(2);
    const overlapping = itemDescribedAs(
      'GPU 0, 4g.20gb at memory slices 5–8 of 8, 4 of 7 compute slices, free, overlaps 3g.20gb',
    );
    expect(overlapping).toHaveStyle({ gridRow: '2' });
    expect(screen.getByText('Drifted')).toBeInTheDocument();
  });

  it('activates instances from the keyboard when onInstanceClick is set', async () => {
    const user = userEvent.setup();
    const onInstanceClick = jest.fn();
    render(
      <SliceMap
        model={model('a30-24gb')}
        gpuIndex={0}
        instances={A30_BALANCED}
        migEnabled
        predicted={false}
        onInstanceClick={onInstanceClick}
        highlightInstanceIds={['gi-3']}
        highlightLabel="Added"
      />,
    );
    const buttons = screen.getAllByRole('button');
    expect(buttons).toHaveLength(3);
    await user.tab();
    expect(buttons[0]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onInstanceClick).toHaveBeenLastCalledWith('gi-1');
    await user.tab();
    await user.tab();
    await user.keyboard(' ');
    expect(onInstanceClick).toHaveBeenLastCalledWith('gi-3');
    expect(
      screen.getByRole('button', {
        name: 'GPU 0, 2g.12gb at memory slices 3–4 of 4, 2 of 4 compute slices, in use by pod ns/name, Added',
      }),
    ).toBeInTheDocument();
  });

  it('renders without buttons when not clickable', () => {
    render(
      <SliceMap
        model={model('a30-24gb')}
        gpuIndex={0}
        instances={A30_BALANCED}
        migEnabled
        compact
      />,
    );
    expect(screen.getAllByRole('button')).toHaveLength(1); // the predicted-placement help only
  });
});

describe('SliceMapLegend', () => {
  it('lists the compute sizes of a model, the usage patterns and states', () => {
    render(<SliceMapLegend model={model('a30-24gb')} showStates />);
    const sizes = screen.getByRole('list', { name: 'Colour by compute slices' });
    expect(
      within(sizes)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1g profiles', '2g profiles', '4g profiles']);
    expect(screen.getByText('In use by a pod (filled)')).toBeInTheDocument();
    expect(screen.getByText('Unallocated memory slices (dashed)')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'GPU states' })).getAllByRole('listitem'),
    ).toHaveLength(6);
  });
});
