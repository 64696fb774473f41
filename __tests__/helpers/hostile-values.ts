import type { TestPlan, TestResource } from './plan-builder.js';

/** Values a hand-edited or hostile plan may hold where a balancer attribute should be. */
export const HOSTILE_VALUES: readonly unknown[] = [null, -1, 70000, 'x', [], {}, [null], [{ name: 1, port: 'x' }], true];

/**
 * Every variant of `plan` with one attribute of a matching resource (or of the first block of
 * a block list) replaced by one hostile value.
 */
export function* hostileVariants(plan: TestPlan, addresses: RegExp): Generator<{ name: string; plan: TestPlan }> {
  for (const [i, r] of plan.resources.entries()) {
    if (!addresses.test(r.address)) continue;
    const values = r.values ?? {};
    const paths: Array<[string, string?]> = [];
    for (const [key, v] of Object.entries(values)) {
      paths.push([key]);
      const first: unknown = Array.isArray(v) ? v[0] : undefined;
      if (first !== null && typeof first === 'object' && !Array.isArray(first)) for (const inner of Object.keys(first)) paths.push([key, inner]);
    }
    for (const [key, inner] of paths) {
      for (const bad of HOSTILE_VALUES) {
        const copy: Record<string, unknown> = structuredClone(values);
        if (inner === undefined) copy[key] = bad;
        else (copy[key] as Array<Record<string, unknown>>)[0][inner] = bad;
        const resource: TestResource = { ...r, values: copy };
        yield { name: `${r.address}.${key}${inner ? `[0].${inner}` : ''} = ${JSON.stringify(bad)}`, plan: { ...plan, resources: plan.resources.map((x, j) => (j === i ? resource : x)) } };
      }
    }
  }
}
