import type { K8sGroupVersionKind } from '@openshift-console/dynamic-plugin-sdk';
import { findModel } from './discovery';
import { useDiscovery } from './hooks';
import { getReference } from './paths';

/**
 * Feature flags set by `console.flag/model` extensions: a flag is on while discovery knows the
 * model (the console sets them from its CRD watch). The host registers the plugin's extensions.
 */
const modelFlags = new Map<string, K8sGroupVersionKind>();

export const registerModelFlag = (flag: string, model: K8sGroupVersionKind) => {
  modelFlags.set(flag, model);
};

/** `undefined` until discovery has answered, like a console flag that is not resolved yet. */
export const useFlag = (flag: string): boolean => {
  const { loaded, models } = useDiscovery();
  const model = modelFlags.get(flag);
  if (!loaded) return undefined as unknown as boolean;
  return model
    ? Boolean(findModel(models, getReference(model)))
    : (undefined as unknown as boolean);
};
