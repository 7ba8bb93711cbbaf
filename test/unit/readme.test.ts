import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

// The README shows real, tested code: every block marked `<!-- from FILE -->` must be found,
// line by line, in FILE (which the demo or the tests run).
const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/<!-- from (\S+)[^>]*-->\n```\w*\n([\s\S]*?)```/g)];

describe('README examples come from files that run', () => {
  test('there are such blocks', () => expect(blocks.length).toBeGreaterThanOrEqual(6));
  for (const [, file, code] of blocks) {
    test(file!, () => {
      const source = readFileSync(join(root, file!), 'utf8');
      for (const line of code!.split('\n').filter((l) => l.trim())) expect(source, `README line: ${line}`).toContain(line.trim());
    });
  }
});
