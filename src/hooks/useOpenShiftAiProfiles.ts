import {
  k8sCreate,
  useAccessReview,
  useK8sWatchResource,
} from '@openshift-console/dynamic-plugin-sdk';
import * as React from 'react';
import { describeWriteFailure, type WriteFailure } from '../cluster/customConfig';
import { classifyDataError, type DataError } from '../cluster/errors';
import {
  AcceleratorProfileGroupVersionKind,
  AcceleratorProfileModel,
  HardwareProfileGroupVersionKind,
  HardwareProfileModel,
} from '../cluster/models';
import {
  advertisedMigResources,
  analyseProfiles,
  applicationsNamespace,
  buildAcceleratorProfile,
  buildHardwareProfile,
  readAcceleratorProfile,
  readHardwareProfile,
  type AcceleratorProfileKind,
  type ExistingProfile,
  type HardwareProfileKind,
  type MigResourceRow,
  type OpenShiftAiProfileKind,
  type ProfileAnalysis,
} from '../cluster/openshiftAi';
import { useGpuNodes } from './useGpuNodes';

export interface OpenShiftAiProfilesResult {
  /** False when neither profile API exists (OpenShift AI not installed); undefined until known. */
  installed?: boolean;
  /** The kind new profiles are created as: HardwareProfile when its API exists. */
  targetKind?: OpenShiftAiProfileKind;
  namespace: string;
  analysis: ProfileAnalysis;
  loaded: boolean;
  /** Read errors other than "API absent" (403…), one per kind. */
  errors: DataError[];
  canCreate: { allowed: boolean; loading: boolean };
  /** The object that would be created for a row. */
  objectFor(row: MigResourceRow): HardwareProfileKind | AcceleratorProfileKind;
  create(rows: MigResourceRow[]): Promise<ProfileCreateResult[]>;
}

export interface ProfileCreateResult {
  name: string;
  resource: string;
  ok: boolean;
  failure?: WriteFailure;
}

const isListOf = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** Both profile kinds read as `ExistingProfile`s, with what each watch said. */
export interface OpenShiftAiProfileList {
  profiles: ExistingProfile[];
  /** Both watches answered (a list or an error). */
  loaded: boolean;
  hardwareProblem?: DataError;
  acceleratorProblem?: DataError;
}

/**
 * OpenShift AI's HardwareProfiles and (deprecated) AcceleratorProfiles in every namespace. A watch
 * failing with NoModelError means that API is not installed.
 */
export const useOpenShiftAiProfileList = (): OpenShiftAiProfileList => {
  const [hardware, hardwareLoaded, hardwareError] = useK8sWatchResource<HardwareProfileKind[]>({
    groupVersionKind: HardwareProfileGroupVersionKind,
    isList: true,
  });
  const [accelerators, acceleratorsLoaded, acceleratorsError] = useK8sWatchResource<
    AcceleratorProfileKind[]
  >({ groupVersionKind: AcceleratorProfileGroupVersionKind, isList: true });
  const profiles = React.useMemo(
    () => [
      ...isListOf<HardwareProfileKind>(hardware).map(readHardwareProfile),
      ...isListOf<AcceleratorProfileKind>(accelerators).map(readAcceleratorProfile),
    ],
    [hardware, accelerators],
  );
  const hardwareProblem = classifyDataError(hardwareError, 'HardwareProfiles');
  const acceleratorProblem = classifyDataError(acceleratorsError, 'AcceleratorProfiles');
  return {
    profiles,
    loaded:
      (hardwareLoaded || hardwareError !== undefined) &&
      (acceleratorsLoaded || acceleratorsError !== undefined),
    ...(hardwareProblem ? { hardwareProblem } : {}),
    ...(acceleratorProblem ? { acceleratorProblem } : {}),
  };
};

/**
 * OpenShift AI's profiles compared with the MIG resources GPU nodes advertise, and creating the
 * missing ones.
 */
export const useOpenShiftAiProfiles = (): OpenShiftAiProfilesResult => {
  const nodes = useGpuNodes();
  const list = useOpenShiftAiProfileList();
  const { profiles, hardwareProblem, acceleratorProblem } = list;
  const hardwareApi = hardwareProblem?.kind !== 'no-model';
  const acceleratorApi = acceleratorProblem?.kind !== 'no-model';
  const loaded = list.loaded && nodes.loaded;
  let installed: boolean | undefined;
  if (!hardwareApi && !acceleratorApi) installed = false;
  else if (loaded) installed = true;
  const targetKind: OpenShiftAiProfileKind | undefined = hardwareApi
    ? 'HardwareProfile'
    : acceleratorApi
      ? 'AcceleratorProfile'
      : undefined;

  const namespace = applicationsNamespace(profiles);
  const analysis = React.useMemo(
    () =>
      analyseProfiles(
        advertisedMigResources(nodes.data),
        profiles,
        targetKind ?? 'HardwareProfile',
      ),
    [nodes.data, profiles, targetKind],
  );
  const [createAllowed, createLoading] = useAccessReview({
    group:
      targetKind === 'AcceleratorProfile'
        ? AcceleratorProfileModel.apiGroup
        : HardwareProfileModel.apiGroup,
    resource:
      targetKind === 'AcceleratorProfile'
        ? AcceleratorProfileModel.plural
        : HardwareProfileModel.plural,
    verb: 'create',
    namespace,
  });

  const objectFor = React.useCallback(
    (row: MigResourceRow) =>
      targetKind === 'AcceleratorProfile'
        ? buildAcceleratorProfile(row, namespace)
        : buildHardwareProfile(row, namespace),
    [targetKind, namespace],
  );

  const create = React.useCallback(
    async (rows: MigResourceRow[]) => {
      const model =
        targetKind === 'AcceleratorProfile' ? AcceleratorProfileModel : HardwareProfileModel;
      const results: ProfileCreateResult[] = [];
      // One at a time: each result is reported on its own, and a 403 on the first is not repeated N times in parallel.
      for (const row of rows) {
        const data = objectFor(row);
        try {
          await k8sCreate({ model, data });
          results.push({ name: data.metadata?.name ?? '', resource: row.resource, ok: true });
        } catch (error) {
          results.push({
            name: data.metadata?.name ?? '',
            resource: row.resource,
            ok: false,
            failure: describeWriteFailure(error),
          });
        }
      }
      return results;
    },
    [objectFor, targetKind],
  );

  const errors = [hardwareProblem, acceleratorProblem, nodes.error].filter(
    (error): error is DataError => error !== undefined && error.kind !== 'no-model',
  );
  return {
    ...(installed !== undefined ? { installed } : {}),
    ...(targetKind ? { targetKind } : {}),
    namespace,
    analysis,
    loaded,
    errors,
    canCreate: { allowed: createAllowed, loading: createLoading },
    objectFor,
    create,
  };
};
