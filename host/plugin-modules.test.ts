import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The host loads the plugin's exposed modules through a static table (webpack needs literal
 * import paths); it must name exactly the modules package.json exposes, at the same paths.
 */
test('the host loads exactly the modules the plugin exposes', () => {
  const root = join(__dirname, '..');
  const { consolePlugin } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    consolePlugin: { exposedModules: Record<string, string> };
  };
  const source = readFileSync(join(__dirname, 'app/plugin.ts'), 'utf8');
  const table = Object.fromEntries(
    [...source.matchAll(/^\s+(\w+): \(\) => import\('\.\.\/\.\.\/src\/(.+?)'\),$/gm)].map(
      ([, name, path]) => [name, `./${path}`],
    ),
  );
  expect(table).toEqual(consolePlugin.exposedModules);
});
