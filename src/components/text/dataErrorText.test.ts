import i18next from 'i18next';
import { classifyDataError, type DataSubject } from '../../cluster/errors';
import { catalogueT } from './__fixtures__/catalogue';
import { initTestI18n } from '../../hooks/testing/i18n';
import type { Translate } from './translate';
import { dataErrorText } from './dataErrorText';

beforeAll(initTestI18n);

const t = ((key: string, options?: object) => i18next.t(key, options)) as unknown as Translate;
const marked = ((key: string, options?: object) =>
  `«${i18next.t(key, options)}»`) as unknown as Translate;

describe('dataErrorText', () => {
  it.each([
    [
      'no-model',
      { name: 'NoModelError', message: 'Model does not exist' },
      'The API for nodes is not available on this cluster (its CustomResourceDefinition is not installed).',
    ],
    [
      'forbidden',
      { code: 403, message: 'nodes is forbidden: User "dev" cannot list' },
      "You are not allowed to read nodes. Ask an administrator to bind the ClusterRole 'gpu-partitioning-plugin-availability-reader' (nodes and ClusterPolicies, enough for slice availability) or 'gpu-partitioning-plugin-viewer' to you.",
    ],
    ['not-found', { code: 404, message: 'not found' }, 'nodes not found.'],
    [
      'other',
      { code: 500, message: 'etcdserver: request timed out' },
      'Could not read nodes: etcdserver: request timed out',
    ],
  ])('words a %s error from its kind and resource', (kind, raw, words) => {
    const error = classifyDataError(raw, 'nodes')!;
    expect(error.kind).toBe(kind);
    expect(dataErrorText(t, error)).toBe(words);
    expect(dataErrorText(marked, error)).toMatch(/^«.*»$/);
  });

  it("keeps the API server's own words inside the translated sentence", () => {
    const error = classifyDataError({ code: 500, message: 'etcdserver: timed out' }, 'pods')!;
    expect(error.reason).toBe('etcdserver: timed out');
    expect(dataErrorText(marked, error)).toBe('«Could not read pods: etcdserver: timed out»');
  });
});

/** What the cluster layer said in English for each subject, forbidden (403) and failed (500). */
const SUBJECT_WORDS: Record<string, Record<number, string>> = {
  node: {
    '403':
      "You are not allowed to read node worker1. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace.",
    '500': 'Could not read node worker1: boom',
  },
  'pod-log': {
    '403':
      "You are not allowed to read the log of pod nvidia-gpu-operator/nvidia-mig-manager-x. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace.",
    '500': 'Could not read the log of pod nvidia-gpu-operator/nvidia-mig-manager-x: boom',
  },
  'mig-manager-pods': {
    '403':
      "You are not allowed to read mig-manager pods in nvidia-gpu-operator. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace.",
    '500': 'Could not read mig-manager pods in nvidia-gpu-operator: boom',
  },
  'config-maps': {
    '403':
      "You are not allowed to read ConfigMaps in nvidia-gpu-operator. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace.",
    '500': 'Could not read ConfigMaps in nvidia-gpu-operator: boom',
  },
  'config-map': {
    '403':
      "You are not allowed to read ConfigMap nvidia-gpu-operator/custom-mig. Ask an administrator to bind 'gpu-partitioning-plugin-viewer' to you: the ClusterRole (nodes, pods, ClusterPolicies) and, for the mig-parted ConfigMaps and pod logs, the Role of that name in the GPU operator's namespace.",
    '500': 'Could not read ConfigMap nvidia-gpu-operator/custom-mig: boom',
  },
};

describe('dataErrorText with a subject', () => {
  const subjects: DataSubject[] = [
    { kind: 'node', name: 'worker1' },
    { kind: 'pod-log', namespace: 'nvidia-gpu-operator', name: 'nvidia-mig-manager-x' },
    { kind: 'mig-manager-pods', namespace: 'nvidia-gpu-operator' },
    { kind: 'config-maps', namespace: 'nvidia-gpu-operator' },
    { kind: 'config-map', namespace: 'nvidia-gpu-operator', name: 'custom-mig' },
  ];
  it.each(subjects)('words what could not be read ($kind) around its names', (subject) => {
    for (const raw of [
      { code: 403, message: 'forbidden' },
      { code: 500, message: 'boom' },
    ]) {
      const error = classifyDataError(raw, subject)!;
      expect(error.subject).toEqual(subject);
      expect(dataErrorText(catalogueT(), error)).toBe(SUBJECT_WORDS[subject.kind][raw.code]);
      expect(dataErrorText(catalogueT(true), error)).toMatch(/^«.*«.*».*»$/);
    }
  });
});
