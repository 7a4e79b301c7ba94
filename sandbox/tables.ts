/**
 * Server-side printing: the `meta.k8s.io/v1` Table that `kubectl get` asks for
 * (`Accept: application/json;as=Table;g=meta.k8s.io;v=v1`). Columns follow the API server's
 * printers for the built-in types and `additionalPrinterColumns` for custom resources.
 */
import type { ResourceType } from './resources';
import type { KubeObject } from './store';

interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

interface TableRow {
  cells: unknown[];
  object?: unknown;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** `kubectl`'s short ages: `45s`, `3m34s`, `10m`, `5h2m`, `3d4h`, `120d`, `3y45d`. */
export function humanDuration(milliseconds: number): string {
  const seconds = Math.max(0, Math.floor(milliseconds / 1000));
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m${seconds % 60}s`;
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8)
    return hours % 24 === 0
      ? `${Math.floor(hours / 24)}d`
      : `${Math.floor(hours / 24)}d${hours % 24}h`;
  const days = Math.floor(hours / 24);
  if (days < 365 * 2) return `${days}d`;
  const years = Math.floor(days / 365);
  if (years < 8) return days % 365 === 0 ? `${years}y` : `${years}y${days % 365}d`;
  return `${years}y`;
}

function age(object: KubeObject): string {
  const created = Date.parse(object.metadata.creationTimestamp ?? '');
  return Number.isNaN(created) ? '<unknown>' : humanDuration(Date.now() - created);
}

function column(name: string, type = 'string', priority = 0, format = ''): ColumnDefinition {
  return { name, type, format, description: name, priority };
}

type Record_ = Record<string, unknown>;

function field(object: unknown, path: string[]): unknown {
  let current: unknown = object;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record_)[segment];
  }
  return current;
}

function nodeRoles(object: KubeObject): string {
  const roles = Object.keys(object.metadata.labels ?? {})
    .filter((key) => key.startsWith('node-role.kubernetes.io/'))
    .map((key) => key.slice('node-role.kubernetes.io/'.length))
    .sort();
  return roles.length ? roles.join(',') : '<none>';
}

function nodeStatus(object: KubeObject): string {
  const conditions = (field(object, ['status', 'conditions']) as Record_[] | undefined) ?? [];
  const ready = conditions.find((condition) => condition.type === 'Ready');
  const states = [ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'];
  if (field(object, ['spec', 'unschedulable']) === true) states.push('SchedulingDisabled');
  return states.join(',');
}

function nodeAddress(object: KubeObject, type: string): string {
  const addresses = (field(object, ['status', 'addresses']) as Record_[] | undefined) ?? [];
  const found = addresses.find((address) => address.type === type);
  return typeof found?.address === 'string' ? found.address : '<none>';
}

function podStatus(object: KubeObject): string {
  if (object.metadata.deletionTimestamp) return 'Terminating';
  const statuses = (field(object, ['status', 'containerStatuses']) as Record_[] | undefined) ?? [];
  for (const status of statuses) {
    const waiting = field(status, ['state', 'waiting', 'reason']);
    if (typeof waiting === 'string') return waiting;
    const terminated = field(status, ['state', 'terminated', 'reason']);
    if (typeof terminated === 'string') return terminated;
  }
  const phase = field(object, ['status', 'phase']);
  return typeof phase === 'string' ? phase : 'Unknown';
}

function podReady(object: KubeObject): string {
  const containers = (field(object, ['spec', 'containers']) as unknown[] | undefined) ?? [];
  const statuses = (field(object, ['status', 'containerStatuses']) as Record_[] | undefined) ?? [];
  return `${statuses.filter((status) => status.ready === true).length}/${containers.length}`;
}

function podRestarts(object: KubeObject): number {
  const statuses = (field(object, ['status', 'containerStatuses']) as Record_[] | undefined) ?? [];
  return statuses.reduce((sum, status) => sum + (Number(status.restartCount) || 0), 0);
}

/** Evaluates the simple JSONPath of printer columns (`.spec.mig.strategy`). */
function jsonPathValue(object: KubeObject, path: string): unknown {
  const segments = path
    .replace(/^\{?\.?/, '')
    .replace(/\}$/, '')
    .split('.')
    .filter(Boolean);
  return field(object, segments);
}

interface Printer {
  columns: ColumnDefinition[];
  cells: (object: KubeObject) => unknown[];
}

function printerFor(type: ResourceType): Printer {
  const name = column('Name', 'string', 0, 'name');
  const ageColumn = column('Age');
  switch (type.plural) {
    case 'nodes':
      if (type.group) break;
      return {
        columns: [
          name,
          column('Status'),
          column('Roles'),
          ageColumn,
          column('Version'),
          column('Internal-IP', 'string', 1),
          column('External-IP', 'string', 1),
          column('OS-Image', 'string', 1),
          column('Kernel-Version', 'string', 1),
          column('Container-Runtime', 'string', 1),
        ],
        cells: (object) => [
          object.metadata.name,
          nodeStatus(object),
          nodeRoles(object),
          age(object),
          field(object, ['status', 'nodeInfo', 'kubeletVersion']) ?? '',
          nodeAddress(object, 'InternalIP'),
          nodeAddress(object, 'ExternalIP'),
          field(object, ['status', 'nodeInfo', 'osImage']) ?? '<unknown>',
          field(object, ['status', 'nodeInfo', 'kernelVersion']) ?? '<unknown>',
          field(object, ['status', 'nodeInfo', 'containerRuntimeVersion']) ?? '<unknown>',
        ],
      };
    case 'pods':
      if (type.group) break;
      return {
        columns: [
          name,
          column('Ready'),
          column('Status'),
          column('Restarts', 'string'),
          ageColumn,
          column('IP', 'string', 1),
          column('Node', 'string', 1),
          column('Nominated Node', 'string', 1),
          column('Readiness Gates', 'string', 1),
        ],
        cells: (object) => [
          object.metadata.name,
          podReady(object),
          podStatus(object),
          String(podRestarts(object)),
          age(object),
          field(object, ['status', 'podIP']) ?? '<none>',
          field(object, ['spec', 'nodeName']) ?? '<none>',
          field(object, ['status', 'nominatedNodeName']) ?? '<none>',
          '<none>',
        ],
      };
    case 'namespaces':
      if (type.group) break;
      return {
        columns: [name, column('Status'), ageColumn],
        cells: (object) => [
          object.metadata.name,
          field(object, ['status', 'phase']) ?? 'Active',
          age(object),
        ],
      };
    case 'configmaps':
      if (type.group) break;
      return {
        columns: [name, column('Data', 'integer'), ageColumn],
        cells: (object) => [
          object.metadata.name,
          Object.keys((object.data as Record_ | undefined) ?? {}).length +
            Object.keys((object.binaryData as Record_ | undefined) ?? {}).length,
          age(object),
        ],
      };
    case 'events':
      if (type.group) break;
      return {
        columns: [
          column('Last Seen'),
          column('Type'),
          column('Reason'),
          column('Object'),
          column('Message'),
        ],
        cells: (object) => [
          humanDuration(
            Date.now() -
              Date.parse(String(object.lastTimestamp ?? object.metadata.creationTimestamp)),
          ),
          object.type ?? '',
          object.reason ?? '',
          `${String(field(object, ['involvedObject', 'kind']) ?? '').toLowerCase()}/${String(field(object, ['involvedObject', 'name']) ?? '')}`,
          object.message ?? '',
        ],
      };
    case 'customresourcedefinitions':
      return {
        columns: [name, column('Created At', 'date')],
        cells: (object) => [object.metadata.name, object.metadata.creationTimestamp],
      };
  }
  const extra = type.printerColumns ?? [];
  return {
    columns: [name, ...extra.map((printer) => column(printer.name, printer.type)), ageColumn],
    cells: (object) => [
      object.metadata.name,
      ...extra.map((printer) => {
        const value = jsonPathValue(object, printer.jsonPath);
        return value === undefined ? null : value;
      }),
      age(object),
    ],
  };
}

function rowObject(object: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return undefined;
  if (include === 'Object') return object;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: object.metadata };
}

export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  listMeta: Record<string, unknown>,
  include: IncludeObject,
): Record<string, unknown> {
  const printer = printerFor(type);
  const rows: TableRow[] = objects.map((object) => {
    const row: TableRow = { cells: printer.cells(object) };
    const embedded = rowObject(object, include);
    if (embedded !== undefined) row.object = embedded;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: printer.columns,
    rows,
  };
}

/** True when the client asked for a Table (and we may answer with one). */
export function wantsTable(accept: string | undefined): boolean {
  return /as=Table/.test(accept ?? '') && /g=meta\.k8s\.io/.test(accept ?? '');
}
