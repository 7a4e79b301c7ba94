import type { ClusterPolicyKind } from '../cluster/models';
import {
  type FakeServer,
  getMock,
  patchMock,
  sentPatches,
  serveOneObject,
} from './testing/fakeApiServer';
import { RESOURCE_VERSION_RETRIES } from '../cluster/guardedWrite';
import { changeStrategy } from './useStrategyChange';

const policy = (spec: ClusterPolicyKind['spec']): ClusterPolicyKind => ({
  apiVersion: 'nvidia.com/v1',
  kind: 'ClusterPolicy',
  metadata: { name: 'gpu-cluster-policy', resourceVersion: '7' },
  spec,
});

const strategyOf = (object: ClusterPolicyKind) =>
  (object.spec as { mig?: { strategy?: string } } | undefined)?.mig?.strategy;

/** The operator writes its status, which moves the resourceVersion. */
const operatorStatusUpdate = (object: ClusterPolicyKind) => {
  (object as { status?: unknown }).status = { state: 'ready' };
};

async function changeAfter(
  previewed: ClusterPolicyKind,
  change: (object: ClusterPolicyKind) => void,
  beforeEachPatch?: (server: FakeServer<ClusterPolicyKind>) => void,
) {
  const server = serveOneObject(previewed, beforeEachPatch);
  server.write(change);
  const result = await changeStrategy(previewed, 'mixed');
  return { result, stored: server.current() };
}

afterEach(() => {
  patchMock.mockReset();
  getMock.mockReset();
});

describe('changeStrategy', () => {
  it('retries on the fresh resourceVersion when no strategy was set and only the status moved', async () => {
    const { result, stored } = await changeAfter(policy({ mig: {} }), operatorStatusUpdate);

    expect(result.status).toBe('written');
    expect(strategyOf(stored)).toBe('mixed');
    const [first, second] = sentPatches();
    expect(first[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '7' });
    expect(second[0]).toEqual({ op: 'test', path: '/metadata/resourceVersion', value: '8' });
  });

  it('keeps a strategy someone set meanwhile and reports the conflict', async () => {
    const { result, stored } = await changeAfter(policy({}), (object) => {
      object.spec = { mig: { strategy: 'single' } };
    });

    expect(result.status).toBe('conflict');
    expect(strategyOf(stored)).toBe('single');
    expect(patchMock).toHaveBeenCalledTimes(1);
  });

  it('tests the previewed value when a strategy is set: no re-read', async () => {
    const { result, stored } = await changeAfter(
      policy({ mig: { strategy: 'single' } }),
      (object) => {
        object.spec = { mig: { strategy: 'none' } };
      },
    );

    expect(result.status).toBe('conflict');
    expect(strategyOf(stored)).toBe('none');
    expect(getMock).not.toHaveBeenCalled();
  });

  it('gives up after a bounded number of retries', async () => {
    let beats = 0;
    const { result } = await changeAfter(policy({ mig: {} }), operatorStatusUpdate, (server) => {
      beats += 1;
      server.write((object) => {
        (object as { status?: unknown }).status = { beats };
      });
    });

    expect(result.status).toBe('conflict');
    expect(patchMock).toHaveBeenCalledTimes(1 + RESOURCE_VERSION_RETRIES);
  });

  it('reports a validation 422 as invalid input with the Status message, without retrying', async () => {
    const message =
      'ClusterPolicy.nvidia.com "gpu-cluster-policy" is invalid: spec.mig.strategy: Unsupported value: "mixed"';
    patchMock.mockRejectedValue(
      Object.assign(new Error('Error "Unsupported value" for field "spec.mig.strategy".'), {
        code: 422,
        json: { kind: 'Status', code: 422, reason: 'Invalid', message },
      }),
    );

    const result = await changeStrategy(policy({ mig: {} }), 'mixed');

    expect(result).toEqual({ status: 'invalid', message });
    expect(patchMock).toHaveBeenCalledTimes(1);
    expect(getMock).not.toHaveBeenCalled();
  });
});
