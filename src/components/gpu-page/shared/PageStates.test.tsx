// What the page's own states show a user: loading, the missing permission with its binding, the
// data it could do without, and how to start with MIG.
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { initTestI18n } from '../../../hooks/testing/i18n';
import { sdkMock } from '../../../hooks/testing/sdkMock';
import { DataWarnings, ForbiddenState, LoadingSkeleton, MigNotEnabledBody } from './PageStates';

beforeAll(initTestI18n);

describe('LoadingSkeleton', () => {
  it('tells assistive technology what is loading', () => {
    render(<LoadingSkeleton label="Loading nodes" />);
    expect(screen.getByLabelText('Loading nodes')).toHaveAttribute('aria-busy', 'true');
  });
});

describe('ForbiddenState', () => {
  it("gives the binding for the user's group as YAML, in the operator's namespace, with the detail", async () => {
    (sdkMock.k8sCreate as jest.Mock).mockResolvedValueOnce({
      status: { userInfo: { username: 'ann', groups: ['system:authenticated', 'team-a'] } },
    });
    render(
      <ForbiddenState
        resource="pods"
        operatorNamespace="gpu-operator"
        detail="pods is forbidden: User ann cannot list pods"
      />,
    );
    expect(
      screen.getByText('Missing permission: get, list and watch pods at the cluster scope.'),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(
        screen.getByDisplayValue(
          'oc adm policy add-role-to-group gpu-partitioning-plugin-viewer team-a -n gpu-operator --role-namespace=gpu-operator',
        ),
      ).toBeInTheDocument(),
    );
    await userEvent.click(screen.getByRole('button', { name: 'The same binding as YAML' }));
    const yaml = screen.getByText(/kind: ClusterRoleBinding/);
    expect(yaml).toHaveTextContent('name: gpu-partitioning-plugin-availability-reader-team-a');
    expect(yaml).toHaveTextContent('kind: Group name: team-a');
    expect(screen.getByText('pods is forbidden: User ann cannot list pods')).toBeInTheDocument();
  });
});

describe('DataWarnings', () => {
  it('shows nothing without warnings', () => {
    const { container } = render(<DataWarnings warnings={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('lists each warning, titled by permissions when one is forbidden', () => {
    render(
      <DataWarnings
        warnings={[
          { kind: 'other', resource: 'ConfigMaps', reason: 'timeout' },
          { kind: 'forbidden', resource: 'pods' },
        ]}
      />,
    );
    expect(
      screen.getByText('Some GPU information is not readable with your permissions'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(
      within(screen.getByRole('list')).getByText('ConfigMaps: timeout', { exact: false }),
    ).toBeInTheDocument();
  });

  it('says the information could not be read when nothing was forbidden', () => {
    render(
      <DataWarnings warnings={[{ kind: 'other', resource: 'ConfigMaps', reason: 'timeout' }]} />,
    );
    expect(screen.getByText('Some GPU information could not be read')).toBeInTheDocument();
  });
});

describe('MigNotEnabledBody', () => {
  it('shows the label command to start with', () => {
    render(<MigNotEnabledBody />);
    expect(
      screen.getByText('oc label node <node> nvidia.com/mig.config=all-1g.10gb --overwrite'),
    ).toBeInTheDocument();
  });
});
