import { READER_CLUSTER_ROLE, classifyDataError } from './errors';

describe('classifyDataError', () => {
  it.each([undefined, null, false, ''])(
    'treats %p as no error, as the console reports it',
    (value) => {
      expect(classifyDataError(value, 'pods')).toBeUndefined();
    },
  );

  it('names the read-only ClusterRole on a 403', () => {
    const error = classifyDataError(
      { response: { status: 403 }, message: 'nodes is forbidden' },
      'nodes',
    );
    expect(error?.kind).toBe('forbidden');
    expect(error?.message).toContain(READER_CLUSTER_ROLE);
  });

  it('keeps other errors as they are', () => {
    const error = classifyDataError(new Error('connection reset'), 'pods');
    expect(error?.kind).toBe('other');
    expect(error?.message).toContain('connection reset');
  });
});
