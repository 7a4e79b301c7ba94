/** A value found in the file, as data (src/components/text words it). */
import type { FoundValue } from './types';

/** A long found value (a whole text file read as one string) is quoted by its start. */
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
