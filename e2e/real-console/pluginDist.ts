import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

/**
 * The production plugin bundle, exactly what `npm run build` writes to dist/, built once into a
 * directory of its own (so a build here never rewrites a dist/ someone else is serving) and
 * reused while the sources it was built from are unchanged.
 */
const ROOT = join(__dirname, '..', '..');
const CACHE_DIR = join(tmpdir(), 'gpu-partitioning-real-console-dist');
/** Holds the hash of the inputs the bundle in the same directory was built from. */
const STAMP = '.inputs-sha256';
const INPUTS = [
  'src',
  'locales',
  'console-extensions.json',
  'package.json',
  'package-lock.json',
  'webpack.config.ts',
  'tsconfig.json',
];

/** The file itself, or every file under a directory; nothing when it does not exist. */
const inputFiles = (path: string): string[] => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
};

/** One hash over the names and contents of every file the bundle is built from. */
const inputsHash = (): string => {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => inputFiles(join(ROOT, input))).sort();
  for (const file of files)
    hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file));
  return hash.digest('hex');
};

const isFresh = (dir: string, hash: string): boolean =>
  existsSync(join(dir, 'plugin-manifest.json')) &&
  existsSync(join(dir, STAMP)) &&
  readFileSync(join(dir, STAMP), 'utf8') === hash;

/** Builds (or reuses) the production bundle and returns its directory. */
export const productionDist = async (): Promise<string> => {
  const hash = inputsHash();
  if (isFresh(CACHE_DIR, hash)) return CACHE_DIR;
  const building = `${CACHE_DIR}.${process.pid}`;
  rmSync(building, { recursive: true, force: true });
  try {
    await promisify(execFile)('npm', ['run', 'build', '--', '--output-path', building], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm run build failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
  }
  writeFileSync(join(building, STAMP), hash);
  // Another run may have built the same sources meanwhile: either bundle will do.
  rmSync(CACHE_DIR, { recursive: true, force: true });
  renameSync(building, CACHE_DIR);
  return CACHE_DIR;
};

/** Every file of a bundle directory by its relative path, as the nginx harness serves them. */
export const distFiles = (dir: string): Record<string, Buffer> =>
  Object.fromEntries(
    inputFiles(dir)
      .filter((file) => !file.endsWith(STAMP))
      .map((file) => [relative(dir, file), readFileSync(file)]),
  );
