/** What the parser carries while it walks a file: the YAML document, to point issues at lines. */
import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Document,
  type LineCounter,
  type Node as YamlNode,
} from 'yaml';
import type { ConfigIssue, ConfigIssueCode, FileProblem } from './types';

/** Keys and list indices from the document root, e.g. `['mig-configs', 'all-balanced', 0]`. */
export type Path = Array<string | number>;

export interface ParseContext {
  doc: Document;
  lineCounter: LineCounter;
  issues: ConfigIssue[];
}

/** Where a file error sits besides its path: the names it reports, and whether to point at a key. */
export interface FileErrorPlace {
  configName?: string;
  entryIndex?: number;
  profile?: string;
  atKey?: boolean;
}

/** The AST node at a path, and the key node of the last step (to point at a key). */
export function nodeAt(doc: Document, path: Path): { node?: YamlNode; key?: YamlNode } {
  let node: unknown = doc.contents;
  let key: YamlNode | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step),
      );
      if (!pair) return {};
      key = pair.key as YamlNode;
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      key = undefined;
      node = node.items[step];
    } else {
      return {};
    }
  }
  return { node: (node ?? undefined) as YamlNode | undefined, key };
}

/** The 1-based line and column of a character offset, or nothing when the offset is unknown. */
export function positionAt(
  lineCounter: LineCounter,
  offset: number | undefined,
): { line?: number; column?: number } {
  if (offset === undefined) return {};
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function locate(
  context: ParseContext,
  path: Path,
  atKey: boolean,
): { line?: number; column?: number } {
  const { node, key } = nodeAt(context.doc, path);
  const target = atKey && key ? key : (node ?? key);
  return positionAt(context.lineCounter, target?.range?.[0]);
}

/** Records an error that makes mig-parted refuse the whole file. */
export function fileError(
  context: ParseContext,
  code: ConfigIssueCode,
  problem: FileProblem,
  path: Path,
  where: FileErrorPlace = {},
): void {
  const { atKey = false, ...names } = where;
  context.issues.push({
    severity: 'error',
    code,
    rejectsFile: true,
    ...names,
    ...locate(context, path, atKey),
    facts: { kind: 'file', problem },
  });
}
