/** PCI ids in device filters, read the way mig-parted reads them. */

/** A PCI id as mig-parted reads it (`strconv.ParseUint(s, 0, 32)` on each side of `:`). */
export interface ParsedPciId {
  /** `0xDDDDVVVV`, upper-case hex, the form mig-parted logs. */
  deviceId: string;
  /** `0xSSSSVVVV` when the filter names a subsystem (one board). */
  subsystemId?: string;
}

/** Go's `strconv.ParseUint(s, 0, 32)`: base from the prefix, underscores only with a prefix. */
function parseGoUint32(text: string): number | undefined {
  let digits = text;
  let base = 10;
  const prefix = text.slice(0, 2).toLowerCase();
  if (prefix === '0x' || prefix === '0o' || prefix === '0b') {
    base = prefix === '0x' ? 16 : prefix === '0o' ? 8 : 2;
    digits = text.slice(2);
    // Underscores must sit between digits (or right after the prefix).
    if (/__|_$/.test(digits)) return undefined;
    digits = digits.replace(/_/g, '');
  } else if (text.length > 1 && text.startsWith('0')) {
    base = 8;
    digits = text.slice(1);
    if (/^_|__|_$/.test(digits)) return undefined;
    digits = digits.replace(/_/g, '');
  }
  const alphabet = '0123456789abcdef'.slice(0, base);
  if (digits.length === 0 || ![...digits.toLowerCase()].every((ch) => alphabet.includes(ch))) {
    return undefined;
  }
  const value = parseInt(digits, base);
  return value <= 0xffffffff ? value : undefined;
}

function formatPciWord(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** Filters and GPU ids repeat across entries and nodes; parsing them once keeps fleet checks fast. */
const pciIdCache = new Map<string, ParsedPciId | undefined>();
const PCI_ID_CACHE_LIMIT = 4096;

/** Parse `0x20B710DE` or `0x233010DE:0x16C110DE`; undefined when mig-parted could not read it. */
export function parsePciId(text: string): ParsedPciId | undefined {
  if (typeof text !== 'string') return undefined;
  if (pciIdCache.has(text)) return pciIdCache.get(text);
  const parsed = parsePciIdUncached(text);
  if (pciIdCache.size >= PCI_ID_CACHE_LIMIT) pciIdCache.clear();
  pciIdCache.set(text, parsed);
  return parsed;
}

function parsePciIdUncached(text: string): ParsedPciId | undefined {
  const parts = text.trim().split(':');
  if (parts.length > 2) return undefined;
  const device = parseGoUint32(parts[0]);
  if (device === undefined) return undefined;
  if (parts.length === 1) return { deviceId: formatPciWord(device) };
  const subsystem = parseGoUint32(parts[1]);
  if (subsystem === undefined) return undefined;
  return { deviceId: formatPciWord(device), subsystemId: formatPciWord(subsystem) };
}
