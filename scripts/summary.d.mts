// Types of summary.mjs, for its unit test.
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  /** Tests of failed files that did not run (reported by vitest as skipped). */
  notRun: number;
  failedFiles: { name: string; message: string; notRun: number }[];
  notes: string[];
}
export function summarize(report: unknown, exitCode?: number): Summary;
export function closingLine(s: Summary): string;
export function details(s: Summary, root?: string): string[];
