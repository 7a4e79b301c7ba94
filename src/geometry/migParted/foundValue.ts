/** A value found in the file, as data for the UI and in plain English for the CLI. */
import type { FoundValue } from './types';

/** Messages quote a found value; a long one (a whole text file read as one string) by its start. */
const FOUND_TEXT_MAX_LENGTH = 80;

function clipped(text: string): string {
  return text.length > FOUND_TEXT_MAX_LENGTH ? `${text.slice(0, FOUND_TEXT_MAX_LENGTH)}…` : text;
}

export function foundValue(value: unknown): FoundValue {
  if (value === null || value === undefined) return { kind: 'nothing' };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'mapping' };
  if (typeof value === 'string') return { kind: 'string', text: JSON.stringify(clipped(value)) };
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) };
  return { kind: 'other', text: `${typeof value} ${clipped(String(value))}` };
}

/** A found value in plain English (CLI, logs, tests). */
export function foundValueMessage(found: FoundValue): string {
  switch (found.kind) {
    case 'nothing':
      return 'nothing';
    case 'list':
      return 'a list';
    case 'mapping':
      return 'a mapping';
    case 'string':
      return `the string ${found.text}`;
    case 'number':
    case 'boolean':
      return `${found.kind} ${found.text}`;
    default:
      return found.text;
  }
}

export function describe(value: unknown): string {
  return foundValueMessage(foundValue(value));
}
