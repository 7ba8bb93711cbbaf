import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts the local cloud (or reuses the running one) before integration and end-to-end tests.
 * `OSSDK_CLOUD_SERVICES` limits which services are started (default: all); `OSSDK_CLOUD_SKIP_UP=1`
 * uses whatever is running.
 */
export default function setup(): void {
  // For a cloud someone else keeps running (development): skip the start-or-reuse step.
  if (process.env.OSSDK_CLOUD_SKIP_UP === '1') return;
  const args = (process.env.OSSDK_CLOUD_SERVICES ?? '').split(/[\s,]+/).filter(Boolean);
  const r = spawnSync('bash', [join(import.meta.dirname, '../../e2e/cloud/up.sh'), ...args], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the local cloud did not start (e2e/cloud/up.sh exited ${r.status})`);
}
