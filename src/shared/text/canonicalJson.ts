/**
 * JSON with object keys sorted at every level and no whitespace: the same value always gives the same bytes,
 * whatever order its keys were built in, so hashes and byte-exact round trips can be compared across desks.
 * Undefined object members are left out (as JSON.stringify does); arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) sorted[key] = sortKeys(member);
  }
  return sorted;
}
