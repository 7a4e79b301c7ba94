import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { balancedA100, makeNode, unknownModel } from '../__fixtures__/gpuNodeViews';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { clockTime } from '../../text/timeText';
import { NodesTable } from './NodesTable';

jest.mock('../../SliceMap', () =>
  jest.requireActual('../__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

const SINCE = '2026-11-25T10:00:00.000Z';

describe('NodesTable', () => {
  it("says whose cordon a node carries: the plugin's for a MIG change, with since when, or someone else's", () => {
    renderWithRouter(
      <NodesTable
        nodes={[
          makeNode({
            name: 'gpu-ours',
            unschedulable: true,
            cordonedForMigChange: { since: SINCE },
          }),
          makeNode({ name: 'gpu-theirs', unschedulable: true }),
          makeNode({ name: 'gpu-open' }),
        ]}
        sort={{ key: 'name', direction: 'asc' }}
        onSort={() => undefined}
        expanded={new Set()}
        onToggleExpanded={() => undefined}
      />,
    );
    const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    expect(row('gpu-ours')).toHaveTextContent(
      `Cordoned for a MIG change (since ${clockTime(SINCE)})`,
    );
    expect(within(row('gpu-theirs')).getByText('Cordoned')).toBeInTheDocument();
    expect(within(row('gpu-theirs')).queryByText(/for a MIG change/)).not.toBeInTheDocument();
    expect(within(row('gpu-open')).queryByText(/Cordoned/)).not.toBeInTheDocument();
  });

  // The layout itself (no sideways scroll at 1280–1920 px) is pinned by e2e/gpu-page.spec.ts.
  it('fits narrow pages: five one-line headers, names on one line, the actions column always in view', async () => {
    const longName = 'ip-10-0-131-45.us-east-2.compute.internal';
    renderWithRouter(
      <NodesTable
        nodes={[balancedA100, unknownModel, makeNode({ name: longName })]}
        sort={{ key: 'name', direction: 'asc' }}
        onSort={() => undefined}
        expanded={new Set([balancedA100.name])}
        onToggleExpanded={() => undefined}
        rowActions={() => [{ title: 'Apply MIG config…' }]}
      />,
    );
    const headers = screen.getAllByRole('columnheader');
    const titled = headers.map((header) => header.textContent?.trim()).filter((text) => text);
    expect(titled).toEqual([
      'Row expansion',
      'Name',
      'MIG config',
      'State',
      'Allocatable',
      'GPU pods',
      'Actions',
    ]);
    for (const header of headers.filter((th) => th.querySelector('button'))) {
      expect(header).toHaveClass('pf-m-nowrap');
    }
    // The kebab column sticks to the right edge when a narrow window scrolls the table.
    const actionCells = document.querySelectorAll('td.pf-v6-c-table__action');
    expect(actionCells).toHaveLength(3);
    actionCells.forEach((cell) => expect(cell).toHaveClass('pf-v6-c-table__sticky-cell'));

    const row = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;
    // A name never wraps; a long one is cut with an ellipsis (CSS) and has its tooltip.
    const nameBox = within(row(longName)).getByTestId('node-name');
    expect(nameBox).toHaveClass('gpu-partitioning-nodes__name');
    await userEvent.hover(nameBox);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(longName);
    // Under the name: the GPUs, by the catalog's short name, or the product when unknown.
    expect(within(row(balancedA100.name)).getByTestId('node-gpus')).toHaveTextContent(
      '1 × NVIDIA A100 40GB',
    );
    expect(within(row(unknownModel.name)).getByTestId('node-gpus')).toHaveTextContent(
      `${unknownModel.gpuCount} × ${unknownModel.product}`,
    );
    // A resource list breaks only between resources.
    const allocatable = within(row(balancedA100.name)).getAllByText(/×\d+$/);
    expect(allocatable.map((chunk) => chunk.textContent)).toEqual([
      '1g.5gb ×2',
      '2g.10gb ×1',
      '3g.20gb ×1',
    ]);
    allocatable.forEach((chunk) => expect(chunk).toHaveClass('gpu-partitioning-nodes__resource'));
    // The product, memory and the node's strategy label moved to the row's details.
    expect(screen.getByTestId('node-strategy')).toHaveTextContent('mixed');
  });

  it('words GPUs and resources as the rest of the page does: no MIG, Whole GPU, MIG device', () => {
    const l40s = makeNode({
      name: 'gpu-l40s',
      product: 'NVIDIA-L40S',
      model: undefined,
      migCapable: false,
      knownWithoutMig: true,
      primaryState: 'disabled',
      allocatable: { 'nvidia.com/gpu': 4 },
    });
    const single = makeNode({
      name: 'gpu-single',
      strategy: 'single',
      gpus: [{ ...balancedA100.gpus[0], migEnabled: true }],
      allocatable: { 'nvidia.com/gpu': 14 },
    });
    renderWithRouter(
      <NodesTable
        nodes={[l40s, single]}
        sort={{ key: 'name', direction: 'asc' }}
        onSort={() => undefined}
        expanded={new Set()}
        onToggleExpanded={() => undefined}
      />,
    );
    const row = (name: string) => screen.getByText(name).closest('tr') as HTMLElement;
    expect(within(row('gpu-l40s')).getByText('no MIG')).toBeInTheDocument();
    expect(within(row('gpu-l40s')).queryByText('unknown model')).not.toBeInTheDocument();
    expect(within(row('gpu-l40s')).getByText('Whole GPU ×4')).toBeInTheDocument();
    // Under single, a MIG-enabled node's nvidia.com/gpu are its MIG devices.
    expect(within(row('gpu-single')).getByText('MIG device ×14')).toBeInTheDocument();
  });

  it("offers an alert's fix from the expanded row: the config a typo'd name meant", async () => {
    const onApplyConfig = jest.fn();
    const typo = makeNode({
      name: 'gpu-typo',
      migConfig: 'all-balancd',
      migConfigState: 'failed',
      primaryState: 'failed',
      conditions: [
        {
          kind: 'unknown-config',
          severity: 'danger',
          facts: { code: 'config-not-found', config: 'all-balancd', suggestion: 'all-balanced' },
        },
      ],
    });
    renderWithRouter(
      <NodesTable
        nodes={[typo]}
        sort={{ key: 'name', direction: 'asc' }}
        onSort={() => undefined}
        expanded={new Set(['gpu-typo'])}
        onToggleExpanded={() => undefined}
        onApplyConfig={onApplyConfig}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Preview all-balanced…' }));
    expect(onApplyConfig).toHaveBeenCalledWith(typo, 'all-balanced');
  });
});
