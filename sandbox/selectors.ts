/**
 * Label and field selectors with the API server's grammar and errors.
 * Labels: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x,y)`, `a`, `!a`, `a>1`, `a<1`.
 * Fields: `f=v`, `f==v`, `f!=v` on the fields each resource type supports.
 */
import { badRequest } from './apiErrors';

type LabelOperator = 'exists' | 'notexists' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

export type Labels = Record<string, string> | undefined;

/** Splits on commas that are not inside `( )`. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function checkKey(key: string, selector: string): void {
  if (!LABEL_KEY.test(key)) {
    throw badRequest(
      `unable to parse requirement: invalid label key "${key}" in selector "${selector}"`,
    );
  }
}

function checkValue(value: string, selector: string): void {
  if (value.length > 63 || !LABEL_VALUE.test(value)) {
    throw badRequest(
      `unable to parse requirement: invalid label value: "${value}" in selector "${selector}"`,
    );
  }
}

export function parseLabelSelector(selector: string): LabelRequirement[] {
  return splitTopLevel(selector).map((part) => {
    const setMatch = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
    if (setMatch) {
      const [, key, operator, list] = setMatch;
      checkKey(key, selector);
      const values = list.split(',').map((value) => value.trim());
      values.forEach((value) => checkValue(value, selector));
      return { key, operator: operator as 'in' | 'notin', values };
    }
    const compare = /^([^=!<>\s]+)\s*(==|=|!=|>|<)\s*(.*)$/.exec(part);
    if (compare) {
      const [, key, symbol, value] = compare;
      checkKey(key, selector);
      if (symbol === '>' || symbol === '<') {
        if (!/^-?\d+$/.test(value)) {
          throw badRequest(
            `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer in selector "${selector}"`,
          );
        }
        return { key, operator: symbol === '>' ? 'gt' : 'lt', values: [value] };
      }
      checkValue(value, selector);
      return { key, operator: symbol === '!=' ? '!=' : '=', values: [value] };
    }
    if (part.startsWith('!')) {
      const key = part.slice(1).trim();
      checkKey(key, selector);
      return { key, operator: 'notexists', values: [] };
    }
    checkKey(part, selector);
    return { key: part, operator: 'exists', values: [] };
  });
}

export function matchesLabels(requirements: LabelRequirement[], labels: Labels): boolean {
  const all = labels ?? {};
  return requirements.every(({ key, operator, values }) => {
    const present = Object.prototype.hasOwnProperty.call(all, key);
    const value = all[key];
    switch (operator) {
      case 'exists':
        return present;
      case 'notexists':
        return !present;
      case '=':
        return present && value === values[0];
      case '!=':
        return !present || value !== values[0];
      case 'in':
        return present && values.includes(value);
      case 'notin':
        return !present || !values.includes(value);
      case 'gt':
        return present && /^-?\d+$/.test(value) && Number(value) > Number(values[0]);
      case 'lt':
        return present && /^-?\d+$/.test(value) && Number(value) < Number(values[0]);
    }
    return false;
  });
}

export interface FieldRequirement {
  field: string;
  equal: boolean;
  value: string;
}

export function parseFieldSelector(selector: string): FieldRequirement[] {
  return splitTopLevel(selector).map((part) => {
    const match = /^([^=!\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!match) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    return { field: match[1], equal: match[2] !== '!=', value: match[3] };
  });
}

/** Fields each type supports beyond `metadata.name` / `metadata.namespace`. */
const FIELD_PATHS: Record<string, string[]> = {
  pods: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  nodes: ['spec.unschedulable'],
  certificatesigningrequests: ['spec.signerName'],
  namespaces: ['status.phase'],
  events: [
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
};

function readPath(object: unknown, path: string): string {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return '';
    current = (current as Record<string, unknown>)[segment];
  }
  if (current === undefined || current === null) return '';
  return typeof current === 'string' ? current : JSON.stringify(current);
}

/** Throws 400 for a field the type does not index, as the API server does. */
export function checkFieldSelector(typeKeyName: string, requirements: FieldRequirement[]): void {
  const allowed = ['metadata.name', 'metadata.namespace', ...(FIELD_PATHS[typeKeyName] ?? [])];
  for (const { field } of requirements) {
    if (!allowed.includes(field)) {
      throw badRequest(`field label not supported: ${field}`);
    }
  }
}

export function matchesFields(requirements: FieldRequirement[], object: unknown): boolean {
  return requirements.every(({ field, equal, value }) => {
    let actual = readPath(object, field);
    if (field === 'source') actual = readPath(object, 'source.component');
    if (field === 'spec.unschedulable' && actual === '') actual = 'false';
    return equal ? actual === value : actual !== value;
  });
}
