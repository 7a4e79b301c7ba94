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

/** What the cluster layer said in English for each view below: the words now. */
const FALLBACK_WORDS = [
  "You are not allowed to read ConfigMaps in nvidia-gpu-operator. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace. The ClusterPolicy names no custom config, and the ConfigMaps in nvidia-gpu-operator could not be listed; showing the plugin's built-in copy of NVIDIA's default config instead.",
  "The ClusterPolicy names no custom config, and neither worker1-mig-config nor default-mig-parted-config exists in nvidia-gpu-operator; showing the plugin's built-in copy of NVIDIA's default config instead.",
  "The ClusterPolicy names no custom config, and default-mig-parted-config does not exist in nvidia-gpu-operator; showing the plugin's built-in copy of NVIDIA's default config instead.",
  "spec.migManager.config.name is default-mig-parted-config, which counts as not custom, and default-mig-parted-config does not exist in nvidia-gpu-operator; showing the plugin's built-in copy of NVIDIA's default config instead.",
  "ConfigMap nvidia-gpu-operator/custom-mig cannot be read (forbidden: You are not allowed to read ConfigMaps in nvidia-gpu-operator. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace.). Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
  "ConfigMap nvidia-gpu-operator/custom-mig cannot be read (Could not read ConfigMaps in nvidia-gpu-operator: etcdserver: request timed out). Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
  "ConfigMap nvidia-gpu-operator/custom-mig does not exist. Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
  "ConfigMap nvidia-gpu-operator/custom-mig has no 'config.yaml' key (the mig-manager reads only that key). Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
  "ConfigMap nvidia-gpu-operator/custom-mig is not a valid mig-parted config (unknown version: the string \"v9\" (mig-parted knows only 'v1')); mig-parted refuses it, so every change fails. Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
];

describe('configFallbackText', () => {
  it('words every reason for the built-in copy', () => {
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
    expect(views.map((view) => configFallbackText(t, view))).toEqual(FALLBACK_WORDS);
    for (const view of views) expect(configFallbackText(marked, view)).toMatch(/^«.*»$/s);
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
