import { render, screen, within } from '@testing-library/react';
import { planNodeApply } from '../../cluster/applyPlan';
import {
  BUILT_IN_SOURCE,
  a100x8DisabledNode,
  viewOf,
  wholeGpusPod,
} from '../../cluster/__fixtures__/applyNodes';
import { initTestI18n } from '../../hooks/testing/i18n';
import { NodePlanCard } from './NodePlanCard';

beforeAll(initTestI18n);

/** a100-80-02 of the mixed-fleet demo: eight whole GPUs, a pod holding two of them. */
const busyPlan = () =>
  planNodeApply(
    viewOf(a100x8DisabledNode('a100-80-02'), 'mixed', [
      wholeGpusPod('full-gpu-job', 'a100-80-02', 2),
    ]),
    'all-balanced',
    'mixed',
    BUILT_IN_SOURCE,
  );

const renderCard = () =>
  render(
    <NodePlanCard
      plan={busyPlan()}
      configName="all-balanced"
      cordon={false}
      onCordonChange={jest.fn()}
      canCordon
    />,
  );

describe('NodePlanCard with some whole GPUs in use', () => {
  it('says how many GPUs are in use, once, and draws none of them in use', () => {
    renderCard();
    expect(screen.getByTestId('apply-whole-gpus-in-use')).toHaveTextContent(
      'Pods hold 2 of the 8 whole GPUs now; the kubelet does not say which',
    );
    expect(screen.queryByText('In use')).not.toBeInTheDocument();
    expect(screen.getAllByText('In use or free')).toHaveLength(1);
  });

  it('draws the eight alike GPUs as one before → after pair', () => {
    renderCard();
    expect(screen.getByText('GPUs 0–7 now')).toBeInTheDocument();
    expect(screen.getByText('GPUs 0–7 after')).toBeInTheDocument();
    expect(screen.queryByText('GPU 1 now')).not.toBeInTheDocument();
  });

  it('puts the pods and the cordon choice before the unverified note, which lists each note once', () => {
    renderCard();
    const pods = screen.getByRole('grid', { name: 'GPU pods on a100-80-02' });
    const cordon = screen.getByRole('checkbox', { name: 'Cordon a100-80-02 first' });
    const unverified = screen.getByText('Part of this prediction is unverified');
    const follows = (a: Element, b: Element) =>
      Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(follows(pods, unverified)).toBe(true);
    expect(follows(cordon, unverified)).toBe(true);
    const alert = unverified.closest('.pf-v6-c-alert') as HTMLElement;
    expect(within(alert).getAllByRole('listitem')).toHaveLength(3);
  });
});
