import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { NodeKind } from '../../cluster/models';
import {
  advertisedMigResources,
  analyseProfiles,
  buildHardwareProfile,
  readAcceleratorProfile,
  type MigResourceRow,
} from '../../cluster/openshiftAi';
import type { OpenShiftAiProfilesResult } from '../../hooks/useOpenShiftAiProfiles';
import { initTestI18n } from '../../hooks/testing/i18n';
import { OpenShiftAiProfiles } from './OpenShiftAiProfiles';

beforeAll(initTestI18n);
// The plugin marks elements with data-test (the console's convention), as the e2e tests read them.

const nodes = [
  {
    metadata: { name: 'worker1', labels: { 'nvidia.com/gpu.present': 'true' } },
    status: { allocatable: { 'nvidia.com/mig-1g.6gb': '2', 'nvidia.com/mig-2g.12gb': '1' } },
  },
] as NodeKind[];
const existing = [
  readAcceleratorProfile({
    metadata: { name: 'mig-4g-24gb', namespace: 'redhat-ods-applications' },
    spec: { displayName: 'NVIDIA mig-4g-24gb', identifier: 'nvidia.com/mig-4g.24gb' },
  }),
];

const result = (overrides: Partial<OpenShiftAiProfilesResult> = {}): OpenShiftAiProfilesResult => ({
  installed: true,
  targetKind: 'HardwareProfile',
  namespace: 'redhat-ods-applications',
  analysis: analyseProfiles(advertisedMigResources(nodes), existing, 'HardwareProfile'),
  loaded: true,
  errors: [],
  canCreate: { allowed: true, loading: false },
  objectFor: (row: MigResourceRow) => buildHardwareProfile(row, 'redhat-ods-applications'),
  create: jest.fn((rows: MigResourceRow[]) =>
    Promise.resolve(
      rows.map((row) => ({ name: row.proposedName, resource: row.resource, ok: true })),
    ),
  ),
  ...overrides,
});

describe('OpenShiftAiProfiles', () => {
  it('shows missing and stale profiles, previews the objects and creates them', async () => {
    const profiles = result();
    const user = userEvent.setup();
    render(<OpenShiftAiProfiles profiles={profiles} />);
    expect(screen.getByTestId('openshift-ai-stale')).toHaveTextContent(
      'AcceleratorProfile redhat-ods-applications/mig-4g-24gb: nvidia.com/mig-4g.24gb',
    );
    expect(
      within(screen.getByTestId('openshift-ai-row-mig-1g-6gb')).getByText('No HardwareProfile'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Select all missing (2)' }));
    await user.click(screen.getByRole('button', { name: 'Preview 2 profiles' }));
    const yaml = document.getElementById('openshift-ai-preview-yaml')?.textContent ?? '';
    expect(yaml).toContain('kind: HardwareProfile');
    expect(yaml).toContain('name: mig-1g-6gb');
    expect(yaml).toContain('identifier: nvidia.com/mig-2g.12gb');
    expect(yaml).toContain('resourceType: Accelerator');
    await user.click(screen.getByRole('button', { name: 'Create 2 profiles' }));
    expect(profiles.create).toHaveBeenCalledWith([
      expect.objectContaining({ resource: 'nvidia.com/mig-1g.6gb' }),
      expect.objectContaining({ resource: 'nvidia.com/mig-2g.12gb' }),
    ]);
    expect(await screen.findByTestId('openshift-ai-results')).toHaveTextContent(
      '2 of 2 profiles created',
    );
  });

  it('shows the tolerations each profile carries and the taints it leaves untolerated', async () => {
    const tainted = [
      {
        ...nodes[0],
        spec: {
          unschedulable: true,
          taints: [
            { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
            { key: 'nvidia.com/gpu', value: 'present', effect: 'NoExecute' },
          ],
        },
      },
    ] as NodeKind[];
    const user = userEvent.setup();
    render(
      <OpenShiftAiProfiles
        profiles={result({
          analysis: analyseProfiles(advertisedMigResources(tainted), [], 'HardwareProfile'),
        })}
      />,
    );
    await user.click(
      within(screen.getByTestId('openshift-ai-row-mig-1g-6gb')).getByRole('checkbox'),
    );
    await user.click(screen.getByRole('button', { name: 'Preview 1 profiles' }));
    const scheduling = screen.getByTestId('openshift-ai-scheduling-mig-1g-6gb');
    expect(scheduling).toHaveTextContent(
      'mig-1g-6gb tolerates nvidia.com/gpu:NoSchedule, nvidia.com/gpu=present:NoExecute.',
    );
    expect(scheduling).toHaveTextContent(
      'Not tolerated, so its workloads stay off the nodes carrying them: ' +
        'node.kubernetes.io/unschedulable:NoSchedule (worker1).',
    );
    const yaml = document.getElementById('openshift-ai-preview-yaml')?.textContent ?? '';
    expect(yaml).not.toContain('node.kubernetes.io/unschedulable');
  });

  it('explains when OpenShift AI is not installed', () => {
    render(<OpenShiftAiProfiles profiles={result({ installed: false })} />);
    expect(screen.getByText('OpenShift AI is not installed')).toBeInTheDocument();
  });

  it('reports a failed creation with the reason', async () => {
    const user = userEvent.setup();
    const profiles = result({
      create: jest.fn(() =>
        Promise.resolve([
          {
            name: 'mig-1g-6gb',
            resource: 'nvidia.com/mig-1g.6gb',
            ok: false,
            failure: { kind: 'forbidden' as const, status: 403, message: 'forbidden: no create' },
          },
        ]),
      ),
    });
    render(<OpenShiftAiProfiles profiles={profiles} />);
    await user.click(
      within(screen.getByTestId('openshift-ai-row-mig-1g-6gb')).getByRole('checkbox'),
    );
    await user.click(screen.getByRole('button', { name: 'Preview 1 profiles' }));
    await user.click(screen.getByRole('button', { name: 'Create 1 profiles' }));
    expect(await screen.findByTestId('openshift-ai-results')).toHaveTextContent(
      'mig-1g-6gb was not created: forbidden: no create',
    );
  });
});
