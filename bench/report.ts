/**
 * The benchmark's report: the machine it ran on (`nproc`, CPU model, memory, Node, curl and
 * openstacksdk versions, date) and a markdown table of every row (the SDK's figure, the
 * baseline's, their ratio and each client's CPU), printed and written into README.md between
 * `<!-- bench:start -->` and `<!-- bench:end -->`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { CLOUD, MiB, type Measure, type Row } from './lib.js';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '?';
  }
}

/** One line about the machine, the tools and the date. */
export function machine(size: number): string {
  const model = cpus()[0]?.model.replace(/\s+/g, ' ').trim() ?? '?';
  const curlVersion = run('curl', ['--version']).split(' ')[1] ?? '?';
  const py = run('/usr/bin/python3', ['-c', 'import openstack.version as v; print(v.__version__)']);
  const date = new Date()
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, ' UTC')
    .replace('T', ' ');
  return (
    `${date}, cloud \`${CLOUD}\`, large file ${size / MiB} MiB. Machine: ${run('nproc', [])} CPUs (nproc), ${model}, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}, curl ${curlVersion}, openstacksdk ${py}.`
  );
}

const figure = (kind: Row['kind'], m: Measure | string): string => {
  if (typeof m === 'string') return m;
  if (kind === 'rss') return `${(m.rssMiB ?? NaN).toFixed(0)} MiB`;
  if (kind === 'throughput') return `${((m.bytes ?? NaN) / MiB / m.seconds).toFixed(0)} MiB/s`;
  return `${m.seconds.toFixed(2)} s`;
};

const cpu = (m: Measure | string): string => {
  if (typeof m === 'string') return '';
  const parts = [`${m.cpu.toFixed(2)} s`];
  if (m.bytes) parts.push(`${((m.cpu * 1e9) / m.bytes).toFixed(m.cpu * 1e9 < m.bytes * 10 ? 2 : 0)} ns/B`);
  if (m.items) parts.push(`${((m.cpu * 1e6) / m.items).toFixed(0)} µs/object`);
  return parts.join(', ');
};

const ratio = (r: Row): string => {
  const { sdk, base } = r;
  if (typeof sdk === 'string' || typeof base === 'string') return '';
  if (r.kind === 'throughput') return (base.seconds / sdk.seconds).toFixed(2);
  if (r.kind === 'time') return (sdk.seconds / base.seconds).toFixed(2);
  return ((sdk.rssMiB ?? NaN) / (base.rssMiB ?? NaN)).toFixed(2);
};

/** The markdown table, with a line saying how each ratio is taken. */
export function table(rows: Row[]): string {
  const lines = [
    '| case | baseline | SDK | baseline | ratio | goal | SDK CPU | baseline CPU |',
    '|---|---|---:|---:|---:|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${r.baseline} | ${figure(r.kind, r.sdk)} | ${figure(r.kind, r.base)} | ${ratio(r)} | ${r.goal ?? ''} | ${cpu(r.sdk)} | ${cpu(r.base)} |`,
    ),
  ];
  lines.push(
    '',
    'Ratio: MiB/s rows SDK throughput / baseline throughput (above 1: the SDK is faster); seconds rows ' +
      'SDK time / baseline time (below 1: the SDK is faster); MiB rows SDK peak RSS / baseline peak RSS. ' +
      'CPU: user + system seconds of the client process over the case, per payload byte and per object.',
  );
  return lines.join('\n');
}

/** Replaces what is between the markers in README.md; false when they are missing. */
export function writeReadme(block: string, path = 'README.md'): boolean {
  const text = readFileSync(path, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) return false;
  writeFileSync(path, `${text.slice(0, a + START.length)}\n${block}\n${text.slice(b)}`);
  return true;
}
