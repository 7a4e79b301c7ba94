/**
 * The sandbox's copies of the chart's roles (chartRoles.ts) equal what the chart renders with its
 * default values, so the sandbox's data scientist gets exactly what an administrator would grant.
 * Renders with the pinned Helm (scripts/render-chart.ts; the first run fetches it).
 */
import { ensureHelm, renderChart, type K8sObject } from '../scripts/render-chart';
import {
  AVAILABILITY_READER_ROLE,
  AVAILABILITY_READER_RULES,
  VIEWER_CLUSTER_ROLE_RULES,
  VIEWER_ROLE,
  VIEWER_ROLE_RULES,
} from './chartRoles';
import { OPERATOR_NAMESPACE } from './operator';

let objects: (K8sObject & { rules?: unknown })[];

beforeAll(() => {
  ensureHelm();
  const result = renderChart({ values: { plugin: { image: 'quay.io/example/plugin:1' } } });
  if (result.status !== 0) throw new Error(result.stderr);
  objects = result.objects;
}, 240_000);

const rulesOf = (kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!found) throw new Error(`${kind}/${name} is not rendered`);
  return { namespace: found.metadata.namespace, rules: found.rules };
};

test('the minimal availability ClusterRole', () => {
  expect(rulesOf('ClusterRole', AVAILABILITY_READER_ROLE)).toEqual({
    namespace: undefined,
    rules: AVAILABILITY_READER_RULES,
  });
});

test('the viewer ClusterRole and its Role in the GPU operator namespace', () => {
  expect(rulesOf('ClusterRole', VIEWER_ROLE)).toEqual({
    namespace: undefined,
    rules: VIEWER_CLUSTER_ROLE_RULES,
  });
  expect(rulesOf('Role', VIEWER_ROLE)).toEqual({
    namespace: OPERATOR_NAMESPACE,
    rules: VIEWER_ROLE_RULES,
  });
});
