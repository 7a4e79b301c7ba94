import { CORDONED_FOR_MIG_CHANGE_ANNOTATION, MIG_CONFIG_LABEL } from '../cluster/labels';
import type { NodeKind } from '../cluster/models';
import {
  type FakeServer,
  getMock,
  patchMock,
  sentPatches,
  serveOneObject,
} from './testing/fakeApiServer';
import { sdkMock } from './testing/sdkMock';
import { RESOURCE_VERSION_RETRIES } from '../cluster/guardedWrite';
import { applyMigConfig } from './useApplyMigConfig';

const RESOURCE_VERSION_PATH = '/metadata/resourceVersion';

const gpuNode = (labels: Record<string, string> = {}): NodeKind => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'worker1',
    resourceVersion: '42',
    labels: { 'nvidia.com/gpu.present': 'true', ...labels },
    annotations: {},
  },
  spec: {},
});

/**
 * Previews `worker1` (with `labels`), lets someone else change it on the server, then applies
 * `all-balanced` to the previewed node, cordoning it first when asked.
 */
async function applyAfterChange(
  labels: Record<string, string>,
  change: (node: NodeKind) => void,
  options: { cordon?: boolean; beforeEachPatch?: (server: FakeServer<NodeKind>) => void } = {},
) {
  const previewed = gpuNode(labels);
  const server = serveOneObject(previewed, options.beforeEachPatch);
  server.write(change);
  const outcome = await applyMigConfig({
    configName: 'all-balanced',
    nodes: [previewed],
    cordon: options.cordon ? ['worker1'] : [],
  });
  return { outcome, result: outcome.results[0], node: server.current() };
}

const setLabel = (key: string, value: string) => (node: NodeKind) => {
  node.metadata = { ...node.metadata, labels: { ...node.metadata?.labels, [key]: value } };
};
const setAnnotation = (key: string, value: string) => (node: NodeKind) => {
  node.metadata = {
    ...node.metadata,
    annotations: { ...node.metadata?.annotations, [key]: value },
  };
};

afterEach(() => {
  patchMock.mockReset();
  getMock.mockReset();
});

describe('applyMigConfig: a write guarded by the resourceVersion (label absent)', () => {
  it('retries on the fresh resourceVersion when an unrelated write moved it', async () => {
    const { outcome, result, node } = await applyAfterChange(
      {},
      setLabel('example.com/unrelated', 'x'),
    );

    expect(outcome.complete).toBe(true);
    expect(result).toMatchObject({ nodeName: 'worker1', status: 'written' });
    expect(getMock).toHaveBeenCalledTimes(1);
    expect(getMock.mock.calls[0][0]).toMatchObject({ name: 'worker1' });
    const [first, second] = sentPatches();
    expect(first[0]).toEqual({ op: 'test', path: RESOURCE_VERSION_PATH, value: '42' });
    expect(second[0]).toEqual({ op: 'test', path: RESOURCE_VERSION_PATH, value: '43' });
    expect(node.metadata?.labels).toMatchObject({
      [MIG_CONFIG_LABEL]: 'all-balanced',
      'example.com/unrelated': 'x',
    });
  });

  it('reports the conflict and writes nothing more when the label appeared meanwhile', async () => {
    const { outcome, result, node } = await applyAfterChange(
      {},
      setLabel(MIG_CONFIG_LABEL, 'all-1g.6gb'),
    );

    expect(outcome.complete).toBe(false);
    expect(result.status).toBe('conflict');
    expect(getMock).toHaveBeenCalledTimes(1);
    expect(patchMock).toHaveBeenCalledTimes(1);
    expect(node.metadata?.labels?.[MIG_CONFIG_LABEL]).toBe('all-1g.6gb');
  });

  it('retries the cordon, then writes the label on the resourceVersion its own cordon gave', async () => {
    const { result, node } = await applyAfterChange({}, setAnnotation('example.com/beat', '1'), {
      cordon: true,
    });

    expect(result).toMatchObject({ status: 'written', cordoned: true });
    const [failedCordon, cordon, label] = sentPatches();
    expect(failedCordon[0]).toEqual({ op: 'test', path: RESOURCE_VERSION_PATH, value: '42' });
    expect(cordon[0]).toEqual({ op: 'test', path: RESOURCE_VERSION_PATH, value: '43' });
    expect(label[0]).toEqual({ op: 'test', path: RESOURCE_VERSION_PATH, value: '44' });
    expect(patchMock).toHaveBeenCalledTimes(3);
    expect(node.spec?.unschedulable).toBe(true);
    expect(node.metadata?.labels?.[MIG_CONFIG_LABEL]).toBe('all-balanced');
  });

  it('does not cordon a node someone else cordoned meanwhile', async () => {
    const { result, node } = await applyAfterChange(
      {},
      (changed) => {
        changed.spec = { unschedulable: true };
      },
      { cordon: true },
    );

    expect(result).toMatchObject({ status: 'conflict', cordoned: false });
    expect(patchMock).toHaveBeenCalledTimes(1);
    expect(node.metadata?.labels?.[MIG_CONFIG_LABEL]).toBeUndefined();
  });

  it('gives up after a bounded number of retries when the node keeps changing', async () => {
    let beats = 0;
    const { result, node } = await applyAfterChange({}, setAnnotation('example.com/beat', '0'), {
      beforeEachPatch: (server) => {
        beats += 1;
        server.write(setAnnotation('example.com/beat', String(beats)));
      },
    });

    expect(result.status).toBe('conflict');
    expect(patchMock).toHaveBeenCalledTimes(1 + RESOURCE_VERSION_RETRIES);
    expect(getMock).toHaveBeenCalledTimes(RESOURCE_VERSION_RETRIES);
    expect(node.metadata?.labels?.[MIG_CONFIG_LABEL]).toBeUndefined();
  });

  it('reports the conflict when the node cannot be re-read', async () => {
    getMock.mockRejectedValueOnce(sdkMock.mockHttpError(403));
    const { result } = await applyAfterChange({}, setLabel('example.com/unrelated', 'x'));

    expect(result.status).toBe('conflict');
    expect(patchMock).toHaveBeenCalledTimes(1);
  });
});

describe('applyMigConfig: a write guarded by the label value', () => {
  const previewed = { [MIG_CONFIG_LABEL]: 'all-disabled' };

  it('reports a changed label as a conflict without re-reading the node', async () => {
    const { result } = await applyAfterChange(previewed, setLabel(MIG_CONFIG_LABEL, 'all-1g.6gb'), {
      cordon: true,
    });

    expect(result).toMatchObject({ status: 'conflict', cordoned: false });
    expect(getMock).not.toHaveBeenCalled();
    expect(patchMock).toHaveBeenCalledTimes(1);
  });

  it('is not disturbed by unrelated writes: the value test passes', async () => {
    const { result } = await applyAfterChange(previewed, setLabel('example.com/unrelated', 'x'), {
      cordon: true,
    });

    expect(result).toMatchObject({ status: 'written', cordoned: true });
    expect(getMock).not.toHaveBeenCalled();
    expect(patchMock).toHaveBeenCalledTimes(2);
  });
});

describe('applyMigConfig: the plugin cordon mark', () => {
  it('keeps the cordon mark when the node had no annotations before the cordon', async () => {
    const bare = gpuNode();
    delete bare.metadata?.annotations;
    const server = serveOneObject(bare);
    const outcome = await applyMigConfig({
      configName: 'all-balanced',
      nodes: [bare],
      cordon: ['worker1'],
    });

    expect(outcome.results[0]).toMatchObject({ status: 'written', cordoned: true });
    const annotations = server.current().metadata?.annotations ?? {};
    expect(annotations[CORDONED_FOR_MIG_CHANGE_ANNOTATION]).toEqual(expect.any(String));
    expect(server.current().metadata?.labels?.[MIG_CONFIG_LABEL]).toBe('all-balanced');
  });
});

describe('applyMigConfig: refusals and stops', () => {
  it('reports a validation 422 as invalid with the Status message, not as a conflict', async () => {
    const message =
      'Node "worker1" is invalid: metadata.labels: Invalid value: "My A30 config": a valid label must be …';
    patchMock.mockRejectedValue(
      Object.assign(
        sdkMock.mockHttpError(422, 'Error "Invalid value" for field "metadata.labels".'),
        {
          json: { kind: 'Status', code: 422, reason: 'Invalid', message },
        },
      ),
    );

    const outcome = await applyMigConfig({
      configName: 'My A30 config',
      nodes: [gpuNode()],
      cordon: [],
    });

    expect(outcome.results[0]).toMatchObject({ status: 'invalid', message });
    expect(getMock).not.toHaveBeenCalled();
    expect(patchMock).toHaveBeenCalledTimes(1);
  });

  it('stops before the next node once the signal is aborted, and says the user stopped it', async () => {
    const controller = new AbortController();
    patchMock.mockImplementation(({ resource }: { resource: NodeKind }) => {
      controller.abort();
      return Promise.resolve(resource);
    });
    const second = gpuNode();
    second.metadata = { ...second.metadata, name: 'worker2' };

    const outcome = await applyMigConfig({
      configName: 'all-balanced',
      nodes: [gpuNode(), second],
      cordon: [],
      signal: controller.signal,
    });

    expect(outcome.results.map((result) => result.status)).toEqual(['written', 'not-attempted']);
    expect(outcome).toMatchObject({ complete: false, stoppedByUser: true });
    expect(patchMock).toHaveBeenCalledTimes(1);
  });
});
