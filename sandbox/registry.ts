/** Built-in types plus the types the stored CustomResourceDefinitions define. */
import { BUILT_IN_TYPES, typeKey, typesFromCrd, type ResourceType } from './resources';
import type { ObjectStore } from './store';

export const CRD_KEY = 'customresourcedefinitions.apiextensions.k8s.io';

export class TypeRegistry {
  private cachedAt = '';
  private cached: ResourceType[] = BUILT_IN_TYPES;

  constructor(private readonly store: ObjectStore) {}

  all(): ResourceType[] {
    // CRDs change rarely; recompute only when the store moved on.
    const version = this.store.resourceVersion;
    if (version !== this.cachedAt) {
      const custom = this.store
        .list(CRD_KEY)
        .flatMap((crd) => typesFromCrd(crd as Parameters<typeof typesFromCrd>[0]));
      this.cached = [...BUILT_IN_TYPES, ...custom];
      this.cachedAt = version;
    }
    return this.cached;
  }

  resolve(group: string, version: string, plural: string): ResourceType | undefined {
    return this.all().find(
      (type) => type.group === group && type.version === version && type.plural === plural,
    );
  }

  /** The type's storage key, whatever version was used to address it. */
  key(type: ResourceType): string {
    return typeKey(type);
  }

  /** Group name → served versions, in registration order. */
  groups(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const type of this.all()) {
      const versions = groups.get(type.group) ?? [];
      if (!versions.includes(type.version)) versions.push(type.version);
      groups.set(type.group, versions);
    }
    return groups;
  }
}
