import type { Patch } from '@openshift-console/dynamic-plugin-sdk';
import { planCustomConfig, type InUseSource } from './customConfig';
import type { ClusterPolicyKind, ConfigMapKind } from './models';
import { parseMigPartedConfig } from '../geometry';
import { saveCustomConfig, type SaveApi, type SavePreview } from './customConfigSave';

const inUse = parseMigPartedConfig(
  'version: v1\nmig-configs:\n  all-disabled:\n    - devices: all\n      mig-enabled: false\n',
).config!;
const policy: ClusterPolicyKind = {
  metadata: { name: 'gpu-cluster-policy', resourceVersion: '9' },
  spec: { migManager: { config: { name: 'team-mig' } } },
};
const source: InUseSource = {
  namespace: 'nvidia-gpu-operator',
  name: 'team-mig',
  resourceVersion: '5',
};

const basis = (inUseSource: InUseSource = source): SavePreview => ({
  plan: planCustomConfig({ inUse, nodes: [], name: 'two-halves', entries: [] }),
  name: 'two-halves',
  namespace: 'nvidia-gpu-operator',
  clusterPolicy: policy,
  previousConfigMapName: 'team-mig',
  inUseSource,
});

const configMapAt = (resourceVersion: string): ConfigMapKind => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'team-mig', namespace: 'nvidia-gpu-operator', resourceVersion },
});

/** An API whose ConfigMap in use reads as `versions` one after the other (undefined: absent). */
function fakeApi(...versions: Array<string | undefined>) {
  const calls: string[] = [];
  let reads = 0;
  const api: SaveApi = {
    getConfigMap: (namespace, name) => {
      calls.push(`get ${namespace}/${name}`);
      const version = versions[Math.min(reads++, versions.length - 1)];
      return Promise.resolve(version === undefined ? undefined : configMapAt(version));
    },
    createConfigMap: (data) => {
      calls.push(`create ${data.metadata?.name ?? ''}`);
      return Promise.resolve(data);
    },
    updateConfigMap: (data) => {
      calls.push(`update ${data.metadata?.name ?? ''}`);
      return Promise.resolve(data);
    },
    patchClusterPolicy: (_policy, data: Patch[]) => {
      calls.push(`patch ${JSON.stringify(data[1])}`);
      return Promise.resolve(policy);
    },
  };
  return { api, calls };
}

describe('saveCustomConfig: the ConfigMap in use is guarded by its previewed resourceVersion', () => {
  it('writes and repoints while it is unchanged, checking it before each write', async () => {
    const { api, calls } = fakeApi('5');
    const outcome = await saveCustomConfig(basis(), api);
    expect(outcome).toMatchObject({ ok: true, conflict: false });
    expect(calls).toEqual([
      'get nvidia-gpu-operator/team-mig',
      'create gpu-partitioning-mig-config',
      'get nvidia-gpu-operator/team-mig',
      'patch {"op":"replace","path":"/spec/migManager/config/name","value":"gpu-partitioning-mig-config"}',
    ]);
  });

  it('writes nothing when it changed since the preview', async () => {
    const { api, calls } = fakeApi('6');
    const outcome = await saveCustomConfig(basis(), api);
    expect(outcome.ok).toBe(false);
    expect(outcome.conflict).toBe(true);
    expect(outcome.steps).toEqual([
      { what: 'source', status: 'failed', change: { kind: 'changed', from: '5', to: '6' } },
      { what: 'configmap', status: 'not-attempted' },
      { what: 'clusterpolicy', status: 'not-attempted' },
    ]);
    expect(calls).toEqual(['get nvidia-gpu-operator/team-mig']);
  });

  it('does not repoint when it changed while the plugin ConfigMap was written', async () => {
    const { api, calls } = fakeApi('5', '6');
    const outcome = await saveCustomConfig(basis(), api);
    expect(outcome).toMatchObject({ ok: false, conflict: true });
    expect(outcome.steps.slice(-2)).toEqual([
      {
        what: 'source',
        status: 'failed',
        change: { kind: 'changed', from: '5', to: '6' },
        beforeRepoint: true,
      },
      { what: 'clusterpolicy', status: 'not-attempted' },
    ]);
    expect(calls.some((call) => call.startsWith('patch'))).toBe(false);
  });

  it('stops when it was deleted, or created after a preview that found none', async () => {
    expect((await saveCustomConfig(basis(), fakeApi(undefined).api)).steps[0].change).toEqual({
      kind: 'deleted',
    });
    const absent = { namespace: 'nvidia-gpu-operator', name: 'team-mig' };
    expect((await saveCustomConfig(basis(absent), fakeApi('1').api)).steps[0].change).toEqual({
      kind: 'created',
    });
    expect((await saveCustomConfig(basis(absent), fakeApi(undefined).api)).ok).toBe(true);
  });

  it('stops, without calling it a conflict, when it cannot be re-read', async () => {
    const { api, calls } = fakeApi('5');
    api.getConfigMap = () => Promise.reject(Object.assign(new Error('forbidden'), { code: 403 }));
    const outcome = await saveCustomConfig(basis(), api);
    expect(outcome).toMatchObject({ ok: false, conflict: false });
    expect(outcome.steps[0]).toMatchObject({
      what: 'source',
      status: 'failed',
      failure: { kind: 'forbidden' },
    });
    expect(calls).toEqual([]);
  });

  it("does not re-read the plugin's own ConfigMap: its update carries the resourceVersion", async () => {
    const own = { ...source, name: 'gpu-partitioning-mig-config' };
    const { api, calls } = fakeApi('999');
    const outcome = await saveCustomConfig(
      { ...basis(own), previousConfigMapName: 'gpu-partitioning-mig-config' },
      api,
    );
    expect(outcome.ok).toBe(true);
    expect(calls).toEqual(['create gpu-partitioning-mig-config']);
  });

  it('saves unguarded when the preview could not read the ConfigMaps', async () => {
    const { api, calls } = fakeApi('5');
    const { inUseSource: unread, ...unguarded } = basis();
    expect(unread).toBeDefined();
    expect((await saveCustomConfig(unguarded, api)).ok).toBe(true);
    expect(calls.filter((call) => call.startsWith('get'))).toEqual([]);
  });
});

describe('saveCustomConfig: what it wrote, to show before the watches catch up', () => {
  it('returns the ConfigMap answered and the ClusterPolicy pointing at it', async () => {
    const { api } = fakeApi('5');
    api.createConfigMap = (data) =>
      Promise.resolve({ ...data, metadata: { ...data.metadata, resourceVersion: '12' } });
    // An API answering with the policy as it was: the change is applied to the previewed one.
    api.patchClusterPolicy = () => Promise.resolve(policy);
    const outcome = await saveCustomConfig(basis(), api);
    expect(outcome.written?.configMap?.metadata).toMatchObject({
      name: 'gpu-partitioning-mig-config',
      resourceVersion: '12',
    });
    expect(outcome.written?.clusterPolicy?.spec).toEqual({
      migManager: { config: { name: 'gpu-partitioning-mig-config' } },
    });
  });
});
