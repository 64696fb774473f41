import type { Endpoint, FilterLayer, FlowProtocol, LoadBalancer, Origin } from '../model.js';
import { AddressSet } from '../net/cidr.js';
import { PortSet } from '../net/ports.js';
import { answeringListener, fronting, preservesClientAddress } from './balancer-paths.js';
import type { BalancerPath } from './balancer-paths.js';
import { EPHEMERAL_PORTS, possibleAddresses, reachOnPort } from './reach.js';
import type { FlowSource, Hop } from './reach.js';
import { requiredAddresses } from './verdict.js';
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
  /** The environment's balancers, where the source may come in through them (a client). */
  balancers?: readonly LoadBalancer[];
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

/** One opening to propose: what it connects, in the words of the policy or the hop. */
interface ProposedOpening {
  /** How the source is written in a topology opening (a name, role:x, or CIDRs). */
  from: string;
  /** The same in prose for a cloud rule. */
  fromText: string;
  /** The source's AWS security groups, which a security group rule can name as its source. */
  fromGroups?: readonly string[];
  to: string;
  toName: string;
  protocol: FlowProtocol;
  ports: PortSet;
}

function fixFor(layer: FilterLayer, hop: Hop, o: ProposedOpening): string {
  if (hop === 'response-egress' || hop === 'response-ingress') return responseFixFor(layer, hop, o);
  const ports = o.ports.toRanges().map(([a, b]) => (a === b ? String(a) : `"${a}-${b}"`));
  const fix = layer.fix;
  if (fix?.kind === 'advice') return fix.text;
  if (fix?.kind === 'topology') {
    return `add to the firewall of environment "${fix.environment}": - { from: ${o.from}, to: ${o.to}, protocol: ${o.protocol}, ports: [${ports.join(', ')}] }`;
  }
  if (fix?.kind === 'resource') {
    // A security group rule cannot say `role:front-end`: the source's own groups can be its source.
    const groups = o.fromGroups && o.fromGroups.length > 0 && layer.name.startsWith('security group') ? ` (its security group${o.fromGroups.length === 1 ? '' : 's'} ${o.fromGroups.join(', ')})` : '';
    return hop === 'ingress'
      ? `add ${fix.rule} to ${fix.address} allowing ${flowPorts(o.protocol, o.ports)} from ${o.fromText}${groups}`
      : `add ${fix.rule} to ${fix.address} allowing ${flowPorts(o.protocol, o.ports)} to ${o.toName}`;
  }
  return hop === 'ingress'
    ? `allow ${flowPorts(o.protocol, o.ports)} from ${o.fromText} in ${layer.name}`
    : `allow ${flowPorts(o.protocol, o.ports)} out to ${o.toName} in ${layer.name}`;
}

/** A stateless filter that drops the responses: open the client's ephemeral ports back to the source (or from the target). */
function responseFixFor(layer: FilterLayer, hop: 'response-egress' | 'response-ingress', o: ProposedOpening): string {
  const ports = flowPorts(o.protocol, EPHEMERAL_PORTS);
  const fix = layer.fix;
  if (fix?.kind === 'advice') return fix.text;
  if (hop === 'response-egress') return fix?.kind === 'resource' ? `add ${fix.rule} to ${fix.address} allowing ${ports} to ${o.fromText} (the responses)` : `allow ${ports} out to ${o.fromText} in ${layer.name} (the responses)`;
  return fix?.kind === 'resource' ? `add ${fix.rule} to ${fix.address} allowing ${ports} from ${o.toName} (the responses)` : `allow ${ports} from ${o.toName} in ${layer.name} (the responses)`;
}

function blockReasons(blocks: FlowGap['blockedAt'], sourceName: string, targetName: string): string[] {
  return blocks.map((b) => {
    const denied = b.deniedBy.length > 0 ? `denied by ${describeOrigins(b.deniedBy)}` : 'no rule allows it';
    switch (b.hop) {
      case 'egress':
        return `the egress of ${sourceName} (${b.layer.name}): ${denied}`;
      case 'response-egress':
        return `the responses of ${targetName} to ${sourceName}'s ephemeral port, out through ${b.layer.name}, which is stateless: ${denied}`;
      case 'response-ingress':
        return `the responses of ${targetName} to ${sourceName}'s ephemeral port, back in through ${b.layer.name}, which is stateless: ${denied}`;
      default:
        return `${b.layer.name}: ${denied}`;
    }
  });
}

/** How one balancer path fails, and the opening that would mend it. */
function describePath(w: FlowWording, path: BalancerPath, sourceFrom: string, sourceText: string): { text: string; fix?: string } {
  const lb = path.balancer.name;
  const { port, targetPort } = path.listener;
  const name = `through ${lb} (listener ${w.protocol}/${port} to ${w.target.name}:${targetPort})`;
  const access = path.balancer.controlPlane;
  if (path.controlPlane && access && path.controlPlane.status !== 'pass') {
    // The balancer itself does not run: nothing gets through it, whatever the other hops.
    const fails = path.controlPlane.status === 'fail';
    const sender = access.source.name;
    const reasons = fails ? blockReasons(path.controlPlane.blocks, sender, lb) : path.controlPlane.unknowns;
    const first = path.controlPlane.blocks[0];
    const ports = flowPorts(access.protocol, access.ports);
    return {
      text: `${name}, ${sender} ${fails ? 'cannot' : 'may not'} reach ${lb} on ${ports}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}, and ${access.why}`,
      fix: first ? fixFor(first.layer, first.hop, { from: sender, fromText: sender, to: lb, toName: lb, protocol: access.protocol, ports: access.ports }) : undefined,
    };
  }
  if (path.front.status !== 'pass') {
    const reasons = path.front.status === 'fail' ? blockReasons(path.front.blocks, w.source.name, lb) : path.front.unknowns;
    const first = path.front.blocks[0];
    return {
      text: `${name}, ${w.source.name} ${path.front.status === 'fail' ? 'cannot' : 'may not'} reach ${lb} on ${w.protocol}/${port}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}`,
      fix: first ? fixFor(first.layer, first.hop, { from: sourceFrom, fromText: sourceText, to: lb, toName: lb, protocol: w.protocol, ports: PortSet.of(port) }) : undefined,
    };
  }
  // The health probe blocked too (or alone): the balancer marks the target down.
  const probed = probeFailure(w, path);
  if (path.back.status === 'pass' && probed) return { text: `${name}, ${w.source.name} reaches ${lb} but ${probed.text}`, fix: probed.fix };
  const preserves = preservesClientAddress(path.balancer, path.listener);
  const from = preserves ? sourceFrom : lb;
  const fromText = preserves ? sourceText : lb;
  const reasons = path.back.status === 'fail' ? blockReasons(path.back.blocks, lb, w.target.name) : path.back.unknowns;
  const first = path.back.blocks[0];
  const fix = first ? fixFor(first.layer, first.hop, { from, fromText, to: w.toLabel, toName: w.target.name, protocol: w.protocol, ports: PortSet.of(targetPort) }) : undefined;
  const fixes = [fix, probed?.fix].filter((f): f is string => f !== undefined);
  return {
    text: `${name}, ${w.source.name} reaches ${lb} but ${preserves ? `${w.source.name}'s traffic` : lb} ${path.back.status === 'fail' ? 'cannot' : 'may not'} reach ${w.target.name} on ${w.protocol}/${targetPort}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}${probed ? `, and ${probed.text}` : ''}`,
    fix: fixes.length > 0 ? [...new Set(fixes)].join('; and ') : undefined,
  };
}

/** A health probe of the path that is (or may be) blocked: what it means, and the opening for its sender. */
function probeFailure(w: FlowWording, path: BalancerPath): { text: string; fix?: string } | undefined {
  const probe = path.listener.healthProbe;
  if (!probe || !path.probe || path.probe.status === 'pass') return undefined;
  const lb = path.balancer.name;
  const sender = probe.source.name;
  const fails = path.probe.status === 'fail';
  const reasons = fails ? blockReasons(path.probe.blocks, sender, w.target.name) : path.probe.unknowns;
  const first = path.probe.blocks[0];
  return {
    text: `its health probe ${probe.name} from ${sender} ${fails ? 'cannot' : 'may not'} reach ${w.target.name}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}, so ${lb} ${fails ? 'marks' : 'may mark'} it down and sends it no new connections`,
    fix: first ? fixFor(first.layer, first.hop, { from: sender, fromText: sender, to: w.toLabel, toName: w.target.name, protocol: probe.protocol, ports: PortSet.of(probe.port) }) : undefined,
  };
}

/** Why IPv6 addresses cannot reach a target directly (see hasNoIpv6), and the fix. */
function noIpv6(target: Endpoint & { resource?: unknown }, opening: string): { reason: string; fix: string } {
  const topology = target.resource === undefined;
  return {
    reason: topology ? `${target.name} lists no IPv6 address in the topology` : `${target.name} has no IPv6 address`,
    fix: `${topology ? `if ${target.name} has an IPv6 address, add it to its \`addresses:\`` : `give ${target.name} an IPv6 address`} (and open ${opening} where no rule does), or bring these clients in through a dual-stack load balancer`,
  };
}

/**
 * A balancer already in front of the target, where none forwards on the missing ports: its
 * listener there answers itself (an HTTP-to-HTTPS redirect), or it has none. Opening the
 * target directly would bypass it, so the fix names the balancer first.
 */
function frontDoor(w: FlowWording, ports: PortSet, source: { from: string; fromText: string }): { text?: string; fix: (direct: string | undefined) => string } | undefined {
  const balancers = fronting(w.balancers ?? [], w.target, w.protocol);
  if (balancers.length === 0) return undefined;
  const wanted = flowPorts(w.protocol, ports);
  const answering = answeringListener(balancers, ports);
  if (answering) {
    const { balancer: lb, listener: l } = answering;
    const at = `${lb.name}'s listener on ${w.protocol}/${l.port} (${l.location.file}:${l.location.line})`;
    return {
      text: `${at} ${l.answers} and forwards to no server`,
      fix: () => `forward that listener to ${w.target.name} (a direct opening would bypass ${lb.name}), or, where what it does (${l.answers}) is what this policy asks for, waive this finding`,
    };
  }
  const names = balancers.map((b) => b.name).join(', ');
  // A listener alone is not enough where the balancer's own filters keep the clients out: name those fixes too.
  const port = ports.toRanges()[0][0];
  const opens = balancers.flatMap((lb) => {
    // Worked out only here, for a failing pair's message.
    const reach = reachOnPort(w.source, lb, w.protocol, port);
    return reach.blocks.map((b) => fixFor(b.layer, b.hop, { from: source.from, fromText: source.fromText, to: lb.name, toName: lb.name, protocol: w.protocol, ports }));
  });
  const listener = `add a listener on ${wanted} to ${names} forwarding to ${w.target.name}${opens.length > 0 ? ` (and ${[...new Set(opens)].join('; and ')})` : ''}`;
  return { fix: (direct) => `${listener}${direct ? `, or ${direct}` : ''}` };
}

function describeGap(w: FlowWording, gap: FlowGap): string {
  const need = requiredAddresses(w.source, w.target);
  const subset = describeSubset(gap.uncovered, need, describeSourceAddresses(w.source), w.source.name);
  const what = gap.uncovered.equals(need) || subset.mostly ? subset.text : `${subset.text} of ${w.source.name}`;
  const cidrs = gap.uncovered.toCidrs();
  const sourceFrom = subset.mostly ? w.fromLabel : cidrs.length === 1 ? cidrs[0] : `[${cidrs.join(', ')}]`;
  const sourceText = subset.mostly ? w.fromLabel : cidrs.join(', ');
  const v6 = gap.noIpv6 ? noIpv6(w.target, `${flowPorts(w.protocol, gap.ports)} to it from ${sourceText}`) : undefined;
  const direct = v6 ? [v6.reason] : blockReasons(gap.blockedAt, w.source.name, w.target.name);
  const paths = gap.paths.map((p) => describePath(w, p, sourceFrom, sourceText));
  const reasons = paths.length > 0 ? [`directly: ${direct.join('; ') || 'blocked'}`, ...paths.map((p) => p.text)] : direct;
  // With a balancer in front of the target, the fix belongs on the balancer path, not a direct opening.
  // Every layer that blocks needs its fix: one at a time would take a run per layer.
  const fromGroups = subset.mostly && w.source.kind === 'server' ? w.source.identities.filter((i) => i.startsWith('sg:')).map((i) => i.slice(3)) : undefined;
  const opening = { from: sourceFrom, fromText: sourceText, fromGroups, to: w.toLabel, toName: w.target.name, protocol: w.protocol, ports: gap.ports };
  const fixes = [...new Set(gap.blockedAt.map((b) => fixFor(b.layer, b.hop, opening)))];
  const directFix = v6 ? v6.fix : fixes.length > 0 ? fixes.join('; and ') : undefined;
  const front = paths.length === 0 ? frontDoor(w, gap.ports, { from: sourceFrom, fromText: sourceText }) : undefined;
  const why = front?.text ? [...reasons, front.text] : reasons;
  const fix = paths.find((p) => p.fix)?.fix ?? front?.fix(directFix) ?? directFix;
  return `${what} cannot reach ${w.target.name} on ${flowPorts(w.protocol, gap.ports)}${why.length > 0 ? ` (${why.join('; ')})` : ''}.${fix ? ` Fix: ${fix}.` : ''}`;
}

export function requiredFlowMessage(w: FlowWording, v: FlowVerdict): string {
  const ports = flowPorts(w.protocol, w.ports);
  switch (v.status) {
    case 'pass':
      return v.allowedBy.length > 0
        ? `${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}${v.through.length > 0 ? ` through ${v.through.join(', ')}` : ''}: allowed by ${describeOrigins(v.allowedBy, 4)}.`
        : `${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}: nothing filters this traffic.`;
    case 'fail':
      return v.gaps.map((g) => describeGap(w, g)).join(' ');
    default: {
      // A balancer path the source gets into but that certainly carries none of it further
      // (its back hop, probe or platform access): say so, with its fix, as for a failure. A
      // balancer it cannot get into at all (an internal one, fronted by another the plan
      // does not follow) is no lead worth a fix.
      const blocked = (v.blockedPaths ?? []).filter((p) => p.front.status === 'pass').map((p) => describePath(w, p, w.fromLabel, w.fromLabel));
      const fix = blocked.find((p) => p.fix)?.fix;
      const also = blocked.length > 0 ? `; and ${blocked.map((p) => p.text).join('; ')}` : '';
      return `Cannot decide whether ${describeSourceAddresses(w.source)} reaches ${w.target.name} on ${ports}: ${v.unknowns.join('; ')}${also}.${fix ? ` Fix: ${fix}.` : ''}`;
    }
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
      const through = v.through.length > 0 ? ` (through ${v.through.join(', ')})` : '';
      if (v.allowedBy.length === 0) {
        return `${w.target.name} accepts ${parts.join('; ')}${through}: nothing filters this traffic (no firewall, security group or NSG applies to it). Fix: put a filter in front of ${w.target.name} that does not open these ports to ${w.source.name}.`;
      }
      return `${w.target.name} accepts ${parts.join('; ')}${through}: allowed by ${describeOrigins(v.allowedBy)}. Fix: restrict these rules to the addresses that need them, or remove them.`;
    }
    default:
      return `Cannot decide whether ${w.target.name} accepts ${ports} from ${w.source.name}: ${v.unknowns.join('; ')}.`;
  }
}
