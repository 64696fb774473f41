import type { Server } from '../model.js';
import type { FlowSource } from './reach.js';

/**
 * Whether a server's private address may not route to another's. Firewalls only filter what
 * can already be routed: servers in two networks (VPCs, VNets) that no peering of the plan
 * joins do not reach each other's private addresses. A plan does not hold everything that
 * may route between them (a peering made elsewhere, a hub's appliance, a public endpoint),
 * so this only keeps a pass from being claimed: the verdict is unknown, saying why.
 * Undefined when they may route (the same network, peered, or networks whose routes the
 * plan does not say).
 */
export function unroutable(source: FlowSource, target: Server): { why: string } | undefined {
  const a = source.kind === 'server' ? (source as Server).network : undefined;
  const b = target.network;
  if (!a || !b || a.key === b.key || !a.reaches || a.reaches.has(b.key)) return undefined;
  return {
    why: `${source.name} is in ${a.key} and ${target.name} in ${b.key}, and no peering of this plan joins the two networks: private addresses do not route between networks without one (a peering, VPN, transit or hub routing), unless something outside this plan joins them, or the traffic goes through a public endpoint`,
  };
}
