#!/usr/bin/env node
/**
 * The API reference, built with TypeDoc from the TSDoc comments of every entry point in
 * package.json's exports.
 *
 *   node scripts/docs.mjs            writes the HTML reference to docs/ (`npm run docs`)
 *   node scripts/docs.mjs --check    builds it in memory only and fails on an undocumented public
 *                                    export or a broken {@link} (a step of `npm test`)
 */
import { join } from 'node:path';
import { Application, LogLevel, ReflectionKind } from 'typedoc';
import { entryPoints, root } from './entries.mjs';

const check = process.argv.includes('--check');
const started = Date.now();

const app = await Application.bootstrapWithPlugins({
  name: 'openstack-sdk',
  includeVersion: true,
  entryPoints: entryPoints().map((e) => join(root, e.source)),
  tsconfig: join(root, 'tsconfig.node.json'),
  out: join(root, 'docs'),
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  // `npm run typecheck` checks the types; TypeDoc only reads them.
  skipErrorChecking: true,
  // Checked below, for the exports of each entry point (TypeDoc's own check would also require a
  // comment on every method once functions are required).
  validation: { notExported: false, notDocumented: false, invalidLink: true, invalidPath: true, rewrittenLink: true, unusedMergeModuleWith: true },
  treatValidationWarningsAsErrors: true,
  logLevel: 'Warn',
});

// Converting warns about properties declared twice with different comments (valibot schemas spread
// into others), which is harmless: only errors are shown until the checks below.
app.logger.level = LogLevel.Error;
const project = await app.convert();
if (!project) process.exit(1);
app.logger.level = LogLevel.Warn;

/** Exports of every entry point that have no comment (on the declaration or on a signature). */
function undocumented() {
  const missing = [];
  for (const mod of project.children ?? []) {
    for (const child of mod.children ?? []) {
      if (child.kindOf(ReflectionKind.Reference)) continue;
      const signatures = [...(child.signatures ?? []), ...(child.type?.declaration?.signatures ?? [])];
      if (child.hasComment() || signatures.some((s) => s.hasComment())) continue;
      const source = child.sources?.[0];
      missing.push(`${mod.name}: ${child.name} (${ReflectionKind.singularString(child.kind)})${source ? `, ${source.fileName}:${source.line}` : ''}`);
    }
  }
  return missing;
}

const warnings = app.logger.warningCount;
app.validate(project);
const missing = undocumented();
for (const m of missing) console.error(`undocumented export: ${m}`);
if (app.logger.hasErrors() || app.logger.warningCount > warnings || missing.length) {
  console.error('docs: every public export needs a TSDoc comment, and every {@link} a target that exists');
  process.exit(1);
}
if (!check) await app.generateDocs(project, join(root, 'docs'));
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(check ? `docs: every public export is documented and every link resolves (${seconds} s)` : `docs: written to docs/ in ${seconds} s`);
