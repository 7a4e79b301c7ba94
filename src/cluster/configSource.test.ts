import { clusterPolicy } from './__fixtures__/nodes';
import { operatorNamespace, readStrategy, resolveMigConfigSources } from './configSource';
import type { ConfigMapKind } from './models';

function configMap(
  name: string,
  text: string | undefined,
  labels?: Record<string, string>,
): ConfigMapKind {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'nvidia-gpu-operator', ...(labels ? { labels } : {}) },
    data: text === undefined ? {} : { 'config.yaml': text },
  };
}

const CUSTOM = `version: v1
mig-configs:
  my-a30:
    - devices: all
      mig-enabled: true
      mig-devices:
        "1g.6gb": 4
`;

describe('resolveMigConfigSources', () => {
  it('uses the custom ConfigMap the ClusterPolicy names', () => {
    const sources = resolveMigConfigSources({
      clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
      configMaps: [configMap('custom-mig', CUSTOM)],
    });
    const source = sources.forNode('worker1');
    expect(source.view).toMatchObject({ kind: 'custom', configMapName: 'custom-mig' });
    expect(Object.keys(source.config?.migConfigs ?? {})).toEqual(['my-a30']);
  });

  it('prefers the per-node generated ConfigMap, else the default', () => {
    const sources = resolveMigConfigSources({
      clusterPolicy: clusterPolicy('mixed'),
      configMaps: [
        configMap('worker1-mig-config', CUSTOM, {
          'app.kubernetes.io/component': 'nvidia-mig-manager',
          'nvidia.com/node-name': 'worker1',
        }),
        configMap('default-mig-parted-config', CUSTOM.replace('my-a30', 'from-default')),
      ],
    });
    expect(sources.forNode('worker1').view.kind).toBe('per-node');
    expect(sources.forNode('worker2').view.kind).toBe('default');
    expect(Object.keys(sources.forNode('worker2').config?.migConfigs ?? {})).toEqual([
      'from-default',
    ]);
  });

  it('falls back to the built-in copy with the reason: forbidden', () => {
    const sources = resolveMigConfigSources({
      clusterPolicy: clusterPolicy('mixed'),
      configMapsError: { code: 403, message: 'configmaps is forbidden' },
    });
    const source = sources.forNode('worker1');
    expect(source.view.kind).toBe('built-in');
    expect(source.view.fallback).toMatchObject({
      kind: 'no-config-map',
      error: { kind: 'forbidden', resource: 'ConfigMaps in nvidia-gpu-operator' },
    });
    expect(source.config?.migConfigs['all-balanced']).toBeDefined();
    expect(sources.error?.kind).toBe('forbidden');
  });

  it('falls back: custom ConfigMap missing, missing key, invalid YAML', () => {
    const missing = resolveMigConfigSources({
      clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
      configMaps: [],
    }).forNode('n');
    expect(missing.view).toMatchObject({ kind: 'built-in', configMapName: 'custom-mig' });
    expect(missing.view.fallback).toEqual({
      kind: 'missing',
      namespace: 'nvidia-gpu-operator',
      configMap: 'custom-mig',
    });

    const noKey = resolveMigConfigSources({
      clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
      configMaps: [configMap('custom-mig', undefined)],
    }).forNode('n');
    expect(noKey.view.fallback).toMatchObject({ kind: 'no-key', key: 'config.yaml' });

    const invalid = resolveMigConfigSources({
      clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
      configMaps: [configMap('custom-mig', 'version: v2\nmig-configs: {a: [}')],
    }).forNode('n');
    expect(invalid.view.kind).toBe('built-in');
    expect(invalid.view.fallback).toMatchObject({
      kind: 'invalid',
      issue: { code: 'yaml-syntax' },
    });
    expect(invalid.issues.length).toBeGreaterThan(0);
  });

  it('reads namespace and strategy from the ClusterPolicy', () => {
    const policy = clusterPolicy('single');
    policy.status!.namespace = 'gpu-operator';
    expect(operatorNamespace(policy)).toBe('gpu-operator');
    expect(operatorNamespace(undefined)).toBe('nvidia-gpu-operator');
    expect(readStrategy(policy)).toEqual({ strategy: 'single' });
    expect(readStrategy(clusterPolicy(''))).toEqual({ strategy: 'none' });
    expect(readStrategy(clusterPolicy('double'))).toEqual({ unknownValue: 'double' });
  });
});
