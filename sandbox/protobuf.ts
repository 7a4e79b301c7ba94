/**
 * Just enough of Kubernetes' protobuf wire format to read the access reviews client-go sends as
 * protobuf (`kubectl auth can-i`, `kubectl auth whoami`): the `k8s\0` envelope
 * (runtime.Unknown) and the few string fields of SelfSubjectAccessReview's and SelfSubjectRulesReview's specs. Answers go back as
 * JSON, which client-go accepts for any response.
 */
import { badRequest } from './apiErrors';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Fields = Map<number, Buffer[]>;

function readVarint(buffer: Buffer, offset: number): [number, number] {
  let result = 0;
  let shift = 0;
  let position = offset;
  for (;;) {
    if (position >= buffer.length) throw badRequest('truncated protobuf message');
    const byte = buffer[position];
    position += 1;
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return [result, position];
    shift += 7;
    if (shift > 63) throw badRequest('malformed protobuf varint');
  }
}

/** Length-delimited fields of one message by field number (other wire types are skipped). */
function readFields(buffer: Buffer): Fields {
  const fields: Fields = new Map();
  let offset = 0;
  while (offset < buffer.length) {
    const [key, afterKey] = readVarint(buffer, offset);
    const field = Math.floor(key / 8);
    const wireType = key % 8;
    offset = afterKey;
    if (wireType === 0) {
      offset = readVarint(buffer, offset)[1];
    } else if (wireType === 1) {
      offset += 8;
    } else if (wireType === 5) {
      offset += 4;
    } else if (wireType === 2) {
      const [length, start] = readVarint(buffer, offset);
      const value = buffer.subarray(start, start + length);
      fields.set(field, [...(fields.get(field) ?? []), value]);
      offset = start + length;
    } else {
      throw badRequest(`unsupported protobuf wire type ${wireType}`);
    }
  }
  return fields;
}

function text(fields: Fields, field: number): string | undefined {
  const value = fields.get(field)?.[0];
  return value === undefined ? undefined : value.toString('utf8');
}

function message(fields: Fields, field: number): Fields | undefined {
  const value = fields.get(field)?.[0];
  return value === undefined ? undefined : readFields(value);
}

/** Decodes the `k8s\0` envelope: the object's apiVersion, kind and raw message bytes. */
function unwrap(body: Buffer): { apiVersion?: string; kind?: string; raw: Buffer } {
  if (body.length < 4 || !body.subarray(0, 4).equals(MAGIC))
    throw badRequest('protobuf body without the k8s envelope');
  const envelope = readFields(body.subarray(4));
  const typeMeta = message(envelope, 1);
  return {
    apiVersion: typeMeta ? text(typeMeta, 1) : undefined,
    kind: typeMeta ? text(typeMeta, 2) : undefined,
    raw: envelope.get(2)?.[0] ?? Buffer.alloc(0),
  };
}

function withoutUndefined(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  ) as Record<string, string>;
}

/**
 * A SelfSubjectAccessReview, SelfSubjectRulesReview or SelfSubjectReview sent as protobuf, as the JSON object it stands for.
 * Field numbers from k8s.io/api/authorization/v1/generated.proto.
 */
export function decodeReview(body: Buffer): Record<string, unknown> {
  const { apiVersion, kind, raw } = unwrap(body);
  const review = readFields(raw);
  const object: Record<string, unknown> = { apiVersion, kind };
  const spec = message(review, 2);
  if (kind === 'SelfSubjectAccessReview' && spec) {
    const resource = message(spec, 1);
    const nonResource = message(spec, 2);
    const decoded: Record<string, unknown> = {};
    if (resource) {
      decoded.resourceAttributes = withoutUndefined({
        namespace: text(resource, 1),
        verb: text(resource, 2),
        group: text(resource, 3),
        version: text(resource, 4),
        resource: text(resource, 5),
        subresource: text(resource, 6),
        name: text(resource, 7),
      });
    }
    if (nonResource)
      decoded.nonResourceAttributes = withoutUndefined({
        path: text(nonResource, 1),
        verb: text(nonResource, 2),
      });
    object.spec = decoded;
  } else if (kind === 'SelfSubjectRulesReview' && spec) {
    object.spec = withoutUndefined({ namespace: text(spec, 1) });
  } else {
    object.spec = {};
  }
  return object;
}

function texts(fields: Fields, field: number): string[] {
  return (fields.get(field) ?? []).map((value) => value.toString('utf8'));
}

function messages(fields: Fields, field: number): Fields[] {
  return (fields.get(field) ?? []).map((value) => readFields(value));
}

/** ObjectMeta's name, generateName, namespace, labels and annotations (generated.proto numbers). */
function decodeObjectMeta(meta: Fields | undefined): Record<string, unknown> {
  if (!meta) return {};
  const map = (field: number) =>
    Object.fromEntries(
      messages(meta, field).map((entry) => [text(entry, 1) ?? '', text(entry, 2) ?? '']),
    );
  const result: Record<string, unknown> = withoutUndefined({
    name: text(meta, 1),
    generateName: text(meta, 2),
    namespace: text(meta, 3),
  });
  if (meta.has(11)) result.labels = map(11);
  if (meta.has(12)) result.annotations = map(12);
  return result;
}

function decodePolicyRule(rule: Fields): Record<string, unknown> {
  const lists: [string, number][] = [
    ['verbs', 1],
    ['apiGroups', 2],
    ['resources', 3],
    ['resourceNames', 4],
    ['nonResourceURLs', 5],
  ];
  return Object.fromEntries(
    lists.filter(([, field]) => rule.has(field)).map(([key, field]) => [key, texts(rule, field)]),
  );
}

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/**
 * A Role, ClusterRole, RoleBinding or ClusterRoleBinding sent as protobuf (`kubectl create
 * clusterrolebinding`, `kubectl create role`…), as JSON. Field numbers from
 * k8s.io/api/rbac/v1/generated.proto; an aggregationRule is not read.
 */
export function decodeRbacObject(body: Buffer): Record<string, unknown> {
  const { apiVersion, kind, raw } = unwrap(body);
  if (!kind || !RBAC_KINDS.has(kind)) throw badRequest(`protobuf body of kind ${kind ?? '?'}`);
  const object = readFields(raw);
  const result: Record<string, unknown> = {
    apiVersion,
    kind,
    metadata: decodeObjectMeta(message(object, 1)),
  };
  if (kind === 'Role' || kind === 'ClusterRole') {
    result.rules = messages(object, 2).map(decodePolicyRule);
    return result;
  }
  result.subjects = messages(object, 2).map((subject) =>
    withoutUndefined({
      kind: text(subject, 1),
      apiGroup: text(subject, 2),
      name: text(subject, 3),
      namespace: text(subject, 4),
    }),
  );
  const roleRef = message(object, 3);
  if (roleRef) {
    result.roleRef = {
      apiGroup: text(roleRef, 1) ?? '',
      kind: text(roleRef, 2) ?? '',
      name: text(roleRef, 3) ?? '',
    };
  }
  return result;
}
