/**
 * Filtering and sorting of GPU node views for the Nodes table. Pure functions so 1,000 nodes can
 * be filtered in a memo and tested without rendering.
 */
import type { GpuHealthState, GpuNodeView, MigConfigState } from '../../../cluster/types';
import { parseMigResourceName } from '../../../geometry/naming';

export interface NodeFilters {
  name: string;
  products: string[];
  configs: string[];
  /** `nvidia.com/mig.config.state` values. */
  states: MigConfigState[];
  /** The page's summary state (drifted, invalid, ...). */
  health: GpuHealthState[];
  /** Profiles (`1g.10gb`) of which the node must have at least one free instance. */
  freeProfiles: string[];
}

export const EMPTY_FILTERS: NodeFilters = {
  name: '',
  products: [],
  configs: [],
  states: [],
  health: [],
  freeProfiles: [],
};

/** Value used for nodes without a `mig.config` label, so "no config" can be filtered too. */
export const NO_CONFIG = '';

export const CONFIG_STATES: MigConfigState[] = [
  'success',
  'pending',
  'rebooting',
  'failed',
  'absent',
  'unknown',
];
export const HEALTH_STATES: GpuHealthState[] = [
  'applied',
  'pending',
  'failed',
  'drifted',
  'invalid',
  'disabled',
];

/** Free instances of each MIG profile on a node: allocatable minus in use, never negative. */
export const freeProfilesOf = (node: GpuNodeView): Map<string, number> => {
  const free = new Map<string, number>();
  Object.entries(node.allocatable).forEach(([resource, allocatable]) => {
    const profile = parseMigResourceName(resource);
    if (!profile || !Number.isFinite(allocatable)) return;
    const available = Math.max(0, allocatable - (node.inUse[resource] ?? 0));
    free.set(profile, (free.get(profile) ?? 0) + available);
  });
  return free;
};

export const hasActiveFilters = (filters: NodeFilters): boolean =>
  filters.name.trim() !== '' ||
  filters.products.length > 0 ||
  filters.configs.length > 0 ||
  filters.states.length > 0 ||
  filters.health.length > 0 ||
  filters.freeProfiles.length > 0;

export const filterNodes = (nodes: GpuNodeView[], filters: NodeFilters): GpuNodeView[] => {
  const nameQuery = filters.name.trim().toLowerCase();
  return nodes.filter((node) => {
    if (nameQuery && !node.name.toLowerCase().includes(nameQuery)) return false;
    if (filters.products.length && !filters.products.includes(node.product)) return false;
    if (filters.configs.length && !filters.configs.includes(node.migConfig ?? NO_CONFIG)) {
      return false;
    }
    if (filters.states.length && !filters.states.includes(node.migConfigState)) return false;
    if (filters.health.length && !filters.health.includes(node.primaryState)) return false;
    if (filters.freeProfiles.length) {
      const free = freeProfilesOf(node);
      if (!filters.freeProfiles.every((profile) => (free.get(profile) ?? 0) > 0)) return false;
    }
    return true;
  });
};

export type NodeSortKey =
  | 'name'
  | 'product'
  | 'gpuCount'
  | 'memory'
  | 'config'
  | 'state'
  | 'strategy'
  | 'advertised'
  | 'pods';

/** Most urgent first when sorting by state ascending, so problems come to the top. */
const HEALTH_RANK: Record<GpuHealthState, number> = {
  failed: 0,
  invalid: 1,
  drifted: 2,
  pending: 3,
  disabled: 4,
  applied: 5,
};

const totalAdvertised = (node: GpuNodeView) =>
  Object.entries(node.allocatable)
    .filter(([name]) => name.startsWith('nvidia.com/'))
    .reduce((sum, [, count]) => sum + (Number.isFinite(count) ? count : 0), 0);

const sortValue = (node: GpuNodeView, key: NodeSortKey): string | number => {
  switch (key) {
    case 'product':
      return node.product;
    case 'gpuCount':
      return node.gpuCount;
    case 'memory':
      return node.gpuMemoryMiB ?? -1;
    case 'config':
      return node.migConfig ?? '';
    case 'state':
      return HEALTH_RANK[node.primaryState] ?? 99;
    case 'strategy':
      return node.strategyLabel ?? '';
    case 'advertised':
      return totalAdvertised(node);
    case 'pods':
      return node.pods.length;
    default:
      return node.name;
  }
};

// `localeCompare` with options builds a collator per call: sorting 1,000 nodes took ~100 ms.
const NUMERIC = new Intl.Collator(undefined, { numeric: true });

export const sortNodes = (
  nodes: GpuNodeView[],
  key: NodeSortKey,
  direction: 'asc' | 'desc',
): GpuNodeView[] => {
  const factor = direction === 'asc' ? 1 : -1;
  return [...nodes].sort((a, b) => {
    const left = sortValue(a, key);
    const right = sortValue(b, key);
    const order =
      typeof left === 'number' && typeof right === 'number'
        ? left - right
        : NUMERIC.compare(String(left), String(right));
    // Name breaks ties so the order is stable while the watch updates.
    return order !== 0 ? order * factor : NUMERIC.compare(a.name, b.name);
  });
};

/** Distinct values present in the fleet, for the filter menus. */
export const filterOptions = (nodes: GpuNodeView[]) => {
  const products = new Set<string>();
  const configs = new Set<string>();
  const profiles = new Set<string>();
  nodes.forEach((node) => {
    products.add(node.product);
    configs.add(node.migConfig ?? NO_CONFIG);
    freeProfilesOf(node).forEach((_free, profile) => profiles.add(profile));
  });
  const sorted = (values: Set<string>) => Array.from(values).sort(NUMERIC.compare);
  return { products: sorted(products), configs: sorted(configs), profiles: sorted(profiles) };
};

/** URL query <-> filters, so Overview links and shared URLs open the Nodes tab pre-filtered. */
export const filtersFromSearch = (params: URLSearchParams): NodeFilters => {
  const list = (key: string) => params.getAll(key).flatMap((value) => value.split(','));
  return {
    name: params.get('name') ?? '',
    products: params.getAll('product'),
    configs: params.getAll('config'),
    states: list('state').filter((value): value is MigConfigState =>
      (CONFIG_STATES as string[]).includes(value),
    ),
    health: list('health').filter((value): value is GpuHealthState =>
      (HEALTH_STATES as string[]).includes(value),
    ),
    freeProfiles: params.getAll('free'),
  };
};

export const applyFiltersToSearch = (params: URLSearchParams, filters: NodeFilters) => {
  const next = new URLSearchParams(params);
  ['name', 'product', 'config', 'state', 'health', 'free'].forEach((key) => next.delete(key));
  if (filters.name.trim()) next.set('name', filters.name);
  filters.products.forEach((value) => next.append('product', value));
  filters.configs.forEach((value) => next.append('config', value));
  filters.states.forEach((value) => next.append('state', value));
  filters.health.forEach((value) => next.append('health', value));
  filters.freeProfiles.forEach((value) => next.append('free', value));
  return next;
};
