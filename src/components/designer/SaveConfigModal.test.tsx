import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { designedEntries, planCustomConfig } from '../../cluster/customConfig';
import { clusterPolicy } from '../../cluster/__fixtures__/nodes';
import { findModel, parseMigPartedConfig } from '../../geometry';
import { sdkMock } from '../../hooks/testing/sdkMock';
import { useGpuNodeViews } from '../../hooks/useGpuNodeViews';
import {
  useCustomMigConfig,
  type CustomMigConfigResult,
  type SavePreview,
} from '../../hooks/useCustomMigConfig';
import { defaultConfigMap, seedCluster } from '../apply/__fixtures__/cluster';
import { initTestI18n } from '../../hooks/testing/i18n';
import { SaveConfigModal } from './SaveConfigModal';

const { k8sCreate, k8sGet, k8sPatch, k8sUpdate, setK8sWatchFixtures, updateK8sWatchFixtures } =
  sdkMock;

beforeAll(initTestI18n);
afterEach(() => {
  sdkMock.resetK8sWatchFixtures();
  for (const mock of [k8sCreate, k8sGet, k8sPatch, k8sUpdate]) mock.mockClear();
  k8sGet.mockReset();
});

const defaultAt = (resourceVersion: string) => ({
  ...defaultConfigMap,
  metadata: { ...defaultConfigMap.metadata, resourceVersion },
});
const editedDefaultAt = (resourceVersion: string) => {
  const edited = defaultAt(resourceVersion);
  return {
    ...edited,
    data: {
      'config.yaml': `${edited.data['config.yaml']}\n  added-by-someone:\n    - devices: all\n      mig-enabled: false\n`,
    },
  };
};
const clusterWithDefaultAt = (resourceVersion: string) =>
  seedCluster().map((object) =>
    object.metadata?.name === defaultConfigMap.metadata.name ? defaultAt(resourceVersion) : object,
  );

/** The dialog over the real hook and the SDK mock (the Layout designer tab's wiring). */
const SaveWithTheHook = () => {
  const custom = useCustomMigConfig(useGpuNodeViews());
  return <SaveConfigModal design={design} custom={custom} onClose={jest.fn()} />;
};
// The plugin marks elements with data-test (the console's convention), as the e2e tests read them.

const a30 = findModel('a30-24gb')!;
const inUse = parseMigPartedConfig(
  `version: v1\nmig-configs:\n  all-disabled:\n    - devices: all\n      mig-enabled: false\n  all-balanced:\n    - devices: all\n      mig-enabled: true\n      mig-devices:\n        "1g.6gb": 2\n        "2g.12gb": 1\n`,
).config!;
const policy = {
  metadata: { name: 'gpu-cluster-policy', resourceVersion: '5' },
  spec: { migManager: { enabled: true } },
};

const fakeCustom = (save: CustomMigConfigResult['save']) => {
  const nodes = [{ name: 'worker1', migConfig: 'all-balanced' }];
  return {
    namespace: 'nvidia-gpu-operator',
    nodes: nodes as unknown as CustomMigConfigResult['nodes'],
    clusterPolicy: policy,
    access: { writeConfigMap: true, patchClusterPolicy: true, loading: false },
    catchingUp: false,
    preview: (name: string, entries: SavePreview['plan']['config']['migConfigs'][string]) => ({
      plan: planCustomConfig({ inUse, nodes, name, entries }),
      name,
      namespace: 'nvidia-gpu-operator',
      clusterPolicy: policy,
      previousConfigMapName: '',
    }),
    save,
  };
};

const design = {
  model: a30,
  entries: designedEntries(a30, [{ index: 0, counts: { '2g.12gb': 2 } }], true),
  comment: 'A30',
  suggestedName: 'two-halves',
};

describe('SaveConfigModal', () => {
  it('previews the full file with the diff summary, then writes', async () => {
    const save = jest.fn().mockResolvedValue({
      ok: true,
      conflict: false,
      steps: [
        { what: 'configmap', status: 'done', created: true },
        { what: 'clusterpolicy', status: 'done' },
      ],
    });
    const user = userEvent.setup();
    render(<SaveConfigModal design={design} custom={fakeCustom(save)} onClose={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Preview the ConfigMap' }));
    const yaml = document.getElementById('gpu-partitioning-config-yaml')?.textContent ?? '';
    expect(yaml).toContain('all-balanced:');
    expect(yaml).toContain('all-disabled:');
    expect(yaml).toMatch(/two-halves:\n\s+- device-filter: "0x20B710DE"/);
    expect(screen.getByTestId('designer-diff-summary')).toHaveTextContent('Added: two-halves');
    expect(screen.getByTestId('designer-diff-summary')).toHaveTextContent(
      'Kept unchanged: 2 configs',
    );
    expect(screen.getByText(/after the kubelet syncs the mounted ConfigMap/)).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    );
    expect(save).toHaveBeenCalledWith(expect.objectContaining({ name: 'two-halves' }));
    expect(await screen.findByTestId('designer-save-result')).toHaveTextContent(
      'spec.migManager.config.name changed from (unset) to gpu-partitioning-mig-config',
    );
  });

  it('needs confirmation to replace an existing name', async () => {
    const user = userEvent.setup();
    render(
      <SaveConfigModal
        design={{ ...design, suggestedName: 'all-balanced' }}
        custom={fakeCustom(jest.fn())}
        onClose={jest.fn()}
      />,
    );
    expect(screen.getByRole('button', { name: 'Preview the ConfigMap' })).toBeDisabled();
    await user.click(
      screen.getByRole('checkbox', { name: 'Replace the existing config all-balanced' }),
    );
    await user.click(screen.getByRole('button', { name: 'Preview the ConfigMap' }));
    expect(screen.getByTestId('designer-diff-summary')).toHaveTextContent('Replaced: all-balanced');
    expect(screen.getByText(/worker1 already use all-balanced/)).toBeInTheDocument();
  });

  it('says nothing was overwritten on a conflict and offers to preview again', async () => {
    const save = jest.fn().mockResolvedValue({
      ok: false,
      conflict: true,
      steps: [
        {
          what: 'configmap',
          status: 'failed',
          failure: { kind: 'conflict', status: 409, message: 'x' },
        },
        { what: 'clusterpolicy', status: 'not-attempted' },
      ],
    });
    const user = userEvent.setup();
    render(<SaveConfigModal design={design} custom={fakeCustom(save)} onClose={jest.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Preview the ConfigMap' }));
    await user.click(
      screen.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    );
    const result = await screen.findByTestId('designer-save-result');
    expect(result).toHaveTextContent('nothing was overwritten');
    expect(result).toHaveTextContent(
      'was not written. Someone changed it since the preview (HTTP 409).',
    );
    expect(result).toHaveTextContent('The ClusterPolicy was not changed.');
    expect(screen.getByRole('button', { name: 'Preview again' })).toBeInTheDocument();
  });

  it('refuses, as typed, a name that cannot be a label value, and cannot preview or write it', async () => {
    const user = userEvent.setup();
    render(<SaveConfigModal design={design} custom={fakeCustom(jest.fn())} onClose={jest.fn()} />);
    const input = screen.getByRole('textbox', { name: /Config name/ });
    await user.clear(input);
    await user.type(input, 'My A30 config');
    expect(input).toHaveValue('My A30 config');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/can hold only letters, digits.*\(no spaces\)/);
    expect(screen.getByRole('button', { name: 'Preview the ConfigMap' })).toBeDisabled();
    expect(
      screen.queryByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    ).not.toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'x'.repeat(64));
    expect(input).toHaveAccessibleDescription(/At most 63 characters/);
    await user.clear(input);
    await user.type(input, 'My_A30.config');
    expect(input).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByRole('button', { name: 'Preview the ConfigMap' })).toBeEnabled();
  });

  it('refuses to save when the ConfigMap in use was edited after the preview, and says what to do', async () => {
    const user = userEvent.setup();
    setK8sWatchFixtures({ objects: clusterWithDefaultAt('5') });
    render(<SaveWithTheHook />);
    await user.click(await screen.findByRole('button', { name: 'Preview the ConfigMap' }));
    expect(document.getElementById('gpu-partitioning-config-yaml')?.textContent).toContain(
      'all-balanced:',
    );
    // Someone edits the ConfigMap in use; the watch has not told the page yet.
    k8sGet.mockResolvedValue(editedDefaultAt('6'));
    await user.click(
      screen.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    );
    const result = await screen.findByTestId('designer-save-result');
    expect(result).toHaveTextContent('Changed by someone else since the preview');
    expect(result).toHaveTextContent(
      'ConfigMap nvidia-gpu-operator/default-mig-parted-config (the configs in use) was changed by someone else since the preview (resourceVersion 5 → 6).',
    );
    expect(result).toHaveTextContent('Preview again: the new file carries the edit over');
    expect(k8sGet).toHaveBeenCalledWith(
      expect.objectContaining({ ns: 'nvidia-gpu-operator', name: 'default-mig-parted-config' }),
    );
    expect(k8sCreate).not.toHaveBeenCalled();
    expect(k8sUpdate).not.toHaveBeenCalled();
    expect(k8sPatch).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Preview again' })).toBeInTheDocument();
  });

  it('marks the preview stale when the watch shows the ConfigMap in use changed', async () => {
    const user = userEvent.setup();
    setK8sWatchFixtures({ objects: clusterWithDefaultAt('5') });
    render(<SaveWithTheHook />);
    await user.click(await screen.findByRole('button', { name: 'Preview the ConfigMap' }));
    act(() => updateK8sWatchFixtures({ objects: clusterWithDefaultAt('6') }));
    expect(
      screen.getByText(
        'A ConfigMap or the ClusterPolicy this preview was made from changed since.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    ).toHaveAttribute('aria-disabled', 'true');
  });

  it('writes, and repoints the ClusterPolicy, while the ConfigMap in use is as previewed', async () => {
    const user = userEvent.setup();
    setK8sWatchFixtures({ objects: clusterWithDefaultAt('5') });
    k8sGet.mockResolvedValue(defaultAt('5'));
    render(<SaveWithTheHook />);
    await user.click(await screen.findByRole('button', { name: 'Preview the ConfigMap' }));
    await user.click(
      screen.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    );
    const result = await screen.findByTestId('designer-save-result');
    expect(result).toHaveTextContent('Saved two-halves');
    expect(result).toHaveTextContent(
      'ConfigMap nvidia-gpu-operator/default-mig-parted-config (the configs in use) is unchanged since the preview.',
    );
    expect(k8sGet).toHaveBeenCalledTimes(2);
    expect(k8sCreate).toHaveBeenCalledTimes(1);
    expect(k8sPatch).toHaveBeenCalledTimes(1);
  });

  it('shows a validation 422 of the ConfigMap write as invalid input with the API server message', async () => {
    const user = userEvent.setup();
    setK8sWatchFixtures({ objects: clusterWithDefaultAt('5') });
    k8sGet.mockResolvedValue(defaultAt('5'));
    const message =
      'ConfigMap "gpu-partitioning-mig-config" is invalid: data[config.yaml]: Too long: must have at most 1048576 bytes';
    k8sCreate.mockRejectedValueOnce(
      Object.assign(sdkMock.mockHttpError(422, 'Error "Too long" for field "data[config.yaml]".'), {
        json: { kind: 'Status', code: 422, reason: 'Invalid', message },
      }),
    );
    render(<SaveWithTheHook />);
    await user.click(await screen.findByRole('button', { name: 'Preview the ConfigMap' }));
    await user.click(
      screen.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    );
    const result = await screen.findByTestId('designer-save-result');
    expect(result).toHaveTextContent('Not everything was written');
    expect(result).toHaveTextContent(
      `The API server refused it as invalid input (HTTP 422), not because of a conflict: ${message}`,
    );
    expect(result).not.toHaveTextContent('someone else');
    expect(k8sPatch).not.toHaveBeenCalled();
  });

  it('shows the saved state at once, the result on top and the YAML folded, and offers Apply once the watches show it', async () => {
    const user = userEvent.setup();
    setK8sWatchFixtures({ objects: clusterWithDefaultAt('5') });
    k8sGet.mockResolvedValue(defaultAt('5'));
    const onApply = jest.fn();
    const SaveThenApply = () => (
      <SaveConfigModal
        design={design}
        custom={useCustomMigConfig(useGpuNodeViews())}
        onClose={jest.fn()}
        onApply={onApply}
      />
    );
    render(<SaveThenApply />);
    await user.click(await screen.findByRole('button', { name: 'Preview the ConfigMap' }));
    await user.click(
      screen.getByRole('button', { name: 'Write ConfigMap and point the ClusterPolicy at it' }),
    );
    const result = await screen.findByTestId('designer-save-result');
    // The watches have not shown the writes yet: the page says what was written, not what was.
    expect(screen.getByTestId('designer-saved-state')).toHaveTextContent(
      'spec.migManager.config.name is now gpu-partitioning-mig-config',
    );
    expect(screen.queryByText(/now \(unset\)/)).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: /Replace the existing config/ })).toBeNull();
    const yamlToggle = screen.getByRole('button', {
      name: /What was written \(\d+ lines of YAML\)/,
    });
    expect(document.getElementById('gpu-partitioning-config-yaml')).not.toBeVisible();
    expect(
      result.compareDocumentPosition(yamlToggle) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: /Waiting for the cluster to show the new file…/ }),
    ).toHaveAttribute('aria-disabled', 'true');

    const written = k8sCreate.mock.calls[0][0].data;
    act(() =>
      updateK8sWatchFixtures({
        objects: [
          ...clusterWithDefaultAt('5').filter((object) => object.kind !== 'ClusterPolicy'),
          { ...written, metadata: { ...written.metadata, resourceVersion: '7' } },
          {
            ...clusterPolicy('mixed', 'gpu-partitioning-mig-config'),
            metadata: { name: 'gpu-cluster-policy', resourceVersion: '8' },
          },
        ],
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Apply two-halves to nodes…' }));
    expect(onApply).toHaveBeenCalledWith('two-halves');
    expect(screen.getByTestId('designer-saved-state')).toHaveTextContent(
      'is now gpu-partitioning-mig-config',
    );
  });
});
