import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  balancedA100,
  driftedA100,
  failedH100,
  fleet,
  invalidH100,
  makeNode,
  pendingA100,
} from '../__fixtures__/gpuNodeViews';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { filterNodes, EMPTY_FILTERS, sortNodes } from './nodeList';
import { NodesTab } from './NodesTab';

jest.mock('../../SliceMap', () =>
  jest.requireActual('../__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

const nodeNamesInTable = () =>
  Array.from(
    screen
      .getByRole('grid', { name: 'GPU nodes' })
      .querySelectorAll('tbody [data-test="resource-link"]'),
  ).map((link) => link.textContent);

describe('nodeList', () => {
  it('filters by free profile using allocatable minus in use', () => {
    const result = filterNodes(fleet, { ...EMPTY_FILTERS, freeProfiles: ['1g.5gb'] });
    expect(result.map((node) => node.name)).toEqual(['gpu-a100-balanced', 'gpu-a100-drifted']);
    const full = makeNode({
      name: 'full',
      allocatable: { 'nvidia.com/mig-1g.5gb': 1 },
      inUse: { 'nvidia.com/mig-1g.5gb': 1 },
    });
    expect(filterNodes([full], { ...EMPTY_FILTERS, freeProfiles: ['1g.5gb'] })).toEqual([]);
  });

  it('sorts problems first by state and breaks ties by name', () => {
    expect(sortNodes(fleet, 'state', 'asc').map((node) => node.name)).toEqual([
      'gpu-h100-failed',
      'gpu-h100-invalid',
      'gpu-a100-drifted',
      'gpu-a100-pending',
      'gpu-mystery',
      'gpu-a100-balanced',
    ]);
  });

  it('survives garbage values', () => {
    const odd = makeNode({
      name: 'odd',
      product: '',
      allocatable: { 'nvidia.com/mig-banana': 2, 'nvidia.com/gpu': Number.NaN },
    });
    expect(() => sortNodes([odd, balancedA100], 'advertised', 'desc')).not.toThrow();
    expect(filterNodes([odd], { ...EMPTY_FILTERS, name: 'od' })).toHaveLength(1);
  });
});

describe('NodesTab', () => {
  it('lists every node with its state, config and advertised resources', () => {
    renderWithRouter(<NodesTab nodes={fleet} />);
    expect(nodeNamesInTable()).toEqual([
      'gpu-a100-balanced',
      'gpu-a100-drifted',
      'gpu-a100-pending',
      'gpu-h100-failed',
      'gpu-h100-invalid',
      'gpu-mystery',
    ]);
    const balancedRow = screen.getByText('gpu-a100-balanced').closest('tr') as HTMLElement;
    expect(balancedRow).toHaveTextContent('1g.5gb ×2, 2g.10gb ×1, 3g.20gb ×1');
    expect(within(balancedRow).getByText('Applied')).toBeInTheDocument();
    expect(within(balancedRow).getByText('1 × NVIDIA A100 40GB')).toBeInTheDocument();
    // Every header has its cell (expand toggle and actions included).
    const headerCount = screen.getAllByRole('columnheader').length;
    expect(balancedRow.querySelectorAll(':scope > td')).toHaveLength(headerCount);
    const pendingRow = screen.getByText('gpu-a100-pending').closest('tr') as HTMLElement;
    expect(within(pendingRow).getByText('Pending for 42 min')).toBeInTheDocument();
    const mysteryRow = screen.getByText('gpu-mystery').closest('tr') as HTMLElement;
    expect(within(mysteryRow).getByText('unknown model')).toBeInTheDocument();
  });

  it('sorts by a column when its header is clicked', async () => {
    renderWithRouter(<NodesTab nodes={fleet} />);
    await userEvent.click(screen.getByRole('button', { name: 'State' }));
    expect(nodeNamesInTable()[0]).toBe(failedH100.name);
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    await userEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(nodeNamesInTable()[0]).toBe('gpu-mystery');
  });

  it('searches by name and filters by state, keeping the filters in the URL', async () => {
    const { currentUrl } = renderWithRouter(<NodesTab nodes={fleet} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Search nodes by name' }), 'h100');
    expect(nodeNamesInTable()).toEqual([failedH100.name, invalidH100.name]);
    expect(currentUrl()).toContain('name=h100');

    await userEvent.click(screen.getByRole('button', { name: 'Filter by State' }));
    // The mig-manager's own value, as it wrote it; the page's state has its own word ("Failed").
    await userEvent.click(screen.getByRole('checkbox', { name: 'failed' }));
    expect(currentUrl()).toContain('state=failed');
    expect(nodeNamesInTable()).toEqual([failedH100.name]);
    await userEvent.click(screen.getByRole('checkbox', { name: 'failed' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Failed' }));
    expect(currentUrl()).toContain('health=failed');
    expect(nodeNamesInTable()).toEqual([failedH100.name]);
  });

  it('says when the filters hide every node and clears them', async () => {
    renderWithRouter(<NodesTab nodes={fleet} />, '/gpu-partitioning?tab=nodes&name=nothing');
    expect(screen.getByText('No nodes match the filters')).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('button', { name: 'Clear all filters' })[0]);
    expect(nodeNamesInTable()).toHaveLength(fleet.length);
  });

  it('filters by free profile from a link', () => {
    renderWithRouter(<NodesTab nodes={fleet} />, '/gpu-partitioning?tab=nodes&free=3g.20gb');
    expect(nodeNamesInTable()).toEqual([balancedA100.name]);
  });

  it('expands a row to its slice maps and explained conditions', async () => {
    renderWithRouter(<NodesTab nodes={[balancedA100, driftedA100]} />);
    const row = screen.getByText(driftedA100.name).closest('tr') as HTMLElement;
    await userEvent.click(within(row).getByRole('button', { name: 'Details' }));
    expect(screen.getByRole('figure', { name: 'Slice map GPU 0' })).toBeInTheDocument();
    expect(screen.getByText('Advertised resources differ from all-1g.5gb')).toBeInTheDocument();
    const comparison = screen.getByRole('grid', {
      name: 'Expected and advertised resources of gpu-a100-drifted',
    });
    const driftRow = within(comparison).getByText('1g.5gb').closest('tr') as HTMLElement;
    expect(within(driftRow).getByText('7')).toBeInTheDocument();
    expect(within(driftRow).getByText('3')).toBeInTheDocument();
    expect(within(driftRow).getByText('Differs')).toBeInTheDocument();
  });

  it('paginates large fleets 20 per page', async () => {
    const many = Array.from({ length: 45 }, (_unused, index) =>
      makeNode({ name: `node-${String(index).padStart(3, '0')}` }),
    );
    renderWithRouter(<NodesTab nodes={many} />);
    expect(nodeNamesInTable()).toHaveLength(20);
    await userEvent.click(screen.getAllByRole('button', { name: 'Go to next page' })[0]);
    expect(nodeNamesInTable()[0]).toBe('node-020');
  });

  it('shows the write side its slots', () => {
    renderWithRouter(
      <NodesTab
        nodes={[pendingA100]}
        write={{
          toolbarActions: () => <button type="button">Change MIG config</button>,
          rowActions: () => [{ title: 'Edit', onClick: jest.fn() }],
          isSelectable: () => true,
        }}
      />,
    );
    expect(screen.getByRole('button', { name: 'Change MIG config' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Kebab toggle' })).toBeInTheDocument();
  });

  it('hands the toolbar the selected nodes the filters show, never unselectable ones', async () => {
    const capable = fleet.filter((node) => node.migCapable);
    const incapable = makeNode({ name: 'gpu-t4', migCapable: false });
    const toolbarActions = jest.fn((selected: Array<{ name: string }>) => (
      <span data-test="selected">{selected.map((node) => node.name).join(',')}</span>
    ));
    const selectedText = () => screen.getByTestId('selected').textContent;
    renderWithRouter(
      <NodesTab
        nodes={[...fleet, incapable]}
        write={{
          toolbarActions,
          rowActions: () => [],
          isSelectable: (node) => node.migCapable,
        }}
      />,
    );
    expect(selectedText()).toBe('');
    expect(screen.getByRole('checkbox', { name: /^gpu-t4 cannot be selected/ })).toBeDisabled();

    await userEvent.click(screen.getByRole('checkbox', { name: `Select node ${capable[0].name}` }));
    await userEvent.click(screen.getByRole('checkbox', { name: `Select node ${capable[1].name}` }));
    expect(selectedText()).toBe([capable[0].name, capable[1].name].sort().join(','));

    // Narrowing the filters narrows what the actions get.
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search nodes by name' }),
      capable[0].name,
    );
    expect(selectedText()).toBe(capable[0].name);
    await userEvent.clear(screen.getByRole('textbox', { name: 'Search nodes by name' }));

    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all nodes' }));
    expect(selectedText()?.split(',').sort()).toEqual(capable.map((node) => node.name).sort());
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select no nodes' }));
    expect(selectedText()).toBe('');
  });
});
