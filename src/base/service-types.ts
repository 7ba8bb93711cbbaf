/**
 * Historical aliases of official service types (from OpenStack's service-types-authority), so
 * that a catalog naming `volumev3` still serves `block-storage`. Types without aliases are left out.
 */
const ALIASES: Record<string, readonly string[]> = {
  'block-storage': ['volumev3', 'volumev2', 'volume', 'block-store'],
  message: ['messaging'],
  alarm: ['alarming'],
  clustering: ['cluster'],
  'shared-file-system': ['sharev2', 'share'],
  'container-infrastructure-management': ['container-infra', 'container-infrastructure'],
  'baremetal': ['bare-metal'],
  workflow: ['workflowv2'],
};

/** The official type for a type or one of its aliases (`volumev3` becomes `block-storage`). */
export function officialType(serviceType: string): string {
  return Object.entries(ALIASES).find(([k, a]) => k === serviceType || a.includes(serviceType))?.[0] ?? serviceType;
}

/** The type asked for first, then the official type and its aliases. */
export function typesFor(serviceType: string, extra: readonly string[] = []): string[] {
  const official = officialType(serviceType);
  const list = [official, ...(ALIASES[official] ?? [])];
  return [...new Set([serviceType, ...list, ...extra])];
}
