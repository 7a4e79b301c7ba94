import { classifyDataError } from './errors';

describe('classifyDataError', () => {
  it.each([undefined, null, false, ''])(
    'treats %p as no error, as the console reports it',
    (value) => {
      expect(classifyDataError(value, 'pods')).toBeUndefined();
    },
  );

  it('classifies a 403 as forbidden (dataErrorText names the ClusterRole)', () => {
    const error = classifyDataError(
      { response: { status: 403 }, message: 'nodes is forbidden' },
      'nodes',
    );
    expect(error).toMatchObject({ kind: 'forbidden', resource: 'nodes', status: 403 });
  });

  it('keeps other errors as they are', () => {
    const error = classifyDataError(new Error('connection reset'), 'pods');
    expect(error).toMatchObject({ kind: 'other', resource: 'pods', reason: 'connection reset' });
  });
});
