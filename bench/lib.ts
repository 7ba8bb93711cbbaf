/**
 * What every benchmark case shares: the cloud to run against, the sizes, timing with the client's
 * CPU (user + system seconds) for the SDK in this process, for `curl` under `/usr/bin/time` and for
 * the Python openstacksdk (bench/openstacksdk.py, one fresh process per call), test files, and the
 * row every case reports.
 *
 * Environment: `OS_CLOUD` names a clouds.yaml cloud (found the usual way); without it the local
 * cloud's `local-demo` (state in `OSSDK_CLOUD_STATE`, default /tmp/openstack-sdk-cloud).
 * `BENCH_SIZE_MIB` (default 1024) is the size of the large file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '../src/node/index.js';

export const MiB = 1024 * 1024;
export const STATE = process.env.OSSDK_CLOUD_STATE ?? '/tmp/openstack-sdk-cloud';
/** The clouds.yaml entry used by the SDK, the child processes and openstacksdk. */
export const CLOUD = process.env.OS_CLOUD || 'local-demo';
if (!process.env.OS_CLOUD) process.env.OS_CLIENT_CONFIG_FILE = join(STATE, 'clouds.yaml');
/** Size of the large file (1 GiB unless `BENCH_SIZE_MIB` says otherwise). */
export const SIZE = Number(process.env.BENCH_SIZE_MIB || 1024) * MiB;

export const connectCloud = () => connect({ cloud: CLOUD });
export type Conn = ReturnType<typeof connectCloud>;

/** One measurement: wall seconds, client CPU seconds (user + system), and what was moved. */
export interface Measure {
  seconds: number;
  cpu: number;
  /** Payload bytes, for throughput and CPU ns per byte. */
  bytes?: number;
  /** Items handled (objects listed or uploaded), for CPU per item when there is no payload. */
  items?: number;
  /** Peak resident set size of the client process, MiB. */
  rssMiB?: number;
}

/** One line of the table: the SDK against one baseline. */
export interface Row {
  case: string;
  /** How the ratio is taken: throughput (SDK / baseline MiB/s), time (SDK / baseline s) or rss (SDK / baseline MiB). */
  kind: 'throughput' | 'time' | 'rss';
  sdk: Measure | string;
  baseline: string;
  base: Measure | string;
  goal?: string;
}

/** Times `fn` in this process, with this process's CPU over the same span. */
export async function inProcess<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number; cpu: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const d = process.cpuUsage(cpu0);
  return { value, seconds, cpu: (d.user + d.system) / 1e6 };
}

/** Runs `curl -sS -f ARGS` under `/usr/bin/time`: wall seconds (as seen from here) and curl's user + system CPU. */
export function curl(args: string[]): { seconds: number; cpu: number } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e', 'curl', '-sS', '-f', ...args], { encoding: 'utf8', maxBuffer: 64 * MiB });
  const seconds = (performance.now() - t0) / 1000;
  const last = r.stderr.trim().split('\n').at(-1) ?? '';
  if (r.status !== 0) throw new Error(`curl ${args.filter((a) => !a.startsWith('X-Auth-Token')).join(' ')}: ${r.stderr.trim()}`);
  const [user, sys] = last.split(' ').map(Number);
  return { seconds, cpu: (user ?? 0) + (sys ?? 0) };
}

/** `curl -T file` to `url` (a PUT), the answer thrown away. */
export const curlPut = (file: string, url: string, token: string, headers: string[] = []) =>
  curl(['-o', '/dev/null', '-T', file, ...headers.flatMap((h) => ['-H', h]), '-H', `X-Auth-Token: ${token}`, url]);

/** `curl -o file url` (a GET into a file). */
export const curlGet = (url: string, file: string, token: string) => curl(['-o', file, '-H', `X-Auth-Token: ${token}`, url]);

/** A timing (in process or by curl) as a Measure of what was moved. */
export const measured = (r: { seconds: number; cpu: number }, moved: Partial<Measure>): Measure => ({ seconds: r.seconds, cpu: r.cpu, ...moved });

/** Deletes the file a download wrote, after checking that `who` wrote all `size` bytes of it. */
export async function takeDownload(path: string, size: number, who: string) {
  const got = (await stat(path)).size;
  await rm(path, { force: true });
  if (got !== size) throw new Error(`${who} wrote ${got} bytes, expected ${size}`);
}

/** What bench/openstacksdk.py prints for one case. */
export interface PythonResult {
  seconds: number;
  cpu: number;
  rss_mib: number;
  count?: number;
  id?: string;
}

/**
 * One case of bench/openstacksdk.py (Debian's python3-openstacksdk) in a fresh process, or the reason
 * it could not run.
 */
export function python(args: string[]): PythonResult | string {
  const r = spawnSync('/usr/bin/python3', ['bench/openstacksdk.py', CLOUD, ...args], { encoding: 'utf8', maxBuffer: 64 * MiB });
  // openstacksdk warns (Swift has no version document); only a failure's output is shown.
  if (r.status !== 0 || r.error) {
    const why = r.error?.message ?? r.stderr.trim().split('\n').at(-1) ?? `exit ${r.status}`;
    return `failed: ${why}`;
  }
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as PythonResult;
}

/** A Python result as a Measure (or the reason it is missing). */
export function pyMeasure(r: PythonResult | string, extra: Partial<Measure> = {}): Measure | string {
  return typeof r === 'string' ? r : { seconds: r.seconds, cpu: r.cpu, rssMiB: r.rss_mib, ...extra };
}

/** Writes `size` bytes that do not compress (each MiB a different pattern). */
export async function makeFile(path: string, size: number) {
  const block = new Uint8Array(MiB);
  let x = 0x9e3779b9;
  for (let i = 0; i < block.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = x & 0xff;
  }
  const f = await open(path, 'w');
  try {
    for (let written = 0, k = 0; written < size; k++, written += MiB) {
      new DataView(block.buffer).setUint32((k * 4096) % (MiB - 4), k);
      await f.write(block.subarray(0, Math.min(MiB, size - written)));
    }
  } finally {
    await f.close();
  }
}

/** MemAvailable of /proc/meminfo in bytes (Infinity where there is none). */
export function memAvailable(): number {
  try {
    const m = /MemAvailable:\s+(\d+) kB/.exec(readFileSync('/proc/meminfo', 'utf8'));
    return m ? Number(m[1]) * 1024 : Infinity;
  } catch {
    return Infinity;
  }
}

/**
 * Throws unless the machine has memory left for `bytes` more (plus room for page cache): the local
 * cloud keeps Swift's data in memory, and a machine out of memory stops the cloud.
 */
export function needMemory(bytes: number, what: string) {
  const free = memAvailable();
  if (free < bytes + 768 * MiB)
    throw new Error(`skipped ${what}: ${Math.round(free / MiB)} MiB of memory available, ${Math.round(bytes / MiB) + 768} MiB needed`);
}

/** What the cases get from the runner. */
export interface Context {
  conn: Conn;
  /** Object store endpoint and a token, for raw fetch and curl. */
  endpoint: string;
  token: string;
  /** Temporary directory (deleted afterwards) and the large file in it. */
  dir: string;
  file: string;
  size: number;
  /** A fresh container, deleted with its segments after the run. */
  container(purpose: string): Promise<string>;
  /** An image to delete after the run. */
  trackImage(id: string): void;
}

/** `256 MiB`, `1 GiB`, `2 GiB`. */
export const sizeLabel = (size: number) => (size >= 2 ** 30 ? `${+(size / 2 ** 30).toFixed(2)} GiB` : `${+(size / MiB).toFixed(1)} MiB`);

export const errorText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).split('\n')[0]!.slice(0, 200);
