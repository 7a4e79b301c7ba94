import { render } from '@testing-library/react';
import { clusterPolicy } from '../../cluster/__fixtures__/nodes';
import { sdkMock } from '../../hooks/testing/sdkMock';
import { useClusterPolicy, type ClusterPolicyResult } from '../../hooks/useClusterPolicy';
import { catalogueT } from './__fixtures__/catalogue';
import { clusterPolicyIssueText } from './clusterPolicyText';

const t = catalogueT();
const marked = catalogueT(true);

const readPolicies = (objects: object[]): ClusterPolicyResult => {
  sdkMock.setK8sWatchFixtures({ objects });
  let result: ClusterPolicyResult | undefined;
  const Probe = () => {
    result = useClusterPolicy();
    return null;
  };
  render(<Probe />).unmount();
  return result!;
};

afterEach(() => sdkMock.resetK8sWatchFixtures());

describe('clusterPolicyIssueText', () => {
  it('words several policies and an unknown strategy', () => {
    const newer = clusterPolicy('both');
    newer.metadata = { name: 'second', creationTimestamp: '2026-11-10T00:00:00Z' };
    const older = clusterPolicy('sometimes');
    const result = readPolicies([newer, older]);
    expect(result.issues).toEqual([
      { kind: 'several-policies', count: 2, shown: 'gpu-cluster-policy' },
      { kind: 'unknown-strategy', value: 'sometimes' },
    ]);
    expect(result.issues.map((issue) => clusterPolicyIssueText(t, issue))).toEqual([
      '2 ClusterPolicies exist; the GPU operator uses only one. Showing gpu-cluster-policy (the oldest).',
      "ClusterPolicy spec.mig.strategy is 'sometimes', not none, single or mixed",
    ]);
    expect(clusterPolicyIssueText(marked, result.issues[1])).toBe(
      "«ClusterPolicy spec.mig.strategy is 'sometimes', not none, single or mixed»",
    );
  });
});
