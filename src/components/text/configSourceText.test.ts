import { clusterPolicy } from '../../cluster/__fixtures__/nodes';
import { resolveMigConfigSources } from '../../cluster/configSource';
import type { ConfigMapKind } from '../../cluster/models';
import type { MigConfigSourceView } from '../../cluster/types';
import { catalogueT } from './__fixtures__/catalogue';
import { configFallbackText } from './configSourceText';

const t = catalogueT();
const marked = catalogueT(true);

const configMap = (name: string, data: Record<string, string>): ConfigMapKind => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'nvidia-gpu-operator' },
  data,
});

const source = (
  input: Parameters<typeof resolveMigConfigSources>[0],
  node?: string,
): MigConfigSourceView => {
  const sources = resolveMigConfigSources(input);
  return (node === undefined ? sources.shared : sources.forNode(node)).view;
};

describe('configFallbackText', () => {
  it('words every reason for the built-in copy, as the cluster layer says it in English', () => {
    const forbidden = { code: 403, message: 'configmaps is forbidden' };
    const views = [
      source({ clusterPolicy: clusterPolicy('mixed'), configMapsError: forbidden }, 'worker1'),
      source({ clusterPolicy: clusterPolicy('mixed'), configMaps: [] }, 'worker1'),
      source({ clusterPolicy: clusterPolicy('mixed'), configMaps: [] }),
      source({
        clusterPolicy: clusterPolicy('mixed', 'default-mig-parted-config'),
        configMaps: [],
      }),
      source({ clusterPolicy: clusterPolicy('mixed', 'custom-mig'), configMapsError: forbidden }),
      source({
        clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
        configMapsError: { code: 500, message: 'etcdserver: request timed out' },
      }),
      source({ clusterPolicy: clusterPolicy('mixed', 'custom-mig'), configMaps: [] }),
      source({
        clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
        configMaps: [configMap('custom-mig', { 'other.yaml': '' })],
      }),
      source({
        clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
        configMaps: [configMap('custom-mig', { 'config.yaml': 'version: v9\nmig-configs: {}' })],
      }),
    ];
    expect(views.map((view) => view.fallback?.kind)).toEqual([
      'no-config-map',
      'no-config-map',
      'no-config-map',
      'no-config-map',
      'unreadable',
      'unreadable',
      'missing',
      'no-key',
      'invalid',
    ]);
    for (const view of views) {
      expect(view.fallbackReason).toBeDefined();
      expect(configFallbackText(t, view)).toBe(view.fallbackReason);
      expect(configFallbackText(marked, view)).toMatch(/^«.*»$/s);
    }
  });

  it('keeps the API server text and the ConfigMap names inside the translated words', () => {
    const view = source({
      clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
      configMapsError: { code: 500, message: 'etcdserver: request timed out' },
    });
    expect(configFallbackText(marked, view)).toMatch(
      /^«ConfigMap nvidia-gpu-operator\/custom-mig cannot be read \(«Could not read .*: etcdserver: request timed out»\)\. «Predictions use/,
    );
  });

  it('has nothing to say for a source read from the cluster', () => {
    expect(configFallbackText(marked, { kind: 'default' })).toBeUndefined();
  });
});
