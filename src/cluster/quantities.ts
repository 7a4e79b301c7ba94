/**
 * Kubernetes resource quantities (`2`, `1k`, `500m`, `1Gi`, `1e3`) as numbers. Extended
 * resources such as `nvidia.com/gpu` must be whole numbers, so `parseCount` also rejects
 * fractions. Nothing here throws: a malformed value comes back as an issue (data).
 */

/** Why a text is not a usable quantity, as data (`found` is the value as short text, quoted). */
export interface QuantityIssue {
  kind: 'not-finite' | 'not-text' | 'not-a-quantity' | 'too-large' | 'negative' | 'fraction';
  found: string;
}

export interface QuantityResult {
  value?: number;
  /** Set when the text is not a usable quantity: what was found, and why it is not one. */
  issue?: QuantityIssue;
}

function fail(kind: QuantityIssue['kind'], text: unknown): QuantityResult {
  return { issue: { kind, found: describe(text) } };
}

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

// Sign, digits with an optional fraction, then a suffix (SI, binary or decimal exponent).
const QUANTITY_PATTERN =
  /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** Any value as short text, even objects whose `toString` is broken (hostile input). */
export function safeText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null ||
    value === undefined
  ) {
    return String(value);
  }
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}

function describe(text: unknown): string {
  if (typeof text === 'string') return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
  return safeText(text);
}

/** Parses a quantity with the grammar of k8s.io/apimachinery's `resource.Quantity`. */
export function parseQuantity(text: unknown): QuantityResult {
  if (typeof text === 'number') {
    return Number.isFinite(text) ? { value: text } : fail('not-finite', text);
  }
  if (typeof text !== 'string') {
    return fail('not-text', text);
  }
  const match = QUANTITY_PATTERN.exec(text.trim());
  if (!match || text.trim() !== text) {
    return fail('not-a-quantity', text);
  }
  const [, sign, digits, suffix = ''] = match;
  let multiplier: number;
  if (suffix in BINARY_SUFFIXES) multiplier = BINARY_SUFFIXES[suffix];
  else if (suffix in DECIMAL_SUFFIXES) multiplier = DECIMAL_SUFFIXES[suffix];
  else multiplier = 10 ** Number(suffix.slice(1));
  const value = Number(digits) * multiplier * (sign === '-' ? -1 : 1);
  if (!Number.isFinite(value)) return fail('too-large', text);
  return { value };
}

/**
 * A device count (extended resource, `gpu.count` label): a whole number ≥ 0. `1k` is a legal
 * quantity (1000) and is accepted; `500m` or `abc` are not counts.
 */
export function parseCount(text: unknown): QuantityResult {
  const parsed = parseQuantity(text);
  if (parsed.issue !== undefined || parsed.value === undefined) return parsed;
  if (parsed.value < 0) return fail('negative', text);
  // Tolerate float noise from suffix arithmetic (`1.5k` = 1500.0000000000002 is not possible, but be safe).
  const rounded = Math.round(parsed.value);
  if (Math.abs(parsed.value - rounded) > 1e-9) {
    return fail('fraction', text);
  }
  return { value: rounded };
}

/** One malformed entry of a resource list (`resource` absent: the list is not a map at all). */
export interface ResourceListIssue {
  /** Where the list is: `allocatable`, `capacity`, a container's `requests` (field names). */
  where: string;
  resource?: string;
  /** Absent when the entry is unreadable for no known reason. */
  quantity?: QuantityIssue;
}

export interface ResourceListResult {
  values: Record<string, number>;
  /** One per malformed entry, naming the resource. */
  issues: ResourceListIssue[];
}

/**
 * The `nvidia.com/*` entries of a node's capacity/allocatable (or a container's requests) as
 * counts. Other resources (cpu, memory, …) are skipped: they are not ours to judge.
 */
export function parseNvidiaResourceList(
  list: Record<string, unknown> | undefined | null,
  where: string,
): ResourceListResult {
  const values: Record<string, number> = {};
  const issues: ResourceListIssue[] = [];
  const result = () => ({ values, issues });
  if (list === undefined || list === null) return result();
  if (typeof list !== 'object' || Array.isArray(list)) {
    issues.push({ where });
    return result();
  }
  for (const [name, raw] of Object.entries(list)) {
    if (!name.startsWith('nvidia.com/')) continue;
    const parsed = parseCount(raw);
    if (parsed.value === undefined) {
      issues.push({ where, resource: name, ...(parsed.issue ? { quantity: parsed.issue } : {}) });
    } else {
      values[name] = parsed.value;
    }
  }
  return result();
}
