import type { Endpoint, FilterLayer, FlowProtocol, Origin } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import type { PortSet } from '../net/ports.js';
import { possibleAddresses } from './reach.js';
import type { FlowSource } from './reach.js';
import type { FlowGap, FlowVerdict } from './verdict.js';

/**
 * Sentences a reviewer can trust: for a pass the rules that allow it, for a fail exactly
 * what does not get through and the rule that would fix it, for unknown what is missing.
 */

export interface FlowWording {
  source: FlowSource;
  target: Endpoint;
  protocol: FlowProtocol;
  ports: PortSet;
  /** How the policy names the source in a fix (`end-users`, `role:front-end`). */
  fromLabel: string;
  /** How the policy names the target in a fix (`role:database`, `db`). */
  toLabel: string;
}

export function describeLocation(o: Origin): string {
  return `${o.location.file}:${o.location.line}`;
}

export function describeOrigins(origins: readonly Origin[], max = 3): string {
  const shown = origins.slice(0, max).map((o) => `${o.label} (${describeLocation(o)})`);
  const more = origins.length > max ? ` and ${origins.length - max} more` : '';
  return `${shown.join('; ')}${more}`;
}

function describeSourceAddresses(source: FlowSource): string {
  if (source.kind === 'client') return `${source.name} (${source.addresses.describe()})`;
  if (source.addresses.isEmpty()) return source.name;
  // An address assigned at apply, known only to be some IPv4 (or any) address: say that, not "somewhere in 0.0.0.0/0".
  if (!source.addressesExact && (source.addresses.equals(AddressSet.ALL_V4) || source.addresses.equals(AddressSet.ALL))) return `${source.name} (address assigned at apply)`;
  return source.addressesExact ? `${source.name} (${source.addresses.describe()})` : `${source.name} (somewhere in ${source.addresses.describe()})`;
}

/**
 * Names part of a source the shortest true way: the whole, one address family of it,
 * the whole except a few blocks, or the blocks themselves.
 */
export function describeSubset(part: AddressSet, whole: AddressSet, wholeLabel: string, name = wholeLabel): { text: string; mostly: boolean } {
  if (part.equals(whole)) return { text: wholeLabel, mostly: true };
  for (const [family, familyName] of [[AddressSet.ALL_V4, 'IPv4'], [AddressSet.ALL_V6, 'IPv6']] as const) {
    const familyPart = whole.intersect(family);
    if (!familyPart.isEmpty() && part.equals(familyPart) && !familyPart.equals(whole)) {
      const text = familyPart.toCidrs().length <= 2 ? `${familyPart.describe()} of ${name}` : `every ${familyName} address of ${name}`;
      return { text, mostly: true };
    }
  }
  const rest = whole.subtract(part);
  if (rest.toCidrs().length < part.toCidrs().length) return { text: `${wholeLabel} except ${rest.describe(4)}`, mostly: true };
  return { text: part.describe(), mostly: false };
}

function flowPorts(protocol: FlowProtocol, ports: PortSet): string {
  return `${protocol}/${ports.describe()}`;
}

function fixFor(layer: FilterLayer, hop: 'ingress' | 'egress', w: FlowWording, gap: FlowGap, everything: boolean): string {
  const from = everything ? w.fromLabel : gap.uncovered.toCidrs().join(', ');
  const ports = gap.ports.toRanges().map(([a, b]) => (a === b ? String(a) : `"${a}-${b}"`));
  const fix = layer.fix;
  if (fix?.kind === 'topology') {
    const fromYaml = everything ? w.fromLabel : gap.uncovered.toCidrs().length === 1 ? gap.uncovered.toCidrs()[0] : `[${gap.uncovered.toCidrs().join(', ')}]`;
    return `add to the firewall of environment "${fix.environment}": - { from: ${fromYaml}, to: ${w.toLabel}, protocol: ${w.protocol}, ports: [${ports.join(', ')}] }`;
  }
  if (fix?.kind === 'resource') {
    return hop === 'ingress'
      ? `add ${fix.rule} to ${fix.address} allowing ${flowPorts(w.protocol, gap.ports)} from ${from}`
      : `add ${fix.rule} to ${fix.address} allowing ${flowPorts(w.protocol, gap.ports)} to ${w.target.name}`;
  }
  return hop === 'ingress'
    ? `allow ${flowPorts(w.protocol, gap.ports)} from ${from} in ${layer.name}`
    : `allow ${flowPorts(w.protocol, gap.ports)} out to ${w.target.name} in ${layer.name}`;
}

function describeGap(w: FlowWording, gap: FlowGap): string {
  const need = possibleAddresses(w.source);
  const subset = describeSubset(gap.uncovered, need, describeSourceAddresses(w.source), w.source.name);
  const everything = subset.mostly;
  const what = gap.uncovered.equals(need) || subset.mostly ? subset.text : `${subset.text} of ${w.source.name}`;
  const ports = flowPorts(w.protocol, gap.ports);
  const blocked = gap.blockedAt.length > 0 ? gap.blockedAt : [];
  const reasons = blocked.map((b) => {
    const denied = b.deniedBy.length > 0 ? `denied by ${describeOrigins(b.deniedBy)}` : `no rule allows it`;
    return b.hop === 'egress' ? `the egress of ${w.source.name} (${b.layer.name}): ${denied}` : `${b.layer.name}: ${denied}`;
  });
  const first = blocked[0];
  const fix = first ? ` Fix: ${fixFor(first.layer, first.hop, w, gap, everything)}.` : '';
  return `${what} cannot reach ${w.target.name} on ${ports}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}.${fix}`;
}

export function requiredFlowMessage(w: FlowWording, v: FlowVerdict): string {
  const ports = flowPorts(w.protocol, w.ports);
  switch (v.status) {
    case 'pass':
      return v.allowedBy.length > 0
        ? `${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}: allowed by ${describeOrigins(v.allowedBy)}.`
        : `${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}: nothing filters this traffic.`;
    case 'fail':
      return v.gaps.map((g) => describeGap(w, g)).join(' ');
    default:
      return `Cannot decide whether ${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}: ${v.unknowns.join('; ')}.`;
  }
}

export function forbiddenFlowMessage(w: FlowWording, v: FlowVerdict, everythingLabel: string): string {
  const ports = flowPorts(w.protocol, w.ports);
  switch (v.status) {
    case 'pass':
      return `${w.target.name} does not accept ${ports} from ${w.source.name}.`;
    case 'fail': {
      const need = possibleAddresses(w.source);
      const parts = v.exposed.map((e) => `${flowPorts(w.protocol, e.ports)} from ${describeSubset(e.addresses, need, everythingLabel, w.source.name).text}`);
      if (v.allowedBy.length === 0) {
        return `${w.target.name} accepts ${parts.join('; ')}: nothing filters this traffic (no firewall, security group or NSG applies to it). Fix: put a filter in front of ${w.target.name} that does not open these ports to ${w.source.name}.`;
      }
      return `${w.target.name} accepts ${parts.join('; ')}: allowed by ${describeOrigins(v.allowedBy)}. Fix: restrict these rules to the addresses that need them, or remove them.`;
    }
    default:
      return `Cannot decide whether ${w.target.name} accepts ${ports} from ${w.source.name}: ${v.unknowns.join('; ')}.`;
  }
}
