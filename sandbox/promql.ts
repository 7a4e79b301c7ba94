/**
 * A PromQL subset, enough for the queries the OpenShift console sends to Thanos for its own pages
 * (Nodes list, node Overview, Pods list): selectors with `=`, `!=`, `=~`, `!~` matchers, range
 * selectors under `rate`/`irate`/`increase`/`*_over_time`, aggregations (`sum`, `min`, `max`,
 * `avg`, `count`, grouped `by`/`without` before or after), arithmetic and comparisons between
 * vectors and scalars (one-to-one matching), `or`/`and`/`unless`. Anything else is a `bad_data`
 * error naming what is not supported. Pure: series come from a `SeriesSource`.
 */

export type Labels = Record<string, string>;

export interface Sample {
  labels: Labels;
  value: number;
}

/** The series of one metric name at one time (seconds since the epoch). */
export type SeriesSource = (metric: string, time: number) => Sample[];

export class PromQlError extends Error {}

type Matcher = { label: string; op: '=' | '!=' | '=~' | '!~'; value: string };

type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'selector'; matchers: Matcher[]; rangeSeconds?: number }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'aggregate'; op: string; without: boolean; labels: string[]; expr: Expr }
  | { kind: 'binary'; op: string; left: Expr; right: Expr }
  | { kind: 'negate'; expr: Expr };

type Value = { kind: 'scalar'; value: number } | { kind: 'vector'; samples: Sample[] };

const AGGREGATIONS = new Set(['sum', 'min', 'max', 'avg', 'count']);
const RANGE_FUNCTIONS = new Set([
  'rate',
  'irate',
  'increase',
  'avg_over_time',
  'min_over_time',
  'max_over_time',
  'sum_over_time',
  'count_over_time',
]);
const INSTANT_FUNCTIONS: Record<string, (value: number) => number> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  round: Math.round,
};
/** Binary operators by precedence, lowest first (PromQL's `^` and `%` are left out). */
const PRECEDENCE: string[][] = [
  ['or'],
  ['and', 'unless'],
  ['==', '!=', '>', '<', '>=', '<='],
  ['+', '-'],
  ['*', '/'],
];
const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
/** Step between the points a range selector reads, as a 15 s scrape interval would give. */
const SCRAPE_INTERVAL = 15;

// ------------------------------------------------------------------ tokens

type Token = { type: 'ident' | 'number' | 'string' | 'op' | 'duration'; text: string; at: number };

const TOKEN_PATTERN =
  /\s*(?:(\d+[smhdw])(?![\w:])|(\d+(?:\.\d*)?(?:e[+-]?\d+)?|\.\d+)|([A-Za-z_:][\w:]*)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(=~|!~|!=|==|>=|<=|[(){}[\],=+\-*/<>]))/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_PATTERN.lastIndex = 0;
  let position = 0;
  while (position < text.length) {
    if (/^\s*$/.test(text.slice(position))) break;
    TOKEN_PATTERN.lastIndex = position;
    const match = TOKEN_PATTERN.exec(text);
    if (!match) {
      const at = position + (text.slice(position).length - text.slice(position).trimStart().length);
      throw new PromQlError(`1:${at + 1}: parse error: unexpected character '${text[at]}'`);
    }
    const at = match.index + match[0].length - match[0].trimStart().length;
    if (match[1]) tokens.push({ type: 'duration', text: match[1], at });
    else if (match[2]) tokens.push({ type: 'number', text: match[2], at });
    else if (match[3]) tokens.push({ type: 'ident', text: match[3], at });
    else if (match[4]) tokens.push({ type: 'string', text: match[4], at });
    else tokens.push({ type: 'op', text: match[5], at });
    position = TOKEN_PATTERN.lastIndex;
  }
  return tokens;
}

function unquote(text: string): string {
  return text
    .slice(1, -1)
    .replace(/\\(.)/g, (_whole, character: string) =>
      character === 'n' ? '\n' : character === 't' ? '\t' : character,
    );
}

// ------------------------------------------------------------------ parser

class Parser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): Expr {
    if (this.tokens.length === 0) throw new PromQlError('1:1: parse error: no expression found');
    const expr = this.binary(0);
    const rest = this.peek();
    if (rest) this.fail(rest, `unexpected ${rest.text}`);
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(): Token {
    const token = this.tokens[this.index];
    if (!token)
      throw new PromQlError(`1:${this.source.length + 1}: parse error: unexpected end of input`);
    this.index += 1;
    return token;
  }

  private fail(token: Token, message: string): never {
    throw new PromQlError(`1:${token.at + 1}: parse error: ${message}`);
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text) this.fail(token, `expected "${text}", found "${token.text}"`);
  }

  private isOperator(token: Token | undefined, level: number): boolean {
    if (!token || (token.type !== 'op' && token.type !== 'ident')) return false;
    return PRECEDENCE[level].includes(
      token.type === 'ident' ? token.text.toLowerCase() : token.text,
    );
  }

  private binary(level: number): Expr {
    if (level === PRECEDENCE.length) return this.unary();
    let left = this.binary(level + 1);
    while (this.isOperator(this.peek(), level)) {
      const op = this.next().text.toLowerCase();
      const right = this.binary(level + 1);
      left = { kind: 'binary', op, left, right };
    }
    return left;
  }

  private unary(): Expr {
    const token = this.peek();
    if (token?.type === 'op' && (token.text === '-' || token.text === '+')) {
      this.next();
      const expr = this.unary();
      return token.text === '-' ? { kind: 'negate', expr } : expr;
    }
    return this.primary();
  }

  private primary(): Expr {
    const token = this.next();
    if (token.type === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.text === '(') {
      const expr = this.binary(0);
      this.expect(')');
      return expr;
    }
    if (token.text === '{') return this.selector(undefined);
    if (token.type !== 'ident') this.fail(token, `unexpected ${token.text}`);
    const name = token.text;
    const lower = name.toLowerCase();
    if (AGGREGATIONS.has(lower)) return this.aggregate(lower);
    if (this.peek()?.text === '(') return this.call(name, token);
    return this.selector(name);
  }

  private grouping(): { without: boolean; labels: string[] } | undefined {
    const token = this.peek();
    const word = token?.type === 'ident' ? token.text.toLowerCase() : '';
    if (word !== 'by' && word !== 'without') return undefined;
    this.next();
    this.expect('(');
    const labels: string[] = [];
    while (this.peek()?.text !== ')') {
      const label = this.next();
      if (label.type !== 'ident') this.fail(label, `unexpected ${label.text} in grouping`);
      labels.push(label.text);
      if (this.peek()?.text === ',') this.next();
    }
    this.expect(')');
    return { without: word === 'without', labels };
  }

  private aggregate(op: string): Expr {
    const before = this.grouping();
    this.expect('(');
    const expr = this.binary(0);
    this.expect(')');
    const grouping = before ?? this.grouping() ?? { without: false, labels: [] };
    return { kind: 'aggregate', op, ...grouping, expr };
  }

  private call(name: string, token: Token): Expr {
    if (!RANGE_FUNCTIONS.has(name) && !(name in INSTANT_FUNCTIONS)) {
      this.fail(token, `function "${name}" is not supported by the sandbox's Prometheus`);
    }
    this.expect('(');
    const args = [this.binary(0)];
    this.expect(')');
    const [argument] = args;
    const isRange = argument.kind === 'selector' && argument.rangeSeconds !== undefined;
    if (RANGE_FUNCTIONS.has(name) !== isRange) {
      this.fail(
        token,
        `expected type ${isRange ? 'instant' : 'range'} vector in call to function "${name}"`,
      );
    }
    return { kind: 'call', name, args };
  }

  private selector(name: string | undefined): Expr {
    const matchers: Matcher[] = name ? [{ label: '__name__', op: '=', value: name }] : [];
    if (name === undefined || this.peek()?.text === '{') {
      if (name !== undefined) this.next();
      while (this.peek()?.text !== '}') {
        const label = this.next();
        const op = this.next();
        const value = this.next();
        if (label.type !== 'ident' || !['=', '!=', '=~', '!~'].includes(op.text)) {
          this.fail(label, 'unexpected label matcher');
        }
        if (value.type !== 'string')
          this.fail(value, `unexpected ${value.text} in label matching, expected string`);
        matchers.push({
          label: label.text,
          op: op.text as Matcher['op'],
          value: unquote(value.text),
        });
        if (this.peek()?.text === ',') this.next();
      }
      this.expect('}');
    }
    if (!matchers.some((matcher) => matcher.label === '__name__' && matcher.op === '=')) {
      throw new PromQlError("the sandbox's Prometheus needs a metric name in every selector");
    }
    if (this.peek()?.text !== '[') return { kind: 'selector', matchers };
    this.next();
    const duration = this.next();
    if (duration.type !== 'duration') this.fail(duration, 'expected a duration such as 5m');
    this.expect(']');
    const rangeSeconds =
      Number(duration.text.slice(0, -1)) * DURATION_UNITS[duration.text.slice(-1)];
    return { kind: 'selector', matchers, rangeSeconds };
  }
}

export function parsePromQl(query: string): Expr {
  return new Parser(tokenize(query), query).parse();
}

// ------------------------------------------------------------------ evaluation

function matches(labels: Labels, matcher: Matcher): boolean {
  const actual = labels[matcher.label] ?? '';
  switch (matcher.op) {
    case '=':
      return actual === matcher.value;
    case '!=':
      return actual !== matcher.value;
    case '=~':
      return new RegExp(`^(?:${matcher.value})$`).test(actual);
    default:
      return !new RegExp(`^(?:${matcher.value})$`).test(actual);
  }
}

function select(matchers: Matcher[], time: number, source: SeriesSource): Sample[] {
  const name = matchers.find((matcher) => matcher.label === '__name__' && matcher.op === '=');
  return source(name?.value ?? '', time)
    .map((sample) => ({
      labels: { __name__: name?.value ?? '', ...sample.labels },
      value: sample.value,
    }))
    .filter((sample) => matchers.every((matcher) => matches(sample.labels, matcher)));
}

function withoutName(labels: Labels): Labels {
  const { __name__: _name, ...rest } = labels;
  return rest;
}

function signature(labels: Labels): string {
  return JSON.stringify(Object.entries(withoutName(labels)).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** A range selector's points (one a scrape interval), each series keyed by its labels. */
function rangePoints(
  expr: Extract<Expr, { kind: 'selector' }>,
  time: number,
  source: SeriesSource,
) {
  const series = new Map<string, { labels: Labels; points: number[] }>();
  const window = expr.rangeSeconds ?? 0;
  for (let at = time - window + SCRAPE_INTERVAL; at <= time + 1e-9; at += SCRAPE_INTERVAL) {
    for (const sample of select(expr.matchers, at, source)) {
      const key = signature(sample.labels) + sample.labels.__name__;
      const entry = series.get(key) ?? { labels: sample.labels, points: [] };
      entry.points.push(sample.value);
      series.set(key, entry);
    }
  }
  return [...series.values()];
}

function rangeFunction(name: string, points: number[], window: number): number | undefined {
  if (points.length === 0) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  switch (name) {
    case 'rate':
      return points.length < 2
        ? undefined
        : (last - first) / ((points.length - 1) * SCRAPE_INTERVAL);
    case 'irate':
      return points.length < 2 ? undefined : (last - points[points.length - 2]) / SCRAPE_INTERVAL;
    case 'increase':
      return points.length < 2
        ? undefined
        : ((last - first) * window) / ((points.length - 1) * SCRAPE_INTERVAL);
    case 'avg_over_time':
      return points.reduce((sum, value) => sum + value, 0) / points.length;
    case 'min_over_time':
      return Math.min(...points);
    case 'max_over_time':
      return Math.max(...points);
    case 'sum_over_time':
      return points.reduce((sum, value) => sum + value, 0);
    default:
      return points.length;
  }
}

function aggregate(expr: Extract<Expr, { kind: 'aggregate' }>, samples: Sample[]): Sample[] {
  const groups = new Map<string, { labels: Labels; values: number[] }>();
  for (const sample of samples) {
    const labels = expr.without
      ? Object.fromEntries(
          Object.entries(withoutName(sample.labels)).filter(
            ([label]) => !expr.labels.includes(label),
          ),
        )
      : Object.fromEntries(
          expr.labels
            .filter((label) => sample.labels[label] !== undefined)
            .map((label) => [label, sample.labels[label]]),
        );
    const key = signature(labels);
    const group = groups.get(key) ?? { labels, values: [] };
    group.values.push(sample.value);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ labels, values }) => {
    const sum = values.reduce((total, value) => total + value, 0);
    const value = {
      sum,
      min: Math.min(...values),
      max: Math.max(...values),
      avg: sum / values.length,
      count: values.length,
    }[expr.op as 'sum'];
    return { labels, value };
  });
}

const ARITHMETIC: Record<string, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};
const COMPARISON: Record<string, (a: number, b: number) => boolean> = {
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
  '>': (a, b) => a > b,
  '<': (a, b) => a < b,
  '>=': (a, b) => a >= b,
  '<=': (a, b) => a <= b,
};

function binary(op: string, left: Value, right: Value): Value {
  if (['or', 'and', 'unless'].includes(op)) {
    if (left.kind !== 'vector' || right.kind !== 'vector') {
      throw new PromQlError(`set operator "${op}" not allowed in binary scalar expression`);
    }
    const rightKeys = new Set(right.samples.map((sample) => signature(sample.labels)));
    const leftKeys = new Set(left.samples.map((sample) => signature(sample.labels)));
    if (op === 'or') {
      return {
        kind: 'vector',
        samples: [
          ...left.samples,
          ...right.samples.filter((sample) => !leftKeys.has(signature(sample.labels))),
        ],
      };
    }
    const keep = op === 'and';
    return {
      kind: 'vector',
      samples: left.samples.filter((sample) => rightKeys.has(signature(sample.labels)) === keep),
    };
  }
  const compare = COMPARISON[op] as ((a: number, b: number) => boolean) | undefined;
  const combine = (a: number, b: number): number | undefined =>
    compare ? (compare(a, b) ? a : undefined) : ARITHMETIC[op](a, b);
  if (left.kind === 'scalar' && right.kind === 'scalar') {
    if (compare) throw new PromQlError('comparisons between scalars must use BOOL modifier');
    return { kind: 'scalar', value: ARITHMETIC[op](left.value, right.value) };
  }
  const keepName = compare !== undefined;
  const result = (labels: Labels, value: number | undefined): Sample[] =>
    value === undefined ? [] : [{ labels: keepName ? labels : withoutName(labels), value }];
  if (left.kind === 'scalar' && right.kind === 'vector') {
    return {
      kind: 'vector',
      samples: right.samples.flatMap((sample) =>
        result(sample.labels, combine(left.value, sample.value)),
      ),
    };
  }
  if (left.kind === 'vector' && right.kind === 'scalar') {
    return {
      kind: 'vector',
      samples: left.samples.flatMap((sample) =>
        result(sample.labels, combine(sample.value, right.value)),
      ),
    };
  }
  const rightBySignature = new Map<string, Sample>();
  for (const sample of (right as Extract<Value, { kind: 'vector' }>).samples) {
    const key = signature(sample.labels);
    if (rightBySignature.has(key)) {
      throw new PromQlError(
        'found duplicate series for the match group on the right hand-side of the operation; many-to-many matching not allowed',
      );
    }
    rightBySignature.set(key, sample);
  }
  return {
    kind: 'vector',
    samples: (left as Extract<Value, { kind: 'vector' }>).samples.flatMap((sample) => {
      const other = rightBySignature.get(signature(sample.labels));
      return other ? result(sample.labels, combine(sample.value, other.value)) : [];
    }),
  };
}

function evaluateExpr(expr: Expr, time: number, source: SeriesSource): Value {
  switch (expr.kind) {
    case 'number':
      return { kind: 'scalar', value: expr.value };
    case 'selector':
      if (expr.rangeSeconds !== undefined) {
        throw new PromQlError(
          'range vector results are not supported by the sandbox; wrap the selector in a function',
        );
      }
      return { kind: 'vector', samples: select(expr.matchers, time, source) };
    case 'negate': {
      const value = evaluateExpr(expr.expr, time, source);
      return binary('*', value, { kind: 'scalar', value: -1 });
    }
    case 'call': {
      const [argument] = expr.args;
      if (argument.kind === 'selector' && argument.rangeSeconds !== undefined) {
        const window = argument.rangeSeconds;
        const samples = rangePoints(argument, time, source).flatMap(({ labels, points }) => {
          const value = rangeFunction(expr.name, points, window);
          return value === undefined ? [] : [{ labels: withoutName(labels), value }];
        });
        return { kind: 'vector', samples };
      }
      const value = evaluateExpr(argument, time, source);
      if (value.kind !== 'vector')
        throw new PromQlError(`expected type instant vector in call to function "${expr.name}"`);
      const apply = INSTANT_FUNCTIONS[expr.name];
      return {
        kind: 'vector',
        samples: value.samples.map((sample) => ({
          labels: withoutName(sample.labels),
          value: apply(sample.value),
        })),
      };
    }
    case 'aggregate': {
      const value = evaluateExpr(expr.expr, time, source);
      if (value.kind !== 'vector')
        throw new PromQlError(`expected type instant vector in aggregation expression`);
      return { kind: 'vector', samples: aggregate(expr, value.samples) };
    }
    default:
      return binary(
        expr.op,
        evaluateExpr(expr.left, time, source),
        evaluateExpr(expr.right, time, source),
      );
  }
}

/** Evaluates a parsed query at one time. */
export function evaluatePromQl(expr: Expr, time: number, source: SeriesSource): Value {
  return evaluateExpr(expr, time, source);
}

/**
 * Adds `namespace="NS"` to every selector, as prom-label-proxy does in front of Thanos for the
 * console's tenancy path (`/api/prometheus-tenancy/...?namespace=NS`).
 */
export function restrictToNamespace(expr: Expr, namespace: string): Expr {
  switch (expr.kind) {
    case 'selector':
      return {
        ...expr,
        matchers: [
          ...expr.matchers.filter((matcher) => matcher.label !== 'namespace'),
          { label: 'namespace', op: '=', value: namespace },
        ],
      };
    case 'call':
      return {
        ...expr,
        args: expr.args.map((argument) => restrictToNamespace(argument, namespace)),
      };
    case 'aggregate':
    case 'negate':
      return { ...expr, expr: restrictToNamespace(expr.expr, namespace) };
    case 'binary':
      return {
        ...expr,
        left: restrictToNamespace(expr.left, namespace),
        right: restrictToNamespace(expr.right, namespace),
      };
    default:
      return expr;
  }
}

export type { Expr as PromQlExpr, Value as PromQlValue };
