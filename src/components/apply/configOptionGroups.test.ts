import { configOptions } from '../../cluster/applyPlan';
import { BUILT_IN_SOURCE, a30DisabledNode, viewOf } from '../../cluster/__fixtures__/applyNodes';
import { parseMigPartedConfig } from '../../geometry';
import { catalogueT } from '../text/__fixtures__/catalogue';
import { groupLabel, groupUnavailable, shortReasonText } from './configOptionGroups';

const t = catalogueT();

describe('the configs an A30 cannot take', () => {
  const options = configOptions(
    [viewOf(a30DisabledNode('worker1'), 'mixed')],
    () => BUILT_IN_SOURCE,
  );

  it('folds the dozens made for other GPU models into one group, with one short reason each', () => {
    const groups = groupUnavailable(options);
    const otherModels = groups.find((entry) => entry.group === 'other-models');
    expect(otherModels!.options.length).toBeGreaterThan(60);
    expect(groups.reduce((sum, entry) => sum + entry.options.length, 0)).toBe(
      options.filter((option) => !option.available).length,
    );
    const byName = new Map(otherModels!.options.map((option) => [option.name, option]));
    expect(shortReasonText(t, byName.get('all-7g.80gb')!)).toBe('no 7g.80gb on this GPU model');
    expect(shortReasonText(t, byName.get('all-1g.10gb')!)).toBe('no entry for this GPU model');
    for (const option of otherModels!.options) {
      expect(shortReasonText(t, option).length).toBeLessThan(50);
    }
    expect(groupLabel(t, 'other-models', 71)).toBe('Made for other GPU models (71)');
  });

  it('puts a config a node’s file lacks in its own group, naming the node', () => {
    const small = parseMigPartedConfig(
      'version: v1\nmig-configs:\n  all-disabled:\n    - devices: all\n      mig-enabled: false\n',
    ).config!;
    const nodes = [
      viewOf(a30DisabledNode('worker1'), 'mixed'),
      viewOf(a30DisabledNode('worker2'), 'mixed'),
    ];
    const mixedSources = configOptions(nodes, (name) =>
      name === 'worker2' ? { config: small, view: BUILT_IN_SOURCE.view } : BUILT_IN_SOURCE,
    );
    const notInConfig = groupUnavailable(mixedSources).find(
      (entry) => entry.group === 'not-in-config',
    );
    const balanced = notInConfig!.options.find((option) => option.name === 'all-balanced')!;
    expect(shortReasonText(t, balanced, 2)).toBe('worker2: not in the config this node uses');
    // Nodes that all say the same are not named.
    const bothBuiltIn = configOptions(nodes, () => BUILT_IN_SOURCE);
    const h100Only = bothBuiltIn.find((option) => option.name === 'all-7g.80gb')!;
    expect(h100Only.why.map((reason) => reason.node)).toEqual(['worker1', 'worker2']);
    expect(shortReasonText(t, h100Only, 2)).toBe('no 7g.80gb on this GPU model');
    expect(shortReasonText(t, h100Only, 3)).toBe('worker1: no 7g.80gb on this GPU model');
  });
});
