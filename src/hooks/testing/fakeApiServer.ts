import type { K8sResourceCommon, Patch } from '@openshift-console/dynamic-plugin-sdk';
// Tests are not bundled; the sandbox's JSON Patch answers like the API server (422 on a failed test).
import { applyJsonPatch } from '../../../sandbox/patch';
import { sdkMock } from './sdkMock';

export const patchMock = sdkMock.k8sPatch as unknown as jest.Mock;
export const getMock = sdkMock.k8sGet as unknown as jest.Mock;

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** One object served behind the SDK mock's `k8sPatch` and `k8sGet`. */
export interface FakeServer<T extends K8sResourceCommon> {
  current: () => T;
  /** Another writer (kubelet, operator, another controller) changes the object. */
  write: (change: (object: T) => void) => void;
}

/**
 * A one-object API server: JSON Patch with `test` ops (the sandbox's, 422 when one fails), a new
 * resourceVersion on every write. `beforeEachPatch` lets a test race the plugin's writes.
 */
export function serveOneObject<T extends K8sResourceCommon>(
  object: T,
  beforeEachPatch: (server: FakeServer<T>) => void = () => undefined,
): FakeServer<T> {
  let stored = clone(object);
  let version = Number(object.metadata?.resourceVersion);
  const bump = (next: T) => {
    version += 1;
    stored = { ...next, metadata: { ...next.metadata, resourceVersion: String(version) } };
  };
  const server: FakeServer<T> = {
    current: () => clone(stored),
    write: (change) => {
      const next = clone(stored);
      change(next);
      bump(next);
    },
  };
  patchMock.mockImplementation(({ data }: { data: Patch[] }) => {
    beforeEachPatch(server);
    try {
      bump(applyJsonPatch(stored, data));
    } catch (error) {
      const { code, message } = error as { code: number; message: string };
      return Promise.reject(sdkMock.mockHttpError(code, message));
    }
    return Promise.resolve(clone(stored));
  });
  getMock.mockImplementation(() => Promise.resolve(clone(stored)));
  return server;
}

/** The JSON Patches sent so far, in order. */
export const sentPatches = (): Patch[][] =>
  patchMock.mock.calls.map(([options]: [{ data: Patch[] }]) => options.data);
