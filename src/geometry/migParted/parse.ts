/**
 * Parsing a mig-parted config file: what `nvidia-mig-parted assert --valid-config` accepts
 * (NVIDIA/mig-parted `api/spec/v1/spec.go`, `pkg/types`), with every problem reported at once with
 * its line instead of stopping at the first.
 */
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import { hasOwn, setOwn } from './configFile';
import { foundValue } from './foundValue';
import { configNameIssue } from './names';
import { parseEntry } from './parseEntry';
import { rememberSourceText } from './source';
import {
  fileError,
  locate,
  nodeAt,
  positionAt,
  type ParseContext,
  type Path,
} from './parseContext';
import {
  MIG_PARTED_SPEC_VERSION,
  type ConfigIssue,
  type MigPartedConfigFile,
  type MigPartedEntry,
  type MigPartedParseResult,
} from './types';

const TOP_LEVEL_KEYS = ['version', 'mig-configs'];

function commentLines(comment: string | null | undefined): string[] {
  if (!comment) return [];
  return comment
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Comments directly above each named config (the first one's sits on the map itself). */
export function collectComments(doc: Document): Record<string, string[]> {
  const comments: Record<string, string[]> = {};
  const { node } = nodeAt(doc, ['mig-configs']);
  if (!isMap(node)) return comments;
  node.items.forEach((pair, i) => {
    if (!isPair(pair) || !isScalar(pair.key)) return;
    const raw = i === 0 ? (pair.key.commentBefore ?? node.commentBefore) : pair.key.commentBefore;
    const lines = commentLines(raw);
    if (lines.length > 0) {
      setOwn(comments, String(pair.key.value), lines);
    }
  });
  return comments;
}

/**
 * The first mapping key that is a list or a mapping (directly or through an alias). The library
 * would stringify it, and nested ones cost time that grows steeply with depth. Walks with its own
 * stack, so a deep document cannot overflow the call stack.
 */
function firstCollectionKey(doc: Document): YamlNode | undefined {
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isSeq(node)) {
      pending.push(...node.items);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        if (isMap(key) || isSeq(key)) return pair.key as YamlNode;
        pending.push(pair.value);
      }
    }
  }
  return undefined;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function unreadable(error: unknown): ConfigIssue {
  return {
    severity: 'error',
    code: 'yaml-syntax',
    rejectsFile: true,
    facts: { kind: 'file', problem: { kind: 'yaml-unreadable', error: errorText(error) } },
  };
}

/** The YAML documents of the text (YAML 1.1, as mig-parted's Go parser), or why there are none. */
function readDocuments(
  text: string,
  lineCounter: LineCounter,
): { docs: Document[] } | { issue: ConfigIssue } {
  let docs: Document[];
  try {
    docs = parseAllDocuments(text, {
      version: '1.1',
      lineCounter,
      uniqueKeys: true,
      prettyErrors: true,
      // What the library would warn about (a collection as a key) surfaces as issues; a process
      // warning on the CLI's stderr or the browser console would say it twice, in other words.
      logLevel: 'error',
    }) as unknown as Document[];
  } catch (error) {
    return { issue: unreadable(error) };
  }
  if (!Array.isArray(docs)) docs = [];
  if (docs.length === 0) {
    return {
      issue: {
        severity: 'error',
        code: 'missing-version',
        rejectsFile: true,
        facts: { kind: 'file', problem: { kind: 'empty-file' } },
      },
    };
  }
  return { docs };
}

/** Issues that stop the parse before the content is read: syntax errors and collection keys. */
function structureIssues(doc: Document, lineCounter: LineCounter): ConfigIssue[] {
  if (doc.errors.length > 0) {
    return doc.errors.map((error): ConfigIssue => {
      const pos = error.linePos?.[0];
      return {
        severity: 'error',
        code: 'yaml-syntax',
        rejectsFile: true,
        facts: { kind: 'file', problem: { kind: 'yaml-syntax', error: firstLine(error.message) } },
        ...(pos ? { line: pos.line, column: pos.col } : {}),
      };
    });
  }
  const collectionKey = firstCollectionKey(doc);
  if (!collectionKey) return [];
  return [
    {
      severity: 'error',
      code: 'collection-key',
      rejectsFile: true,
      facts: { kind: 'file', problem: { kind: 'collection-key' } },
      ...positionAt(lineCounter, collectionKey.range?.[0]),
    },
  ];
}

function multipleDocumentsIssue(docs: Document[], lineCounter: LineCounter): ConfigIssue {
  return {
    severity: 'warning',
    code: 'multiple-documents',
    rejectsFile: false,
    facts: { kind: 'file', problem: { kind: 'multiple-documents' } },
    ...positionAt(lineCounter, docs[1].range?.[0]),
  };
}

/** The top-level mapping, or undefined (with an issue) when the file is empty or something else. */
function readRoot(context: ParseContext): Record<string, unknown> | undefined {
  let root: unknown;
  try {
    // The library's default alias limit (100) stops a "billion laughs"; never raise it.
    root = context.doc.toJS();
  } catch (error) {
    context.issues.push(unreadable(error));
    return undefined;
  }
  if (root === null || root === undefined) {
    fileError(context, 'missing-version', { kind: 'empty-file' }, []);
    return undefined;
  }
  if (typeof root !== 'object' || Array.isArray(root)) {
    fileError(
      context,
      'not-a-mapping',
      { kind: 'root-not-a-mapping', found: foundValue(root) },
      [],
    );
    return undefined;
  }
  return root as Record<string, unknown>;
}

/** `version` and no field mig-parted does not know. */
function checkTopFields(context: ParseContext, top: Record<string, unknown>): void {
  if (!hasOwn(top, 'version')) {
    fileError(context, 'missing-version', { kind: 'missing-version' }, []);
  } else if (top.version !== MIG_PARTED_SPEC_VERSION) {
    fileError(
      context,
      'unknown-version',
      { kind: 'unknown-version', found: foundValue(top.version) },
      ['version'],
    );
  }
  for (const key of Object.keys(top)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      fileError(context, 'unexpected-field', { kind: 'unexpected-top-field', field: key }, [key], {
        atKey: true,
      });
    }
  }
}

function parseNamedConfig(
  context: ParseContext,
  name: string,
  rawEntries: unknown,
): MigPartedEntry[] | undefined {
  const path: Path = ['mig-configs', name];
  if (rawEntries === null || (Array.isArray(rawEntries) && rawEntries.length === 0)) {
    fileError(context, 'empty-config', { kind: 'empty-config' }, path, {
      configName: name,
      atKey: true,
    });
    return undefined;
  }
  if (!Array.isArray(rawEntries)) {
    fileError(
      context,
      'invalid-entry',
      { kind: 'config-not-a-list', found: foundValue(rawEntries) },
      path,
      { configName: name },
    );
    return undefined;
  }
  const entries = rawEntries.map((raw, index) => parseEntry(context, raw, name, index));
  return entries.every((entry): entry is MigPartedEntry => entry !== undefined)
    ? entries
    : undefined;
}

/** Every named config that parses; the others by name. */
function parseNamedConfigs(
  context: ParseContext,
  named: Array<[string, unknown]>,
): { migConfigs: Record<string, MigPartedEntry[]>; rejectedConfigNames: string[] } {
  const migConfigs: Record<string, MigPartedEntry[]> = {};
  const rejectedConfigNames: string[] = [];
  for (const [name, rawEntries] of named) {
    const nameIssue = configNameIssue(name);
    if (nameIssue) {
      context.issues.push({ ...nameIssue, ...locate(context, ['mig-configs', name], true) });
    }
    const entries = parseNamedConfig(context, name, rawEntries);
    if (entries) {
      setOwn(migConfigs, name, entries);
    } else {
      rejectedConfigNames.push(name);
    }
  }
  return { migConfigs, rejectedConfigNames };
}

/** The `mig-configs` mapping, or an issue saying why the file has none. */
function readMigConfigs(
  context: ParseContext,
  top: Record<string, unknown>,
): { migConfigs: Record<string, MigPartedEntry[]>; rejectedConfigNames: string[] } {
  const raw = top['mig-configs'];
  const none = { migConfigs: {}, rejectedConfigNames: [] };
  const empty = () => {
    fileError(context, 'empty-mig-configs', { kind: 'empty-mig-configs' }, ['mig-configs']);
  };
  if (!hasOwn(top, 'mig-configs')) {
    fileError(context, 'missing-mig-configs', { kind: 'missing-mig-configs' }, []);
    return none;
  }
  if (raw === null) {
    empty();
    return none;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    fileError(
      context,
      'missing-mig-configs',
      { kind: 'mig-configs-not-a-map', found: foundValue(raw) },
      ['mig-configs'],
    );
    return none;
  }
  const named = Object.entries(raw as Record<string, unknown>);
  if (named.length === 0) empty();
  return parseNamedConfigs(context, named);
}

function notText(text: unknown): ConfigIssue {
  return {
    severity: 'error',
    code: 'not-a-mapping',
    rejectsFile: true,
    facts: { kind: 'file', problem: { kind: 'not-text', found: foundValue(text) } },
  };
}

/** The parse result and, when the text is YAML, the document it was read from. */
export function parseConfigDocument(text: string): {
  result: MigPartedParseResult;
  doc?: Document;
} {
  const fail = (issues: ConfigIssue[], doc?: Document) => ({
    result: { issues, accepted: false, rejectedConfigNames: [] },
    doc,
  });
  if (typeof text !== 'string') return fail([notText(text)]);
  const lineCounter = new LineCounter();
  const read = readDocuments(text, lineCounter);
  if ('issue' in read) return fail([read.issue]);
  const [doc] = read.docs;
  const issues: ConfigIssue[] = [];
  if (doc.errors.length > 0) return fail(structureIssues(doc, lineCounter));
  if (read.docs.length > 1) issues.push(multipleDocumentsIssue(read.docs, lineCounter));
  issues.push(...structureIssues(doc, lineCounter));
  if (issues.some((issue) => issue.rejectsFile)) return fail(issues);

  const context: ParseContext = { doc, lineCounter, issues };
  const top = readRoot(context);
  if (!top) return fail(issues);
  checkTopFields(context, top);
  const { migConfigs, rejectedConfigNames } = readMigConfigs(context, top);
  const comments = collectComments(doc);
  const config: MigPartedConfigFile = { version: MIG_PARTED_SPEC_VERSION, migConfigs };
  if (Object.keys(comments).length > 0) config.comments = comments;
  const accepted = !issues.some((issue) => issue.rejectsFile);
  return { result: { config, issues, accepted, rejectedConfigNames }, doc };
}

/**
 * Parse a mig-parted config file. Never throws: malformed YAML and wrong types become issues.
 * YAML 1.1 rules apply (as in mig-parted's Go YAML parser): `yes`/`no`/`on`/`off` are booleans.
 * The config remembers its text, so `serializeMigPartedConfig` keeps the file's comments.
 */
export function parseMigPartedConfig(text: string): MigPartedParseResult {
  const { result } = parseConfigDocument(text);
  if (result.config) rememberSourceText(result.config, text);
  return result;
}
