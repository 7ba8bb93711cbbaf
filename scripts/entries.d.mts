// Types of entries.mjs, for the unit tests.
export const root: string;
export function sourceOf(subpath: string): string;
export function entryPoints(): { subpath: string; source: string }[];
