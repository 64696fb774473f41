import type { CheckType } from './check-type.js';
import { forbiddenFlow } from './forbidden-flow.js';
import { requiredFlow } from './required-flow.js';
import { sameProvider } from './same-provider.js';
import { sameRegion } from './same-region.js';

/** Every check type a policy can name, by its `type`. */
export const CHECK_TYPES: ReadonlyMap<string, CheckType<never>> = new Map(
  ([requiredFlow, forbiddenFlow, sameProvider, sameRegion] as Array<CheckType<never>>).map((c) => [c.type, c]),
);
