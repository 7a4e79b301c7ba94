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
    ['no-model', { name: 'NoModelError', message: 'Model does not exist' }],
    ['forbidden', { code: 403, message: 'nodes is forbidden: User "dev" cannot list' }],
    ['not-found', { code: 404, message: 'not found' }],
    ['other', { code: 500, message: 'etcdserver: request timed out' }],
  ])('words a %s error from its kind and resource, as the cluster layer says it', (kind, raw) => {
    const error = classifyDataError(raw, 'nodes')!;
    expect(error.kind).toBe(kind);
    expect(dataErrorText(t, error)).toBe(error.message);
    expect(dataErrorText(marked, error)).toMatch(/^«.*»$/);
  });

  it("keeps the API server's own words inside the translated sentence", () => {
    const error = classifyDataError({ code: 500, message: 'etcdserver: timed out' }, 'pods')!;
    expect(error.reason).toBe('etcdserver: timed out');
    expect(dataErrorText(marked, error)).toBe('«Could not read pods: etcdserver: timed out»');
  });

  it('shows an error it cannot word (no resource) as it is', () => {
    expect(dataErrorText(marked, { kind: 'forbidden', message: 'as given' })).toBe('as given');
  });
});

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
      expect(dataErrorText(catalogueT(), error)).toBe(error.message);
      expect(dataErrorText(catalogueT(true), error)).toMatch(/^«.*«.*».*»$/);
    }
  });
});
