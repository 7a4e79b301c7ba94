import i18next from 'i18next';
import { classifyDataError } from '../../cluster/errors';
import { initTestI18n } from '../apply/__fixtures__/i18n';
import type { Translate } from '../apply/planIssueText';
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
