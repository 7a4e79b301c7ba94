/**
 * Every t('…') literal in the plugin's source has its key in the English catalogue. The extractor
 * (`npm run i18n`) misses a t() written inside another t()'s values, and such a string would never
 * be translated; this walks the source with the TypeScript parser and finds them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import catalogue from '../../../locales/en/plugin__gpu-partitioning-plugin.json';

const SRC = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__fixtures__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function translatedKeys(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest);
  const keys: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 't' &&
      node.arguments.length > 0 &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      keys.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return keys;
}

describe('the English catalogue', () => {
  it('has every key the source passes to t(), nested ones included', () => {
    const known = new Set(Object.keys(catalogue).map((key) => key.replace(/_(one|other)$/, '')));
    const used = sourceFiles(SRC).flatMap((path) =>
      translatedKeys(path).map((key) => ({ where: path.slice(SRC.length + 1), key })),
    );
    expect(used.length).toBeGreaterThan(300);
    const missing = used.filter(({ key }) => !known.has(key));
    expect(missing).toEqual([]);
  });
});
