/**
 * Typed handle on the Jest SDK mock's fixture API (tests only). Use it instead of importing the
 * helpers from the SDK package name, which the real package's types do not know:
 *
 *   import { sdkMock } from '../hooks/testing/sdkMock';
 *   sdkMock.setK8sWatchFixtures({ objects: [node] });
 *
 * See `__mocks__/@openshift-console/dynamic-plugin-sdk.tsx` for what the fixtures do.
 */
import * as sdk from '@openshift-console/dynamic-plugin-sdk';
import type * as SdkMockModule from '../../../__mocks__/@openshift-console/dynamic-plugin-sdk';

// A plain import gets the same module instance the code under test uses (`jest.requireMock`
// would build a second one, whose fixtures the hooks never see).
export const sdkMock = sdk as unknown as typeof SdkMockModule;
