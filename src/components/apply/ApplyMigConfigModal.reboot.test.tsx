import { sdkMock } from '../../hooks/testing/sdkMock';
import { render, screen } from '@testing-library/react';
import type { ClusterPolicyKind } from '../../cluster/models';
import { ApplyMigConfigModal } from './ApplyMigConfigModal';
import { seedCluster } from './__fixtures__/cluster';
import { initTestI18n } from '../../hooks/testing/i18n';

/** The apply preview reads WITH_REBOOT from the ClusterPolicy (issue 10, item 2). */
const { resetK8sWatchFixtures, setK8sWatchFixtures } = sdkMock;

jest.mock('../SliceMap', () =>
  jest.requireActual('../gpu-page/__fixtures__/sliceMapStub').sliceMapModuleStub(),
);

beforeAll(initTestI18n);
afterEach(resetK8sWatchFixtures);

const clusterWithReboot = (value: string) =>
  seedCluster().map((object) =>
    object.kind === 'ClusterPolicy'
      ? {
          ...object,
          spec: {
            ...(object as ClusterPolicyKind).spec,
            migManager: {
              ...(object as ClusterPolicyKind).spec?.migManager,
              env: [{ name: 'WITH_REBOOT', value }],
            },
          },
        }
      : object,
  );

const renderModal = () =>
  render(
    <ApplyMigConfigModal
      isOpen
      onClose={jest.fn()}
      nodeNames={['worker1']}
      initialConfig="all-balanced"
    />,
  );

describe('ApplyMigConfigModal with WITH_REBOOT', () => {
  it('warns that a failed MIG mode change reboots the node and asks to acknowledge it', async () => {
    setK8sWatchFixtures({ objects: clusterWithReboot('true') });
    renderModal();
    expect(
      await screen.findByText('A failed MIG mode change reboots this node'),
    ).toBeInTheDocument();
    expect(screen.getByText(/The reboot kills every pod on the node/)).toBeInTheDocument();
    expect(
      screen.getByRole('checkbox', { name: /I have read the warnings above/ }),
    ).not.toBeChecked();
    expect(screen.getByRole('button', { name: /^Apply/ })).toBeDisabled();
  });

  it('says nothing of a reboot when WITH_REBOOT is false', async () => {
    setK8sWatchFixtures({ objects: clusterWithReboot('false') });
    renderModal();
    await screen.findByRole('grid', { name: 'Resources of worker1 before and after' });
    expect(screen.queryByText(/reboots this node/)).not.toBeInTheDocument();
  });
});
