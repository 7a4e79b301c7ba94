import { screen, within } from '@testing-library/react';
import { makeNode } from '../__fixtures__/gpuNodeViews';
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
});
