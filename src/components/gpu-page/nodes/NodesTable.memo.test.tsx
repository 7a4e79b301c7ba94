import { act } from '@testing-library/react';
import { useState } from 'react';
import type { GpuNodeView } from '../../../cluster/types';
import { makeNode } from '../__fixtures__/gpuNodeViews';
import { renderWithRouter } from '../__fixtures__/renderWithRouter';
import { NodesTable } from './NodesTable';

jest.mock('../../SliceMap', () =>
  jest.requireActual('../__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

describe('NodesTable on a changing fleet', () => {
  it('renders again only the row whose node view changed', () => {
    const nodes = ['gpu-a', 'gpu-b', 'gpu-c'].map((name) => makeNode({ name }));
    // Called by each row as it renders: counts the rows rendered.
    const rowActions = jest.fn((_node: GpuNodeView) => []);
    const props = {
      sort: { key: 'name', direction: 'asc' } as const,
      onSort: () => undefined,
      expanded: new Set<string>(),
      onToggleExpanded: () => undefined,
      rowActions,
    };
    let setNodes: (next: GpuNodeView[]) => void = () => undefined;
    const Owner = () => {
      const [shown, set] = useState(nodes);
      setNodes = set;
      return <NodesTable nodes={shown} {...props} />;
    };
    renderWithRouter(<Owner />);
    expect(rowActions).toHaveBeenCalledTimes(3);
    rowActions.mockClear();

    // A watch event: a new list in which only gpu-b's view is a new object.
    act(() =>
      setNodes([nodes[0], makeNode({ name: 'gpu-b', migConfig: 'all-1g.10gb' }), nodes[2]]),
    );
    expect(rowActions.mock.calls.map(([node]) => node.name)).toEqual(['gpu-b']);
  });
});
