/** Reading scenario YAML: field access that names the file and field path of a problem. */

export class ScenarioError extends Error {
  constructor(file: string, field: string, problem: string) {
    super(`${file}: ${field ? `${field}: ` : ''}${problem}`);
    this.name = 'ScenarioError';
  }
}

export type Raw = Record<string, unknown>;

/** Reads fields of one YAML mapping, reporting problems with the file and the field path. */
export class FieldReader {
  constructor(
    readonly file: string,
    readonly path: string,
    readonly value: Raw,
    allowed: string[],
  ) {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(key, `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }

  static of(file: string, path: string, value: unknown, allowed: string[]): FieldReader {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ScenarioError(file, path, 'must be a mapping');
    }
    return new FieldReader(file, path, value as Raw, allowed);
  }

  field(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  fail(key: string, problem: string): never {
    throw new ScenarioError(this.file, this.field(key), problem);
  }

  string(key: string, fallback?: string): string {
    const value = this.value[key];
    if (value === undefined || value === null) {
      if (fallback !== undefined) return fallback;
      return this.fail(key, 'required');
    }
    if (typeof value !== 'string' && typeof value !== 'number') this.fail(key, 'must be a string');
    return String(value);
  }

  optionalString(key: string): string | undefined {
    return this.value[key] === undefined || this.value[key] === null ? undefined : this.string(key);
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.value[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') this.fail(key, 'must be true or false');
    return value;
  }

  integer(key: string, fallback: number, min: number, max: number): number {
    const value = this.value[key];
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.fail(key, `must be a whole number from ${min} to ${max}`);
    }
    return value;
  }

  list(key: string): unknown[] {
    const value = this.value[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) this.fail(key, 'must be a list');
    return value;
  }

  stringMap(key: string): Record<string, string> {
    const value = this.value[key];
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' || Array.isArray(value)) this.fail(key, 'must be a mapping');
    const result: Record<string, string> = {};
    for (const [entryKey, entry] of Object.entries(value as Raw)) {
      if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean') {
        this.fail(`${key}.${entryKey}`, 'must be a string');
      }
      result[entryKey] = String(entry);
    }
    return result;
  }

  nullableStringMap(key: string): Record<string, string | null> | undefined {
    const value = this.value[key];
    if (value === undefined) return undefined;
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      this.fail(key, 'must be a mapping');
    const result: Record<string, string | null> = {};
    for (const [entryKey, entry] of Object.entries(value as Raw)) {
      result[entryKey] = entry === null ? null : String(entry);
    }
    return result;
  }

  child(key: string, allowed: string[]): FieldReader | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    return FieldReader.of(this.file, this.field(key), value, allowed);
  }
}
