/**
 * CertificateSigningRequests (certificates.k8s.io/v1), as kube-apiserver's registry treats them:
 * the requester's identity is stamped into the spec on create, `status` is never taken from a
 * create, and the `approval` subresource changes only `status.conditions`.
 */
import { invalid } from './apiErrors';
import type { SandboxUser } from './auth';
import { cloneJson } from './patch';
import type { KubeObject } from './store';

export const CSR_KEY = 'certificatesigningrequests.certificates.k8s.io';

const DECISIONS = new Set(['Approved', 'Denied', 'Failed']);

interface CsrCondition {
  type?: string;
  status?: string;
}

export function prepareCsrCreate(object: KubeObject, user: SandboxUser): void {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  const missing = ['request', 'signerName'].filter((field) => !spec[field]);
  if (missing.length) {
    throw invalid('certificates.k8s.io', 'CertificateSigningRequest', object.metadata.name ?? '', [
      ...missing.map((field) => ({
        reason: 'FieldValueRequired',
        field: `spec.${field}`,
        message: 'Required value',
      })),
    ]);
  }
  object.spec = { ...spec, username: user.username, uid: user.uid, groups: user.groups };
  object.status = {};
}

/** The object an `approval` write stores: the current one with the incoming conditions. */
export function applyCsrApproval(current: KubeObject, incoming: KubeObject): KubeObject {
  const conditions = ((incoming.status as { conditions?: CsrCondition[] } | undefined)
    ?.conditions ?? []) as CsrCondition[];
  const decided = (type: string) =>
    conditions.some((condition) => condition.type === type && condition.status === 'True');
  const causes = conditions
    .filter((condition) => !DECISIONS.has(condition.type ?? ''))
    .map((condition) => ({
      reason: 'FieldValueNotSupported',
      field: 'status.conditions.type',
      message: `Unsupported value: "${condition.type ?? ''}": supported values: "Approved", "Denied", "Failed"`,
    }));
  if (decided('Approved') && decided('Denied')) {
    causes.push({
      reason: 'FieldValueInvalid',
      field: 'status.conditions',
      message: 'Invalid value: Approved and Denied conditions are mutually exclusive',
    });
  }
  if (causes.length) {
    throw invalid(
      'certificates.k8s.io',
      'CertificateSigningRequest',
      current.metadata.name ?? '',
      causes,
    );
  }
  const status = { ...((cloneJson(current.status) ?? {}) as Record<string, unknown>), conditions };
  return { ...cloneJson(current), status };
}
