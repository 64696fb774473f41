import type { CheckType } from './check-type.js';
import { placementSchema, sameAttribute } from './same-provider.js';
import type { PlacementParams } from './same-provider.js';

export const sameRegion: CheckType<PlacementParams> = {
  type: 'same-region',
  description: 'All servers of the environment (optionally only those of the given roles) run in one region: the stricter form of same-provider, for latency-sensitive roles.',
  schema: placementSchema,
  docs: '`roles` (optional): only servers holding one of these roles. The finding names each region with its servers. A server whose region is not known makes the finding `unknown`.',
  check: (env, params) => sameAttribute(env, params, 'region', (s) => s.regionLocation ?? s.location),
};
