import { sdkMock } from '../../../hooks/testing/sdkMock';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type * as React from 'react';
import * as nodeViews from '../../../hooks/useGpuNodeViews';
import { initTestI18n } from '../../../hooks/testing/i18n';
import { SharedGpuNodeViewsProvider } from '../../../hooks/useSharedGpuNodeViews';
import { ApplyMigConfigModal } from '../../apply/ApplyMigConfigModal';
import { seedCluster } from '../../apply/__fixtures__/cluster';
import { LayoutDesignerTab } from '../../designer/LayoutDesignerTab';
import { StrategyModal } from '../../strategy/StrategyModal';

/** The page's dialogs use the page's node views instead of building every view again. */
jest.mock('../../../hooks/useGpuNodeViews', () => {
  const actual = jest.requireActual('../../../hooks/useGpuNodeViews');
  return { ...actual, useGpuNodeViews: jest.fn(actual.useGpuNodeViews) };
});
jest.mock('../../SliceMap', () =>
  jest.requireActual('../__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

const { resetK8sWatchFixtures, setK8sWatchFixtures } = sdkMock;
const buildViewsSpy = nodeViews.useGpuNodeViews as jest.Mock;
const usePageNodeViews = jest.requireActual<typeof nodeViews>(
  '../../../hooks/useGpuNodeViews',
).useGpuNodeViews;

/** The page: builds the views once and shares them. */
const Page = ({ children }: { children: React.ReactNode }) => {
  const views = usePageNodeViews();
  return <SharedGpuNodeViewsProvider value={views}>{children}</SharedGpuNodeViewsProvider>;
};

beforeAll(initTestI18n);
beforeEach(() => setK8sWatchFixtures({ objects: seedCluster() }));
afterEach(() => {
  resetK8sWatchFixtures();
  buildViewsSpy.mockClear();
});

const applyModal = (
  <ApplyMigConfigModal
    isOpen
    onClose={jest.fn()}
    nodeNames={['worker1']}
    initialConfig="all-balanced"
  />
);

describe('WithGpuNodeViews', () => {
  it("previews an apply from the page's views without building its own", async () => {
    render(<Page>{applyModal}</Page>);
    expect(
      await screen.findByRole('grid', { name: 'Resources of worker1 before and after' }),
    ).toBeInTheDocument();
    expect(buildViewsSpy).not.toHaveBeenCalled();
  });

  it("previews a strategy switch from the page's views without building its own", async () => {
    render(
      <Page>
        <StrategyModal isOpen onClose={jest.fn()} />
      </Page>,
    );
    await userEvent.click(await screen.findByRole('radio', { name: /^single/ }));
    expect(
      screen.getByRole('grid', { name: 'What each node advertises afterwards' }),
    ).toHaveTextContent('worker1');
    expect(buildViewsSpy).not.toHaveBeenCalled();
  });

  it("offers the page's nodes in the layout designer without building their views again", async () => {
    render(
      <Page>
        <LayoutDesignerTab />
      </Page>,
    );
    const fromNode = screen.getByRole('button', { name: 'Node' });
    await waitFor(() => expect(fromNode).toBeEnabled());
    await userEvent.click(fromNode);
    expect(screen.getByRole('option', { name: /^worker1 \(/ })).toBeInTheDocument();
    expect(buildViewsSpy).not.toHaveBeenCalled();
  });

  it('builds the views itself outside the page (the Node → GPU tab)', async () => {
    render(applyModal);
    expect(
      await screen.findByRole('grid', { name: 'Resources of worker1 before and after' }),
    ).toBeInTheDocument();
    expect(buildViewsSpy).toHaveBeenCalled();
  });
});
