import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { CloudsFile } from '../config/index.js';

/** openstacksdk's search order for clouds.yaml and secure.yaml. */
export function configDirs(env: Record<string, string | undefined> = process.env): string[] {
  return [process.cwd(), ...userConfigDir(env), '/etc/openstack'];
}

function userConfigDir(env: Record<string, string | undefined>): string[] {
  if (env.XDG_CONFIG_HOME) return [join(env.XDG_CONFIG_HOME, 'openstack')];
  try {
    return [join(homedir(), '.config', 'openstack')];
  } catch {
    return []; // Deno without permission to read the home directory: search the other places
  }
}

function firstFile(names: string[], dirs: () => string[], explicit?: string): string | undefined {
  if (explicit) return existsSync(explicit) ? explicit : undefined;
  for (const d of dirs()) for (const n of names) if (existsSync(join(d, n))) return join(d, n);
  return undefined;
}

/** Reads clouds.yaml and secure.yaml from `OS_CLIENT_CONFIG_FILE` / `.` / `~/.config/openstack` / `/etc/openstack`. */
export function loadCloudsFiles(env: Record<string, string | undefined> = process.env): {
  clouds: CloudsFile;
  secure: CloudsFile | undefined;
  path: string | undefined;
} {
  // The search path is worked out only when needed: Deno asks for a permission to read the home directory.
  const dirs = () => configDirs(env);
  const path = firstFile(['clouds.yaml', 'clouds.yml'], dirs, env.OS_CLIENT_CONFIG_FILE);
  const securePath = firstFile(['secure.yaml', 'secure.yml'], dirs, env.OS_CLIENT_SECURE_FILE);
  const read = (p: string | undefined) => (p ? ((parse(readFileSync(p, 'utf8')) ?? {}) as CloudsFile) : undefined);
  return { clouds: read(path) ?? {}, secure: read(securePath), path };
}
