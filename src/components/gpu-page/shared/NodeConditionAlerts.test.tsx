import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { a30AllBalancedNode } from '../../../cluster/__fixtures__/nodes';
import { builtInMigConfig } from '../../../cluster/configSource';
import { buildGpuNodeView } from '../../../cluster/nodeView';
import { parseMigPartedConfig } from '../../../geometry';
import { initTestI18n } from '../../../hooks/testing/i18n';
import { NodeConditionAlerts } from './NodeConditionAlerts';

beforeAll(initTestI18n);

const now = new Date('2026-11-25T12:00:00Z');
// The alerts time durations against the clock.
beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(now.getTime()));
afterEach(() => jest.restoreAllMocks());
const viewOf = (labels: Record<string, string>, config = builtInMigConfig()) =>
  buildGpuNodeView({
    node: a30AllBalancedNode({ labels }),
    pods: [],
    strategy: 'mixed',
    configSource: { config, view: { kind: 'default' } },
    now,
    firstSeenPending: '2026-11-25T10:40:00Z',
  });

describe('NodeConditionAlerts', () => {
  it("shows a real node's conditions with their worded titles and details", () => {
    const view = viewOf({
      'nvidia.com/mig.config.state': 'pending',
      'nvidia.com/gpu.deploy.dcgm': 'paused-for-mig-change',
      'nvidia.com/gpu.memory': 'lots',
    });
    render(<NodeConditionAlerts node={view} />);
    // No time in the cluster's record: timed from when the page first saw it, and said so.
    expect(screen.getByText('Pending (seen for 1 h 20 min)')).toBeInTheDocument();
    expect(
      screen.getByText('Label nvidia.com/gpu.memory has a value the plugin cannot read'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/^nvidia\.com\/gpu\.memory='lots' is not a whole number/),
    ).toBeInTheDocument();
    expect(screen.getByText('GPU operands paused for a MIG change: dcgm')).toBeInTheDocument();
  });

  it('titles a config that exists but cannot be created as such, with the reason', () => {
    const config = parseMigPartedConfig(
      'version: v1\nmig-configs:\n  too-many:\n    - devices: all\n      mig-enabled: true\n      mig-devices:\n        "1g.6gb": 5\n',
    ).config!;
    render(<NodeConditionAlerts node={viewOf({ 'nvidia.com/mig.config': 'too-many' }, config)} />);
    // Too many instances, and too many compute slices: one alert each.
    expect(screen.getAllByText("Config 'too-many' cannot be applied to this node")).toHaveLength(2);
    expect(
      screen.getByText(
        /^config 'too-many', entry #0, GPU 0 \(0x20B710DE\): The instances need 5 compute slices/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/is not in the mig-parted config/)).not.toBeInTheDocument();
  });

  it('times pending from the cluster: managedFields of the state label', () => {
    const node = a30AllBalancedNode({ labels: { 'nvidia.com/mig.config.state': 'pending' } });
    node.metadata!.managedFields = [
      {
        manager: 'nvidia-mig-manager',
        operation: 'Update',
        time: '2026-11-25T11:48:00Z',
        fieldsType: 'FieldsV1',
        fieldsV1: { 'f:metadata': { 'f:labels': { 'f:nvidia.com/mig.config.state': {} } } },
      },
    ];
    const view = buildGpuNodeView({
      node,
      pods: [],
      strategy: 'mixed',
      configSource: { config: builtInMigConfig(), view: { kind: 'default' } },
      now,
      // A reload a moment ago: the page's own first sight must not win.
      firstSeenPending: '2026-11-25T11:59:30Z',
    });
    render(<NodeConditionAlerts node={view} />);
    expect(screen.getByText(/^Pending for 12 min, since /)).toBeInTheDocument();
    expect(screen.queryByText(/seen/)).not.toBeInTheDocument();
  });

  it('a typo in the config name: one alert, the nearest name, and a fix through the preview', async () => {
    const onApplyConfig = jest.fn();
    const view = viewOf({
      'nvidia.com/mig.config': 'all-balancd',
      'nvidia.com/mig.config.state': 'failed',
    });
    const { container } = render(<NodeConditionAlerts node={view} onApplyConfig={onApplyConfig} />);
    expect(container.querySelectorAll('.pf-v6-c-alert')).toHaveLength(1);
    const alert = container.querySelector('.pf-v6-c-alert') as HTMLElement;
    expect(
      within(alert).getByText(
        'all-balancd is not in the mig-parted config: did you mean all-balanced?',
      ),
    ).toBeInTheDocument();
    expect(within(alert).queryByText(/Retry/)).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Preview all-balanced…' }));
    expect(onApplyConfig).toHaveBeenCalledWith('all-balanced');
  });
});
