/**
 * Stands in for `@openshift-console/dynamic-plugin-sdk` when `bench/pipeline.ts` loads the data
 * hooks in Node (`bench/tsconfig.pipeline.json` maps the package here): the bench calls the
 * hooks' pure parts with data it builds itself, so nothing here is ever called.
 */
const notInBench = (name: string) => () => {
  throw new Error(`${name} is not available in bench/pipeline.ts`);
};

export const useK8sWatchResource = notInBench('useK8sWatchResource');
export const useK8sWatchResources = notInBench('useK8sWatchResources');
export const useAccessReview = notInBench('useAccessReview');
export const k8sGet = notInBench('k8sGet');
export const k8sPatch = notInBench('k8sPatch');
export const k8sCreate = notInBench('k8sCreate');
export const k8sUpdate = notInBench('k8sUpdate');
export const k8sListItems = notInBench('k8sListItems');
export const consoleFetchJSON = notInBench('consoleFetchJSON');
