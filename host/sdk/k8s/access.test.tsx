/**
 * `useAccessReview` as the console's (console-dynamic-plugin-sdk
 * `src/app/components/utils/rbac.tsx`, release-4.19): `checkAccessInternal` is a lodash
 * `memoize` of the review's promise, so each attribute set is asked once per page load, a
 * failed review included, and a review that fails counts as allowed (the API still refuses).
 */
import { act, render } from '@testing-library/react';
import { useAccessReview } from './access';

type Review = { spec: { resourceAttributes: Record<string, string> } };

let posted: Review[] = [];
/** Whether the API answers reviews, and with what. */
let reply: (review: Review) => { status: number; body: unknown };

beforeAll(() => {
  globalThis.fetch = jest.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
    const review = JSON.parse(String(init?.body)) as Review;
    posted.push(review);
    const { status, body } = reply(review);
    const text = JSON.stringify(body);
    // jsdom has no Response; the shim's fetch wrapper needs only these members.
    return {
      ok: status < 300,
      status,
      statusText: '',
      headers: { get: () => 'application/json' },
      text: async () => text,
      json: async () => body,
    } as unknown as Response;
  }) as typeof fetch;
});

beforeEach(() => {
  posted = [];
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

type Result = [boolean, boolean];

const Probe = ({ verb, onResult }: { verb: string; onResult: (result: Result) => void }) => {
  onResult(useAccessReview({ group: '', resource: 'nodes', verb: verb as 'patch' }));
  return null;
};

/** Renders one more component asking for `verb` on nodes; its results in order. */
const ask = async (verb: string): Promise<Result[]> => {
  const results: Result[] = [];
  render(<Probe verb={verb} onResult={(result) => results.push(result)} />);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
  return results;
};

test('a failed review counts as allowed and is not asked again in this page load', async () => {
  reply = () => ({ status: 500, body: { kind: 'Status', code: 500, message: 'webhook down' } });
  const first = await ask('delete');
  expect(first[0]).toEqual([false, true]);
  expect(first.at(-1)).toEqual([true, false]);
  expect(console.warn).toHaveBeenCalledWith('SelfSubjectAccessReview failed', expect.anything());

  // The API would now say no, but the console keeps the first outcome until the page reloads.
  reply = () => ({ status: 201, body: { status: { allowed: false } } });
  const again = await ask('delete');
  expect(again.at(-1)).toEqual([true, false]);
  expect(posted).toHaveLength(1);
});

test('an answered review is asked once for every component that needs it', async () => {
  reply = (review) => ({
    status: 201,
    body: { ...review, status: { allowed: review.spec.resourceAttributes.verb === 'patch' } },
  });
  expect((await ask('patch')).at(-1)).toEqual([true, false]);
  expect((await ask('patch')).at(-1)).toEqual([true, false]);
  expect((await ask('update')).at(-1)).toEqual([false, false]);
  expect(posted.map((review) => review.spec.resourceAttributes.verb)).toEqual(['patch', 'update']);
});
