import { keepInstances, linkedResources } from './plan-context.js';
import type { KeptInstances, LinkSpec, PlanContext } from './plan-context.js';
import { knownNumber, knownString, lookup } from './plan-resources.js';
import type { AttributePath, PlanResource } from './plan-resources.js';

/**
 * Managed instance groups: which instance templates their instances launch from, and how
 * many instances they keep (their `target_size`, or the `min_replicas` of an autoscaler that
 * scales them) and may run (the autoscaler's `max_replicas`), shared by the balancers (a
 * backend's members) and the servers (a fleet).
 */

export const TEMPLATES = ['google_compute_instance_template', 'google_compute_region_instance_template'];
export const MANAGED_GROUPS = ['google_compute_instance_group_manager', 'google_compute_region_instance_group_manager'];
const AUTOSCALERS = ['google_compute_autoscaler', 'google_compute_region_autoscaler'];

/** `https://www.googleapis.com/compute/v1/projects/p/zones/z/instances/x` -> `projects/p/zones/z/instances/x`. */
export function selfLinkPath(v: string): string {
  return v.replace(/^https:\/\/[^/]+\/compute\/(?:v1|beta|alpha)\//, '').replace(/^\/+/, '');
}

/** Indexes resources by their self link, id, name, and the given attributes, in the forms configurations write them. */
export function indexByLink(resources: readonly PlanResource[], attributes: readonly string[] = ['self_link', 'id', 'name']): Map<string, PlanResource> {
  const map = new Map<string, PlanResource>();
  for (const r of resources) {
    for (const a of attributes) {
      const v = r.values[a];
      if (typeof v !== 'string' || v === '') continue;
      map.set(v, r);
      map.set(selfLinkPath(v), r);
    }
  }
  return map;
}

/** What links to the plan's instance templates (by self link, id, name or unique self link). */
export function templateSpec(ctx: PlanContext): LinkSpec {
  const templates = TEMPLATES.flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
  return { types: new Set(TEMPLATES), byId: indexByLink(templates, ['self_link', 'id', 'name', 'self_link_unique']), what: 'instance template', normalize: selfLinkPath };
}

/** Where a managed group names its templates: each `version`, and the provider's older `instance_template`. */
export function groupTemplatePaths(group: PlanResource): AttributePath[] {
  const paths: AttributePath[] = [['instance_template']];
  const versions = lookup(group, ['version']);
  if (versions.state === 'known' && Array.isArray(versions.value)) versions.value.forEach((_, i) => paths.push(['version', i, 'instance_template']));
  return paths;
}

/**
 * How many of a group's `total` instances each of its templates runs, at least, and at most
 * of `most` when the group scales out. One version runs them all; of several (a canary), each
 * runs its `target_size` (`fixed`, or a `percent` rounded either way) and the one without a
 * size the rest; a size unknown until apply, none at least (and up to all).
 */
function instancesPerTemplate(group: PlanResource, total: number, most: number): Array<{ path: AttributePath; count: number; most: number }> {
  const versions = lookup(group, ['version']);
  const list: unknown[] = versions.state === 'known' && Array.isArray(versions.value) ? versions.value : [];
  if (list.length <= 1) return [{ path: list.length === 1 ? ['version', 0, 'instance_template'] : ['instance_template'], count: total, most }];
  const sizesOf = (n: number) =>
    list.map((_, i) => {
      const size = lookup(group, ['version', i, 'target_size']);
      if (size.state === 'known' && Array.isArray(size.value) && size.value.length === 0) return undefined;
      const fixed = knownNumber(group, ['version', i, 'target_size', 0, 'fixed']);
      const share = (n * (knownNumber(group, ['version', i, 'target_size', 0, 'percent']) ?? Number.NaN)) / 100;
      if (fixed !== undefined) return { least: fixed, most: fixed };
      return Number.isNaN(share) ? { least: 0, most: n } : { least: Math.floor(share), most: Math.ceil(share) };
    });
  const sizes = sizesOf(total);
  const sized = sizes.reduce((sum, s) => sum + (s?.most ?? 0), 0);
  const scaled = sizesOf(most);
  const scaledLeast = scaled.reduce((sum, s) => sum + (s?.least ?? 0), 0);
  return sizes.map((s, i) => {
    const up = scaled[i];
    return { path: ['version', i, 'instance_template'], count: s ? s.least : Math.max(0, total - sized), most: up ? up.most : Math.max(0, most - scaledLeast) };
  });
}

/**
 * The instances the plan's managed groups keep of each template: the most of a group's
 * `target_size` and the `min_replicas` of the autoscalers that scale it (mode not `OFF`),
 * summed over the groups; a count unknown until apply counts none. And how many they may run:
 * the autoscalers' `max_replicas` (one unknown until apply counts what the group keeps).
 */
export function keptInstances(ctx: PlanContext): Map<PlanResource, KeptInstances> {
  const managed = (types: readonly string[]) => types.flatMap((t) => ctx.ofType(t)).filter((r) => r.mode === 'managed');
  const groups = managed(MANAGED_GROUPS);
  const groupSpec: LinkSpec = { types: new Set(MANAGED_GROUPS), byId: indexByLink(groups, ['self_link', 'id']), what: 'managed instance group', normalize: selfLinkPath };
  const least = new Map<PlanResource, number>(groups.map((g) => [g, knownNumber(g, ['target_size']) ?? 0]));
  const most = new Map<PlanResource, number>(least);
  for (const autoscaler of managed(AUTOSCALERS)) {
    // An autoscaler turned off leaves the group at its target_size.
    if (knownString(autoscaler, ['autoscaling_policy', 0, 'mode']) === 'OFF') continue;
    const min = knownNumber(autoscaler, ['autoscaling_policy', 0, 'min_replicas']) ?? 0;
    const max = knownNumber(autoscaler, ['autoscaling_policy', 0, 'max_replicas']) ?? 0;
    for (const g of linkedResources(ctx, autoscaler, ['target'], groupSpec).targets) {
      least.set(g, Math.max(least.get(g) ?? 0, min));
      most.set(g, Math.max(most.get(g) ?? 0, max, least.get(g) ?? 0));
    }
  }
  const templates = templateSpec(ctx);
  const kept = new Map<PlanResource, KeptInstances>();
  for (const g of groups) {
    for (const { path, count, most: upTo } of instancesPerTemplate(g, least.get(g) ?? 0, most.get(g) ?? 0)) {
      for (const t of linkedResources(ctx, g, path, templates).targets) kept.set(t, keepInstances(kept.get(t), g.address, count, upTo));
    }
  }
  return kept;
}
