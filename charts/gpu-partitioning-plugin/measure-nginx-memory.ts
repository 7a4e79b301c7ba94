/**
 * Measures the memory of nginx running the chart's nginx.conf with several worker_processes
 * settings, idle and after HTTPS traffic, for the figures in docs/install.md:
 *
 *   npx tsx charts/gpu-partitioning-plugin/measure-nginx-memory.ts [workers ...]
 *
 * Each argument is a worker_processes value ("auto" or a number; default: auto 2 8 64). "auto"
 * starts one worker per CPU nginx sees, which in a pod is every CPU of the node. Figures are
 * summed over the master and its workers from /proc/<pid>/smaps_rollup: RSS counts shared
 * pages in every process, PSS splits them, so PSS is the closer estimate of what the pod's
 * memory cgroup is charged for the processes (the cgroup also counts the in-memory /tmp and the
 * page cache of the served files).
 */
import * as fs from 'fs';
import { ensureHelm } from '../../scripts/render-chart';
import {
  childPids,
  DIST_FIXTURE,
  httpsGet,
  startRenderedNginx,
  type RunningNginx,
} from './nginx-harness';

interface Memory {
  rssKiB: number;
  pssKiB: number;
  /** Private pages (USS): what a process costs beyond what it shares. */
  privateKiB: number;
}

function memoryOf(pid: number): Memory {
  const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const field = (name: string) =>
    Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1]);
  return {
    rssKiB: field('Rss'),
    pssKiB: field('Pss'),
    privateKiB: field('Private_Clean') + field('Private_Dirty'),
  };
}

interface Totals extends Memory {
  workers: number;
  /** The largest private size of one worker. */
  workerPrivateMaxKiB: number;
}

function total(nginx: RunningNginx): Totals {
  const workers = childPids(nginx.masterPid);
  const sum: Totals = {
    rssKiB: 0,
    pssKiB: 0,
    privateKiB: 0,
    workers: workers.length,
    workerPrivateMaxKiB: 0,
  };
  for (const pid of [nginx.masterPid, ...workers]) {
    const m = memoryOf(pid);
    sum.rssKiB += m.rssKiB;
    sum.pssKiB += m.pssKiB;
    sum.privateKiB += m.privateKiB;
    if (pid !== nginx.masterPid)
      sum.workerPrivateMaxKiB = Math.max(sum.workerPrivateMaxKiB, m.privateKiB);
  }
  return sum;
}

/** A bundle-sized JavaScript file, served gzipped like the real chunks. */
function bigChunk(): string {
  const line = 'export const slice = { profile: "1g.10gb", start: 0, size: 1 };\n';
  return line.repeat(Math.ceil((1024 * 1024) / line.length));
}

/** `requests` HTTPS requests, `parallel` at a time, each on a new TLS connection. */
async function load(nginx: RunningNginx, requests: number, parallel: number): Promise<void> {
  const paths = ['/plugin-manifest.json', '/chunk-big.min.js', '/healthz'];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const urlPath = paths[next % paths.length];
      next += 1;
      const res = await httpsGet('127.0.0.1', nginx.port, urlPath, nginx.ca, {
        'Accept-Encoding': 'gzip',
      });
      if (res.status !== 200) throw new Error(`${urlPath}: HTTP ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Waits until the number of workers has stopped growing (hundreds take a moment to fork). */
async function allWorkersStarted(nginx: RunningNginx): Promise<void> {
  let last = -1;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const count = childPids(nginx.masterPid).length;
    if (count === last) return;
    last = count;
  }
}

const MiB = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
/** Enough new TLS connections, enough at a time, that every one of 64 workers serves some. */
const REQUESTS = 3000;
const PARALLEL = 64;

async function measure(setting: string): Promise<string> {
  const nginx = await startRenderedNginx({
    editConf: (conf) =>
      conf.replace(/^(\s*)worker_processes \S+;/m, `$1worker_processes ${setting};`),
    files: { ...DIST_FIXTURE, 'chunk-big.min.js': bigChunk() },
  });
  try {
    await allWorkersStarted(nginx);
    const idle = total(nginx);
    await load(nginx, REQUESTS, PARALLEL);
    const busy = total(nginx);
    return `| ${setting} | ${idle.workers} | ${MiB(idle.pssKiB)} | ${MiB(busy.pssKiB)} | ${MiB(busy.rssKiB)} | ${MiB(busy.workerPrivateMaxKiB)} |`;
  } finally {
    await nginx.stop();
  }
}

async function main(settings: string[]): Promise<void> {
  ensureHelm();
  const lines = [
    `| worker_processes | workers | PSS idle | PSS after ${REQUESTS} HTTPS requests | RSS sum after | largest worker, private |`,
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const setting of settings) lines.push(await measure(setting));
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  main(args.length > 0 ? args : ['auto', '2', '8', '64']).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
