import type { Server } from '../model.js';
import type { FlowSource } from './reach.js';

/**
 * Whether a server's private address can route to another's at all. Firewalls only filter
 * what can already be routed: servers in two networks (VPCs, VNets) that no peering joins do
 * not reach each other's private addresses, whatever the rules allow. Certain when the plan
 * creates either network (no peering made elsewhere can join it yet), else a peering made
 * outside the plan may exist. Undefined when they may route (the same network, peered, or
 * networks whose routes the plan does not say).
 */
export function unroutable(source: FlowSource, target: Server): { why: string; certain: boolean } | undefined {
  const a = source.kind === 'server' ? (source as Server).network : undefined;
  const b = target.network;
  if (!a || !b || a.key === b.key || !a.reaches || a.reaches.has(b.key)) return undefined;
  const certain = a.created || b.created;
  const created = [a, b].filter((n) => n.created).map((n) => n.key);
  return {
    certain,
    why: `${source.name} is in ${a.key} and ${target.name} in ${b.key}, and no peering of this plan joins the two networks: private addresses do not route between networks without one (a peering, VPN or gateway)${certain ? ` (this plan creates ${created.join(' and ')}, so no peering made elsewhere joins ${created.length === 1 ? 'it' : 'them'} yet)` : ', unless one made outside this plan does'}`,
  };
}
