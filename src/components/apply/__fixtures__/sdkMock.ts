/**
 * The Jest SDK mock's test controls, typed. They are imported through the SDK's own module name
 * (so tests share the instance the components use) and typed from the mock file.
 */
import * as sdk from '@openshift-console/dynamic-plugin-sdk';
import type * as SdkMock from '../../../../__mocks__/@openshift-console/dynamic-plugin-sdk';

export const sdkMock = sdk as unknown as typeof SdkMock;
