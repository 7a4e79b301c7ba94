import type { ApplyOutcome } from '../../cluster/applyOutcome';
import type { GpuNodeView } from '../../cluster/types';
import { applyDialogReducer, type ApplyDialogState } from './useApplyDialogState';

const start: ApplyDialogState = { configName: 'all-balanced', cordon: [], acknowledged: false };

const view = (name: string, migConfigState: GpuNodeView['migConfigState']) =>
  ({ name, migConfigState }) as GpuNodeView;

const basis = {
  configName: 'all-balanced',
  views: [view('worker1', 'success'), view('worker2', 'failed')],
  nodes: [],
  clusterViews: [],
};
const previewed = applyDialogReducer(start, { type: 'preview', basis });

const outcome = (statuses: Array<'written' | 'conflict'>): ApplyOutcome => ({
  configName: 'all-balanced',
  startedAt: '2026-12-07T23:00:00.000Z',
  results: statuses.map((status, index) => ({
    nodeName: `worker${index + 1}`,
    status,
    cordoned: index === 0,
    ...(index === 1 ? { previousConfig: 'all-disabled' } : {}),
  })),
  complete: statuses.every((status) => status === 'written'),
  stoppedByUser: false,
});

describe('applyDialogReducer', () => {
  it('asks for the acknowledgement again on every new preview', () => {
    const acknowledged = applyDialogReducer(previewed, { type: 'acknowledge', checked: true });
    expect(acknowledged.acknowledged).toBe(true);
    const again = applyDialogReducer(acknowledged, { type: 'preview', basis });
    expect(again.acknowledged).toBe(false);
  });

  it('ticks and unticks a node for cordoning, once each', () => {
    let state = applyDialogReducer(previewed, {
      type: 'cordon',
      nodeName: 'worker1',
      checked: true,
    });
    state = applyDialogReducer(state, { type: 'cordon', nodeName: 'worker1', checked: true });
    state = applyDialogReducer(state, { type: 'cordon', nodeName: 'worker2', checked: true });
    expect(state.cordon).toEqual(['worker1', 'worker2']);
    state = applyDialogReducer(state, { type: 'cordon', nodeName: 'worker1', checked: false });
    expect(state.cordon).toEqual(['worker2']);
  });

  it('follows the written nodes from the state their preview showed', () => {
    const state = applyDialogReducer(previewed, {
      type: 'applied',
      outcome: outcome(['written', 'written']),
    });
    expect(state.unwritten).toBeUndefined();
    expect(state.followed?.targets).toEqual([
      {
        nodeName: 'worker1',
        configName: 'all-balanced',
        startedAt: '2026-12-07T23:00:00.000Z',
        initialState: 'success',
        cordonedByPlugin: true,
      },
      {
        nodeName: 'worker2',
        configName: 'all-balanced',
        startedAt: '2026-12-07T23:00:00.000Z',
        initialState: 'failed',
        cordonedByPlugin: false,
        previousConfig: 'all-disabled',
      },
    ]);
  });

  it('keeps an apply that wrote nothing to say why, until the next apply starts', () => {
    const failed = outcome(['conflict']);
    const state = applyDialogReducer(previewed, { type: 'applied', outcome: failed });
    expect(state.followed).toBeUndefined();
    expect(state.unwritten).toBe(failed);
    expect(applyDialogReducer(state, { type: 'applying' }).unwritten).toBeUndefined();
  });
});

describe('applyDialogReducer with a plan of several configs', () => {
  const steps = [
    { toConfig: 'all-balanced', nodes: ['worker1'] },
    { toConfig: 'all-1g.6gb', nodes: ['worker2'] },
  ];
  const { configName: _oneConfig, ...views } = basis;
  const planned = applyDialogReducer(
    { cordon: [], acknowledged: false },
    { type: 'preview', basis: { ...views, steps } },
  );

  it('chooses no config and follows each written node to its own config', () => {
    expect(planned.configName).toBeUndefined();
    const { startedAt, results, complete, stoppedByUser } = outcome(['written', 'written']);
    const state = applyDialogReducer(planned, {
      type: 'applied',
      outcome: { steps, startedAt, results, complete, stoppedByUser },
    });
    expect(state.followed?.targets.map((target) => [target.nodeName, target.configName])).toEqual([
      ['worker1', 'all-balanced'],
      ['worker2', 'all-1g.6gb'],
    ]);
    expect(state.followed?.targets[1]).toMatchObject({
      initialState: 'failed',
      previousConfig: 'all-disabled',
    });
  });
});
