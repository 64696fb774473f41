import { describe, expect, it } from 'vitest';
import { AddressSet } from '../src/core/net/cidr.js';
import { PortSet } from '../src/core/net/ports.js';
import { reachOnPorts } from '../src/core/flow/reach.js';
import { forbiddenFlowVerdict, requiredFlowVerdict } from '../src/core/flow/verdict.js';
import type { FilterLayer, FlowProtocol, Rule } from '../src/core/model.js';
import { client, endpoint, layer, rule, serverSource } from './helpers/model-builders.js';

function required(src: ReturnType<typeof client>, ingress: FilterLayer[], ports: PortSet, protocol: FlowProtocol = 'tcp', egress: FilterLayer[] = []) {
  const target = endpoint('fe-1', ['10.0.2.11'], { ingress });
  return requiredFlowVerdict({ ...src, egress: egress.length > 0 ? egress : src.egress }, reachOnPorts({ ...src, egress: egress.length > 0 ? egress : src.egress }, target, protocol, ports));
}

describe('required flow: exact coverage', () => {
  const endUsers = client('end-users', ['0.0.0.0/0', '::/0']);
  const cases: Array<{ name: string; rules: Rule[]; status: string; uncovered?: string[] }> = [
    { name: 'one opening for both families', rules: [rule('allow', ['0.0.0.0/0', '::/0'], [443, 443])], status: 'pass' },
    { name: 'IPv4 only leaves ::/0', rules: [rule('allow', ['0.0.0.0/0'], [443, 443])], status: 'fail', uncovered: ['::/0'] },
    { name: 'two halves together cover', rules: [rule('allow', ['0.0.0.0/1'], [443, 443]), rule('allow', ['128.0.0.0/1', '::/0'], [443, 443])], status: 'pass' },
    { name: 'one half misses the other half', rules: [rule('allow', ['0.0.0.0/1', '::/0'], [443, 443])], status: 'fail', uncovered: ['128.0.0.0/1'] },
    { name: 'a range covering the port', rules: [rule('allow', ['0.0.0.0/0', '::/0'], [400, 500])], status: 'pass' },
    { name: 'a range stopping just short', rules: [rule('allow', ['0.0.0.0/0', '::/0'], [400, 442])], status: 'fail', uncovered: ['0.0.0.0/0', '::/0'] },
    { name: 'udp never satisfies tcp', rules: [rule('allow', ['0.0.0.0/0', '::/0'], [443, 443], { protocol: 'udp' })], status: 'fail' },
    { name: 'all covers tcp', rules: [rule('allow', ['0.0.0.0/0', '::/0'], 'all', { protocol: 'all' })], status: 'pass' },
    { name: 'nothing opened', rules: [], status: 'fail', uncovered: ['0.0.0.0/0', '::/0'] },
  ];
  it.each(cases)('$name -> $status', ({ rules, status, uncovered }) => {
    const v = required(endUsers, [layer(rules)], PortSet.of(443));
    expect(v.status).toBe(status);
    if (uncovered) expect(v.gaps.flatMap((g) => g.uncovered.toCidrs())).toEqual(uncovered);
  });

  it('reports each port that is missing, merged where the story is the same', () => {
    const v = required(client('dev', ['198.51.100.0/24']), [layer([rule('allow', ['198.51.100.0/24'], [80, 80])])], PortSet.of(80, 443, 8443));
    expect(v.status).toBe('fail');
    expect(v.gaps.map((g) => g.ports.describe())).toEqual(['443, 8443']);
  });

  it('a pass names the rules that allow it', () => {
    const v = required(client('dev', ['198.51.100.0/24']), [layer([rule('allow', ['198.51.100.0/25'], [443, 443]), rule('allow', ['198.51.100.128/25'], [443, 443])])], PortSet.of(443));
    expect(v.status).toBe('pass');
    expect(v.allowedBy.map((o) => o.label)).toEqual(['allow 198.51.100.0/25 443-443', 'allow 198.51.100.128/25 443-443']);
  });
});

describe('priorities and deny (first match)', () => {
  const office = client('office', ['203.0.113.0/24']);
  it('a deny with a lower priority number wins over a later allow', () => {
    const v = required(office, [layer([rule('allow', ['0.0.0.0/0'], [443, 443], { priority: 200 }), rule('deny', ['203.0.113.128/25'], [443, 443], { priority: 100 })])], PortSet.of(443));
    expect(v.status).toBe('fail');
    expect(v.gaps[0].uncovered.toCidrs()).toEqual(['203.0.113.128/25']);
    expect(v.gaps[0].blockedAt[0].deniedBy.map((o) => o.label)).toEqual(['deny 203.0.113.128/25 443-443']);
  });
  it('an allow with a lower number wins over a later deny', () => {
    const v = required(office, [layer([rule('allow', ['203.0.113.0/24'], [443, 443], { priority: 100 }), rule('deny', ['0.0.0.0/0'], 'all', { priority: 200, protocol: 'all' })])], PortSet.of(443));
    expect(v.status).toBe('pass');
  });
  it('at equal priority deny is evaluated first', () => {
    const v = required(office, [layer([rule('allow', ['203.0.113.0/24'], [443, 443], { priority: 100 }), rule('deny', ['203.0.113.0/24'], [443, 443], { priority: 100 })])], PortSet.of(443));
    expect(v.status).toBe('fail');
  });
  it('a default-allow layer lets through what no rule denies', () => {
    const v = required(office, [layer([rule('deny', ['203.0.113.0/25'], [443, 443])], { defaultAction: 'allow' })], PortSet.of(443));
    expect(v.status).toBe('fail');
    expect(v.gaps[0].uncovered.toCidrs()).toEqual(['203.0.113.0/25']);
  });
  it('every layer must allow (subnet NSG and NIC NSG)', () => {
    const open = layer([rule('allow', ['0.0.0.0/0'], [443, 443])], { name: 'subnet' });
    const closed = layer([], { name: 'nic' });
    const v = required(office, [open, closed], PortSet.of(443));
    expect(v.status).toBe('fail');
    expect(v.gaps[0].blockedAt.map((b) => b.layer.name)).toEqual(['nic']);
  });
});

describe('unknown until apply: bounds, never a pass', () => {
  const office = client('office', ['203.0.113.0/24']);
  it('an unresolved allow rule makes an otherwise failing flow unknown', () => {
    const v = required(office, [layer([rule('allow', { unknown: 'source_security_group_id of aws_security_group_rule.x is unknown until apply' }, [443, 443])])], PortSet.of(443));
    expect(v.status).toBe('unknown');
    expect(v.unknowns).toEqual(['source_security_group_id of aws_security_group_rule.x is unknown until apply']);
  });
  it('an unresolved allow rule does not spoil a flow already allowed', () => {
    const v = required(office, [layer([rule('allow', ['0.0.0.0/0'], [443, 443]), rule('allow', { unknown: 'x' }, [443, 443])])], PortSet.of(443));
    expect(v.status).toBe('pass');
  });
  it('an unresolved deny rule before the allow makes it unknown', () => {
    const v = required(office, [layer([rule('deny', { unknown: 'deny source unknown' }, [443, 443], { priority: 1 }), rule('allow', ['0.0.0.0/0'], [443, 443], { priority: 2 })])], PortSet.of(443));
    expect(v.status).toBe('unknown');
  });
  it('unknown ports on an allow rule that could cover', () => {
    const v = required(office, [layer([rule('allow', ['0.0.0.0/0'], [1, 1], { portsUnknown: 'from_port is unknown' })])], PortSet.of(443));
    expect(v.status).toBe('unknown');
  });
  it('a layer that cannot be known at all', () => {
    const v = required(office, [layer([], { unknown: 'no firewall declared' })], PortSet.of(443));
    expect(v.status).toBe('unknown');
    expect(v.unknowns).toEqual(['no firewall declared']);
  });
  it('a definite gap on one port wins over unknown on another', () => {
    const v = required(office, [layer([rule('allow', { unknown: 'x' }, [80, 80])])], PortSet.of(80, 443));
    expect(v.status).toBe('fail');
    expect(v.gaps[0].ports.describe()).toBe('443');
  });
});

describe('server sources: identities, addresses, egress', () => {
  const db = (ingress: FilterLayer[]) => endpoint('db', ['10.0.3.5'], { ingress });
  it('a rule naming the source by identity covers it whatever its address', () => {
    const fe = serverSource(endpoint('fe-1', [], { identities: ['role:front-end'] }));
    const v = requiredFlowVerdict(fe, reachOnPorts(fe, db([layer([rule('allow', { identities: ['role:front-end'] }, [1433, 1433])])]), 'tcp', PortSet.of(1433)));
    expect(v.status).toBe('pass');
  });
  it('an address known only as a subnet: covered by the whole subnet -> pass', () => {
    const fe = serverSource({ ...endpoint('fe-1', ['10.0.2.0/24']), addressesExact: false });
    const v = requiredFlowVerdict(fe, reachOnPorts(fe, db([layer([rule('allow', ['10.0.0.0/16'], [1433, 1433])])]), 'tcp', PortSet.of(1433)));
    expect(v.status).toBe('pass');
  });
  it('an address known only as a subnet: half of it allowed -> unknown', () => {
    const fe = serverSource({ ...endpoint('fe-1', ['10.0.2.0/24']), addressesExact: false });
    const v = requiredFlowVerdict(fe, reachOnPorts(fe, db([layer([rule('allow', ['10.0.2.0/25'], [1433, 1433])])]), 'tcp', PortSet.of(1433)));
    expect(v.status).toBe('unknown');
  });
  it('an address known only as a subnet: none of it allowed -> fail', () => {
    const fe = serverSource({ ...endpoint('fe-1', ['10.0.2.0/24']), addressesExact: false });
    const v = requiredFlowVerdict(fe, reachOnPorts(fe, db([layer([rule('allow', ['10.0.9.0/24'], [1433, 1433])])]), 'tcp', PortSet.of(1433)));
    expect(v.status).toBe('fail');
  });
  it('egress of the source must let the flow out', () => {
    const open = db([layer([rule('allow', ['10.0.0.0/8'], [1433, 1433])])]);
    const noEgress = serverSource(endpoint('fe-1', ['10.0.2.11'], { egress: [layer([], { name: 'egress of fe-1' })] }));
    const v = requiredFlowVerdict(noEgress, reachOnPorts(noEgress, open, 'tcp', PortSet.of(1433)));
    expect(v.status).toBe('fail');
    expect(v.gaps[0].blockedAt.map((b) => [b.hop, b.layer.name])).toEqual([['egress', 'egress of fe-1']]);
    const withEgress = serverSource(endpoint('fe-1', ['10.0.2.11'], { egress: [layer([rule('allow', ['10.0.3.0/24'], [1433, 1433])])] }));
    expect(requiredFlowVerdict(withEgress, reachOnPorts(withEgress, open, 'tcp', PortSet.of(1433))).status).toBe('pass');
  });
  it('a server with no IPv6 address reaches a dual-stack one over IPv4: its egress need not let out the IPv6 address (was a false fail)', () => {
    const ctl = { ...endpoint('ctl-1', ['10.0.1.20', '2001:db8::10'], { ingress: [layer([rule('allow', ['10.0.0.0/8', '2001:db8::/32'], [12000, 12000])])] }), kind: 'server' as const };
    const status = (addresses: string[], egressTo: string[]) => {
      const fe = serverSource(endpoint('fe-1', addresses, { egress: [layer([rule('allow', egressTo, 'all')], { name: 'egress of fe-1' })] }));
      return requiredFlowVerdict(fe, reachOnPorts(fe, ctl, 'tcp', PortSet.of(12000)), ctl).status;
    };
    expect(status(['10.0.1.10'], ['0.0.0.0/0'])).toBe('pass');
    // It still needs the IPv4 address let out.
    expect(status(['10.0.1.10'], ['::/0'])).toBe('fail');
    // A source with both families may use either: both must get out.
    expect(status(['10.0.1.10', '2001:db8::5'], ['0.0.0.0/0'])).toBe('fail');
    expect(status(['10.0.1.10', '2001:db8::5'], ['0.0.0.0/0', '::/0'])).toBe('pass');
  });
  it('a rule narrowed to another destination does not apply (Azure destination prefix)', () => {
    const narrowed = rule('allow', ['10.0.0.0/8'], [1433, 1433], { local: { addresses: AddressSet.of('10.0.9.9'), identities: [], label: '10.0.9.9' } });
    const fe = serverSource(endpoint('fe-1', ['10.0.2.11']));
    expect(requiredFlowVerdict(fe, reachOnPorts(fe, db([layer([narrowed])]), 'tcp', PortSet.of(1433))).status).toBe('fail');
    const matching = rule('allow', ['10.0.0.0/8'], [1433, 1433], { local: { addresses: AddressSet.of('10.0.3.0/24'), identities: [], label: '10.0.3.0/24' } });
    expect(requiredFlowVerdict(fe, reachOnPorts(fe, db([layer([matching])]), 'tcp', PortSet.of(1433))).status).toBe('pass');
  });
});

describe('a layer several ends share', () => {
  const fe = serverSource(endpoint('fe-1', ['10.0.2.11']));
  const status = (target: ReturnType<typeof endpoint>, options: { exposure?: boolean } = {}) =>
    options.exposure ? forbiddenFlowVerdict(fe, reachOnPorts(fe, target, 'tcp', PortSet.of(1433), { exposure: true })).status : requiredFlowVerdict(fe, reachOnPorts(fe, target, 'tcp', PortSet.of(1433))).status;

  it('answers each end on its own where a rule reads the end it is attached to', () => {
    const shared = layer([rule('allow', ['10.0.0.0/8'], [1433, 1433], { local: { addresses: AddressSet.of('10.0.3.0/24'), identities: [], label: '10.0.3.0/24' } })]);
    const inRange = endpoint('db-1', ['10.0.3.5'], { ingress: [shared] });
    const outside = endpoint('db-2', ['10.0.9.5'], { ingress: [shared] });
    // Asked in turn, over and over: an answer kept for one end must not serve the other.
    for (let i = 0; i < 3; i++) expect([status(inRange), status(outside), status(inRange)]).toEqual(['pass', 'fail', 'pass']);
  });

  it('keeps the answers for a required flow and for an exposure apart (filters that apply to some connections each)', () => {
    // One of two filters applies to each connection: a flow always gets through neither
    // way, yet it can get in through the first.
    const shared = layer([], { alternatives: [layer([rule('allow', ['10.0.2.0/24'], [1433, 1433])]), layer([])], alternativesApply: 'each' });
    const [t1, t2] = [1, 2].map((i) => endpoint(`db-${i}`, [`10.0.3.${i}`], { ingress: [shared] }));
    expect([status(t1), status(t2), status(t1, { exposure: true }), status(t2, { exposure: true })]).toEqual(['fail', 'fail', 'fail', 'fail']);
    expect(forbiddenFlowVerdict(fe, reachOnPorts(fe, t2, 'tcp', PortSet.of(1433), { exposure: true })).exposed.length).toBeGreaterThan(0);
  });

  it('keeps one answer per remote end and question: required and exposure, and each remote end, apart', () => {
    const shared = layer([rule('allow', ['10.0.2.0/24'], [1433, 1433])]);
    const targets = [1, 2, 3].map((i) => endpoint(`db-${i}`, [`10.0.3.${i}`], { ingress: [shared] }));
    const other = serverSource(endpoint('ops', ['10.0.9.9']));
    for (const t of targets) {
      expect(status(t)).toBe('pass');
      expect(status(t, { exposure: true })).toBe('fail');
      expect(requiredFlowVerdict(other, reachOnPorts(other, t, 'tcp', PortSet.of(1433))).status).toBe('fail');
      expect(requiredFlowVerdict(fe, reachOnPorts(fe, t, 'tcp', PortSet.of(1434))).status).toBe('fail');
    }
  });
});

describe('forbidden flow', () => {
  const internet = client('internet', ['0.0.0.0/0']);
  const target = (rules: Rule[]) => endpoint('ctl-1', ['10.0.1.10'], { ingress: [layer(rules)] });
  it('fails when some of the source gets through and names it', () => {
    const v = forbiddenFlowVerdict(internet, reachOnPorts(internet, target([rule('allow', ['0.0.0.0/0'], [12000, 12002])]), 'tcp', PortSet.of(12000, 12102)));
    expect(v.status).toBe('fail');
    expect(v.exposed.map((e) => e.ports.describe())).toEqual(['12000']);
  });
  it('passes when only private ranges are open', () => {
    const publicOnly = client('internet', ['8.0.0.0/8']);
    const v = forbiddenFlowVerdict(publicOnly, reachOnPorts(publicOnly, target([rule('allow', ['10.0.0.0/8'], [12000, 12002])]), 'tcp', PortSet.of(12000)));
    expect(v.status).toBe('pass');
  });
  it('is unknown when an unresolved rule may open it', () => {
    const v = forbiddenFlowVerdict(internet, reachOnPorts(internet, target([rule('allow', { unknown: 'cidr_blocks unknown' }, [12000, 12000])]), 'tcp', PortSet.of(12000)));
    expect(v.status).toBe('unknown');
  });
});

describe('the flow caches kept on model objects', () => {
  const office = client('office', ['203.0.113.0/24']);
  const build = () => layer([rule('allow', ['203.0.113.0/25'], [443, 443]), rule('deny', ['203.0.113.0/24'], [443, 443], { priority: 100 })]);

  it('leave the model as it was: no enumerable key, equal to an untouched copy', () => {
    const used = build();
    required(office, [used], PortSet.of(443));
    expect(Object.keys(used)).toEqual(Object.keys(build()));
    expect(used).toEqual(build());
    // The cache is there (so this test means something), hidden from enumeration.
    const keys = Object.getOwnPropertySymbols(used);
    expect(keys).toHaveLength(1);
    expect(Object.getOwnPropertyDescriptor(used, keys[0])?.enumerable).toBe(false);
  });

  it('answer the same on a frozen model, and the same on every call', () => {
    const frozen = Object.freeze(build());
    const target = Object.freeze(endpoint('fe-1', ['10.0.2.11'], { ingress: [frozen] }));
    const src = Object.freeze({ ...office });
    const ask = () => requiredFlowVerdict(src, reachOnPorts(src, target, 'tcp', PortSet.of(443, 8443)));
    const first = ask();
    expect(first.status).toBe('fail');
    expect(ask()).toEqual(first);
    expect(first).toEqual(required(office, [build()], PortSet.of(443, 8443)));
  });

  it('share port sets without changing what they are', () => {
    expect(PortSet.range(443, 443)).toBe(PortSet.of(443));
    expect(PortSet.range(80, 90).describe()).toBe('80-90');
    expect(PortSet.range(90, 80).isEmpty()).toBe(true);
    expect(PortSet.range(0, 65535).equals(PortSet.ALL)).toBe(true);
  });
});

describe('port segments', () => {
  // Reference: a port's behaviour is the set of rules whose ranges hold it, per layer; a
  // segment is a maximal run of asked ports with the same behaviour at every boundary.
  function naiveSegments(layers: FilterLayer[], ports: PortSet): string[] {
    const cuts = new Set<number>();
    for (const l of layers) for (const r of l.rules) if (r.protocol === 'all' || r.protocol === 'tcp') for (const [a, b] of r.ports.toRanges()) cuts.add(a).add(b + 1);
    const out: string[] = [];
    for (const [from, to] of ports.toRanges()) {
      let start = from;
      for (let p = from + 1; p <= to; p++) {
        if (cuts.has(p)) {
          out.push(`${start}-${p - 1}`);
          start = p;
        }
      }
      out.push(`${start}-${to}`);
    }
    return out;
  }

  it('split asked ranges exactly where any rule on either end starts or stops, as a port-by-port walk does', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
    for (let trial = 0; trial < 200; trial++) {
      const randomLayer = () =>
        layer(Array.from({ length: rand(12) }, () => {
          const a = rand(3000);
          return rule('allow', ['10.0.0.0/8'], [a, a + rand(400)], { protocol: rand(5) === 0 ? 'udp' : 'tcp' });
        }));
      const ingress = [randomLayer(), randomLayer()];
      const egress = [randomLayer()];
      const src = { ...client('office', ['10.1.0.0/16']), egress };
      const target = endpoint('t', ['10.0.2.11'], { ingress });
      let asked = PortSet.EMPTY;
      for (let k = 0; k < 1 + rand(3); k++) {
        const a = rand(3200);
        asked = asked.union(PortSet.range(a, a + rand(600)));
      }
      const got = reachOnPorts(src, target, 'tcp', asked).map((s) => s.ports.toRanges().map(([a, b]) => `${a}-${b}`).join(','));
      const want = naiveSegments([...egress, ...ingress].map((l) => ({ ...l, rules: l.rules.filter((r) => r.protocol !== 'udp') })), asked);
      expect(got).toEqual(want);
    }
  });
});
