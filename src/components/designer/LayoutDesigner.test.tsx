import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initTestI18n } from '../../hooks/testing/i18n';
import { balancedA100, unknownModel } from '../gpu-page/__fixtures__/gpuNodeViews';
import { LayoutDesigner } from './LayoutDesigner';
import type { DesignDraft } from './useLayoutDesign';

beforeAll(initTestI18n);
// The plugin marks elements with data-test (the console's convention), as the e2e tests read them.

const renderDesigner = () => {
  const onSave = jest.fn();
  // A draft of its own: a test starts from an empty design.
  render(<LayoutDesigner nodes={[]} initialModelId="a30-24gb" draft={{}} onSave={onSave} />);
  return { onSave, user: userEvent.setup() };
};

const addButton = (profile: string, gpu = 0) =>
  within(screen.getByTestId(`designer-gpu-${gpu}`)).getByRole('button', {
    name: `Add ${profile}`,
  });

describe('LayoutDesigner', () => {
  it('adds profiles, explains illegal additions and removes an instance clicked on the map', async () => {
    const { user } = renderDesigner();
    await user.click(addButton('4g.24gb'));
    const card = screen.getByTestId('designer-gpu-0');
    expect(addButton('1g.6gb')).toHaveAttribute('aria-disabled', 'true');
    expect(within(card).getByText(/Cannot add 1g\.6gb: /)).toBeInTheDocument();
    expect(within(card).getByText(/Compute 4 of 4 slices/)).toBeInTheDocument();
    expect(within(card).getByText('4g.24gb: 1')).toBeInTheDocument();

    const instance = within(card)
      .getAllByRole('button')
      .find(
        (button) =>
          /4g\.24gb/.test(button.textContent ?? '') && !/^Add/.test(button.textContent ?? ''),
      );
    expect(instance).toBeDefined();
    await user.click(instance!);
    expect(addButton('1g.6gb')).not.toHaveAttribute('aria-disabled', 'true');
    expect(within(card).getByText(/Compute 0 of 4 slices/)).toBeInTheDocument();
  });

  it('stops at the maximum count with the reason', async () => {
    const { user } = renderDesigner();
    await user.click(addButton('2g.12gb'));
    await user.click(addButton('2g.12gb'));
    expect(addButton('2g.12gb')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText(/Cannot add 2g\.12gb:/)).toBeInTheDocument();
    // A disabled button does nothing.
    await user.click(addButton('2g.12gb'));
    expect(screen.getByText('2g.12gb: 2')).toBeInTheDocument();
  });

  it('writes per-GPU devices lists and a device filter, and hands the entries to save', async () => {
    const { user, onSave } = renderDesigner();
    await user.click(screen.getByRole('button', { name: 'More GPUs' }));
    await user.click(addButton('4g.24gb'));
    await user.click(screen.getByRole('switch', { name: 'Same layout on all GPUs' }));
    // GPU 1 starts from the shared layout; make it differ.
    const gpu1 = screen.getByTestId('designer-gpu-1');
    const shared = within(gpu1)
      .getAllByRole('button')
      .find(
        (button) =>
          /4g\.24gb/.test(button.textContent ?? '') && !/^Add/.test(button.textContent ?? ''),
      );
    await user.click(shared!);
    await user.click(addButton('1g.6gb', 1));
    await user.click(addButton('1g.6gb', 1));

    const yaml = document.getElementById('gpu-partitioning-designer-entries')?.textContent ?? '';
    expect(yaml).toContain('device-filter: "0x20B710DE"');
    expect(yaml).toMatch(/devices: \[\s*0\s*\]/);
    expect(yaml).toMatch(/devices: \[\s*1\s*\]/);

    await user.click(screen.getByRole('button', { name: 'Save or export as named config…' }));
    const design = onSave.mock.calls[0][0];
    expect(design.model.id).toBe('a30-24gb');
    expect(design.entries).toEqual([
      { deviceFilter: '0x20B710DE', devices: [0], migEnabled: true, migDevices: { '4g.24gb': 1 } },
      { deviceFilter: '0x20B710DE', devices: [1], migEnabled: true, migDevices: { '1g.6gb': 2 } },
    ]);
  });

  it('keeps the design when it is unmounted and shown again (the page unmounts hidden tabs)', async () => {
    const draft: DesignDraft = {};
    const user = userEvent.setup();
    const first = render(<LayoutDesigner nodes={[]} draft={draft} onSave={jest.fn()} />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'GPU model' }), 'a30-24gb');
    await user.click(addButton('2g.12gb'));
    first.unmount();

    render(<LayoutDesigner nodes={[]} draft={draft} onSave={jest.fn()} />);
    expect(screen.getByRole('combobox', { name: 'GPU model' })).toHaveValue('a30-24gb');
    expect(
      within(screen.getByTestId('designer-gpu-0')).getByText('2g.12gb: 1'),
    ).toBeInTheDocument();
  });

  it('in Node mode starts from a node the catalog knows, also when the nodes arrive later', async () => {
    const user = userEvent.setup();
    const props = { draft: {}, onSave: jest.fn() };
    // The nodes are still loading when the designer first renders.
    const { rerender } = render(<LayoutDesigner nodes={[]} {...props} />);
    rerender(<LayoutDesigner nodes={[unknownModel, balancedA100]} {...props} />);
    // Designing for the fleet's model by default.
    expect(screen.getByRole('combobox', { name: 'GPU model' })).toHaveValue(balancedA100.model!.id);

    await user.click(screen.getByRole('button', { name: 'Node' }));
    const node = screen.getByRole('combobox', { name: 'Node' });
    expect(node).toHaveValue(balancedA100.name);
    expect(within(node).queryByRole('option', { name: /gpu-mystery/ })).not.toBeInTheDocument();
    expect(screen.queryByText(/not in the catalog/)).not.toBeInTheDocument();
    // The node's layout is the starting point.
    expect(screen.getByTestId('designer-gpu-0')).toHaveTextContent(
      /1g\.5gb: 2 2g\.10gb: 1 3g\.20gb: 1/,
    );
  });
});
