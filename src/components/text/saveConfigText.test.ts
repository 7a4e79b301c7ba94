import catalogue from '../../../locales/en/plugin__gpu-partitioning-plugin.json';
import { clusterPolicy } from '../../cluster/__fixtures__/nodes';
import { resolveMigConfigSources } from '../../cluster/configSource';
import { ownConfigOf, type CustomConfigWarning } from '../../cluster/customConfig';
import type { LabelValueProblem } from '../../geometry';
import { catalogueT } from './__fixtures__/catalogue';
import { nameProblemText, warningText } from './saveConfigText';

describe('saveConfigText', () => {
  it("words the built-in fallback's reason from the config source's facts", () => {
    const { view } = resolveMigConfigSources({
      clusterPolicy: clusterPolicy('mixed', 'custom-mig'),
      configMaps: [],
    }).shared;
    const warning: CustomConfigWarning = { code: 'fallback', source: view };
    expect(warningText(catalogueT(), warning)).toBe(
      "The config in use could not be read as configured: ConfigMap nvidia-gpu-operator/custom-mig does not exist. Predictions use the plugin's built-in copy of NVIDIA's default config, which may differ from what the mig-manager uses.",
    );
    expect(warningText(catalogueT(true), warning)).toMatch(
      /^«The config in use could not be read as configured: «ConfigMap nvidia-gpu-operator\/custom-mig does not exist\. «Predictions use/,
    );
  });

  it("words the parse issues of the plugin's own ConfigMap it replaces", () => {
    const { problem } = ownConfigOf({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'gpu-partitioning-mig-config', namespace: 'nvidia-gpu-operator' },
      data: { 'config.yaml': '[1, 2]' },
    });
    expect(problem?.code).toBe('invalid-file');
    const warning: CustomConfigWarning = { code: 'own-config-map-replaced', problem: problem! };
    expect(warningText(catalogueT(true), warning)).toMatch(
      /^««ConfigMap .* does not hold a valid mig-parted file: «a mig-parted config must be a mapping with 'version' and 'mig-configs', found «a list»»» Its content is replaced\.»$/,
    );
  });

  it('words every name problem and plan warning with a key of the English catalogue', () => {
    const keys: string[] = [];
    const recordingT = ((key: string) => {
      keys.push(key);
      return key;
    }) as unknown as Parameters<typeof warningText>[0];
    const warnings: CustomConfigWarning[] = [
      {
        code: 'fallback',
        source: { kind: 'built-in', fallback: { kind: 'missing', namespace: 'n', configMap: 'c' } },
      },
      { code: 'in-use-unreadable', configMap: 'ns/c' },
      { code: 'in-use-unreadable' },
      {
        code: 'own-config-map-replaced',
        problem: { code: 'invalid-file', configMap: 'c', issues: [] },
      },
      {
        code: 'own-config-map-replaced',
        problem: { code: 'missing-key', configMap: 'c', key: 'k' },
      },
      { code: 'label-undefined', node: 'n', name: 'c' },
      { code: 'node-configs-differ', kept: 'a', other: 'b', name: 'c' },
      { code: 'replaced-in-use', nodes: ['n'], name: 'c' },
    ];
    for (const warning of warnings) {
      expect(warningText(recordingT, warning)).not.toBe('');
    }
    const nameProblems: LabelValueProblem[] = ['empty', 'too-long', 'characters'];
    for (const nameProblem of nameProblems) {
      expect(nameProblemText(recordingT, nameProblem)).not.toBe('');
    }
    expect(new Set(keys).size).toBe(14);
    expect(keys.filter((key) => !(key in catalogue))).toEqual([]);
  });
});
