import { describe, expect, it } from 'vitest';
import { checkPlans, constant, environmentsOf, finding, ref } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';
import { hostileVariants } from './helpers/hostile-values.js';
import { InputError } from '../src/core/errors.js';

/**
 * GCP balancers from plans: a global external Application Load Balancer (forwarding rule ->
 * HTTPS proxy -> URL map -> backend service -> managed instance group) whose Google Front Ends
 * reach the backends from Google's published ranges; an Envoy-based internal one from its
 * proxy-only subnet; passthrough Network Load Balancers that keep the client's address; each
 * hop blocked, and backends that cannot be resolved.
 */

const NET_002 = 'OS11-NET-002';
const FE = 'google_compute_instance_template.fe';

const vpc: TestResource = { address: 'google_compute_network.vpc', values: { name: 'prod-vpc', auto_create_subnetworks: false }, unknown: { id: true, self_link: true } };
const subnet = (name: string, cidr: string, purpose?: string): TestResource => ({
  address: `google_compute_subnetwork.${name}`,
  values: { name, ip_cidr_range: cidr, region: 'europe-west1', ...(purpose ? { purpose } : {}) },
  unknown: { id: true, self_link: true, network: true, ...(purpose ? {} : { purpose: true }) },
  expressions: { network: ref('google_compute_network.vpc.id', 'google_compute_network.vpc') },
});

/** An ingress allow rule on tcp `port` for instances tagged `fe`. */
const allow = (name: string, port: number, sourceRanges: string[]): TestResource => ({
  address: `google_compute_firewall.${name}`,
  values: { name, direction: 'INGRESS', priority: 1000, allow: [{ protocol: 'tcp', ports: [String(port)] }], deny: [], source_ranges: sourceRanges, target_tags: ['fe'], source_tags: null, disabled: false, source_service_accounts: null, target_service_accounts: null },
  unknown: { id: true, network: true },
  expressions: { network: ref('google_compute_network.vpc.name', 'google_compute_network.vpc'), source_ranges: constant(sourceRanges) },
});

const template: TestResource = {
  address: FE,
  values: { name_prefix: 'fe-', labels: { 'topogate-role': 'front-end' }, tags: ['fe'], region: 'europe-west1', network_interface: [{}] },
  unknown: { id: true, self_link: true, network_interface: [{ subnetwork: true, network: true }] },
  expressions: { network_interface: [{ subnetwork: ref('google_compute_subnetwork.app.id', 'google_compute_subnetwork.app') }] },
};

const group: TestResource = {
  address: 'google_compute_instance_group_manager.fe',
  values: { name: 'fe', zone: 'europe-west1-b', version: [{ name: 'main' }], named_port: [{ name: 'http', port: 8080 }] },
  unknown: { id: true, instance_group: true, version: [{ instance_template: true }] },
  expressions: { version: [{ instance_template: ref(`${FE}.id`, FE) }] },
};

function backendService(address: string, scheme: string, extra: Record<string, unknown> = {}, groupRef: unknown = ref('google_compute_instance_group_manager.fe.instance_group', 'google_compute_instance_group_manager.fe')): TestResource {
  return {
    address,
    values: { name: address.split('.')[1], load_balancing_scheme: scheme, protocol: 'HTTP', port_name: 'http', backend: [{ balancing_mode: 'UTILIZATION' }], ...extra },
    unknown: { id: true, self_link: true, backend: [{ group: true }] },
    expressions: { backend: [{ group: groupRef }] },
  };
}

/** A global external ALB on 443 in front of the managed group. */
function externalAlb(firewalls: TestResource[], options: { groupRef?: unknown; namedPort?: string } = {}): TestPlan {
  return {
    resources: [
      vpc,
      subnet('app', '10.0.1.0/24'),
      template,
      { ...group, values: { ...group.values, named_port: [{ name: options.namedPort ?? 'http', port: 8080 }] } },
      backendService('google_compute_backend_service.fe', 'EXTERNAL_MANAGED', {}, options.groupRef),
      { address: 'google_compute_url_map.web', values: { name: 'web' }, unknown: { id: true, self_link: true, default_service: true }, expressions: { default_service: ref('google_compute_backend_service.fe.id', 'google_compute_backend_service.fe') } },
      { address: 'google_compute_target_https_proxy.web', values: { name: 'web' }, unknown: { id: true, self_link: true, url_map: true }, expressions: { url_map: ref('google_compute_url_map.web.id', 'google_compute_url_map.web') } },
      {
        address: 'google_compute_global_forwarding_rule.https',
        values: { name: 'https', port_range: '443', load_balancing_scheme: 'EXTERNAL_MANAGED', ip_protocol: 'TCP', labels: {} },
        unknown: { id: true, target: true, ip_address: true },
        expressions: { target: ref('google_compute_target_https_proxy.web.id', 'google_compute_target_https_proxy.web') },
      },
      ...firewalls,
    ],
  };
}

describe('a global external Application Load Balancer: Google Front Ends', () => {
  it('the backends admit Google\'s ranges on the named port: end users reach them through the URL map', () => {
    const plan = externalAlb([allow('lb', 8080, ['35.191.0.0/16', '130.211.0.0/22'])]);
    const lb = environmentsOf(plan)[0].loadBalancers[0];
    expect(lb).toMatchObject({ name: 'google_compute_url_map.web', preservesClientAddress: false, provider: 'gcp', addressesExact: true, egress: [] });
    expect(lb.ingress.map((l) => l.name)).toEqual(['address family of google_compute_url_map.web']);
    expect(lb.addresses.toCidrs()).toEqual(['35.191.0.0/16', '130.211.0.0/22']);
    expect(lb.listeners.map((l) => [l.port, l.protocol, l.targets, l.targetPort])).toEqual([[443, 'tcp', [FE], 8080]]);
    const f = finding(checkPlans(plan), NET_002, `end-users -> ${FE}`);
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/through google_compute_url_map\.web: allowed by google_compute_firewall\.lb \(INGRESS allow tcp\/8080, priority 1000\)/);
  });

  it('an IPv6 forwarding rule beside the IPv4 one lets IPv6 clients in', () => {
    const plan = externalAlb([]);
    const v4 = plan.resources.find((r) => r.address === 'google_compute_global_forwarding_rule.https')!;
    plan.resources.push({ ...v4, address: 'google_compute_global_forwarding_rule.https6', values: { ...v4.values, name: 'https6', ip_version: 'IPV6' } });
    const lb = environmentsOf(plan)[0].loadBalancers[0];
    expect(lb.ingress).toEqual([]);
    expect(lb.listeners.map((l) => l.port)).toEqual([443, 443]);
  });

  it('second hop blocked: only half of Google\'s ranges admitted', () => {
    const f = finding(checkPlans(externalAlb([allow('lb', 8080, ['35.191.0.0/16'])])), NET_002, `end-users -> ${FE}`);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users reaches google_compute_url_map\.web but google_compute_url_map\.web cannot reach google_compute_instance_template\.fe on tcp\/8080/);
    expect(f.message).toMatch(/Fix: add an INGRESS allow rule .* to google_compute_network\.vpc allowing tcp\/8080 from google_compute_url_map\.web\.$/);
  });

  it('the instance group lacks the named port of the backend service: unknown, naming both', () => {
    const f = finding(checkPlans(externalAlb([], { namedPort: 'web' })), NET_002, `end-users -> ${FE}`);
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/google_compute_instance_group_manager\.fe has no named port "http" \(the port_name of google_compute_backend_service\.fe\)/);
  });

  it('a backend group from a local: unknown, never pass', () => {
    const f = finding(checkPlans(externalAlb([], { groupRef: ref('local.group') })), NET_002, `end-users -> ${FE}`);
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/backend\[0\]\.group of google_compute_backend_service\.fe is not known until apply and comes from local\.group/);
  });

  it('each balancer points at its URL map, each listener at its forwarding rule', () => {
    const sources = [{ path: 'lb.tf', text: ['resource "google_compute_url_map" "web" {', '}', 'resource "google_compute_global_forwarding_rule" "https" {', '}', ''].join('\n') }];
    const lb = environmentsOf({ plans: { 'plan.json': externalAlb([]) }, sources })[0].loadBalancers[0];
    expect(lb.location).toMatchObject({ file: 'lb.tf', line: 1 });
    expect(lb.listeners[0].location).toMatchObject({ file: 'lb.tf', line: 3 });
  });
});

const internalAlb = (withProxySubnet: boolean, firewalls: TestResource[]): TestPlan => ({
  resources: [
    vpc,
    subnet('app', '10.0.1.0/24'),
    ...(withProxySubnet ? [subnet('proxy', '10.0.9.0/24', 'REGIONAL_MANAGED_PROXY')] : []),
    template,
    group,
    backendService('google_compute_region_backend_service.fe', 'INTERNAL_MANAGED', { region: 'europe-west1' }),
    { address: 'google_compute_region_url_map.web', values: { name: 'web', region: 'europe-west1' }, unknown: { id: true, self_link: true, default_service: true }, expressions: { default_service: ref('google_compute_region_backend_service.fe.id', 'google_compute_region_backend_service.fe') } },
    { address: 'google_compute_region_target_http_proxy.web', values: { name: 'web', region: 'europe-west1' }, unknown: { id: true, self_link: true, url_map: true }, expressions: { url_map: ref('google_compute_region_url_map.web.id', 'google_compute_region_url_map.web') } },
    {
      address: 'google_compute_forwarding_rule.http',
      values: { name: 'http', port_range: '443', load_balancing_scheme: 'INTERNAL_MANAGED', ip_protocol: 'TCP', region: 'europe-west1', labels: {} },
      unknown: { id: true, target: true, network: true, subnetwork: true },
      expressions: { target: ref('google_compute_region_target_http_proxy.web.id', 'google_compute_region_target_http_proxy.web'), network: ref('google_compute_network.vpc.id', 'google_compute_network.vpc'), subnetwork: ref('google_compute_subnetwork.app.id', 'google_compute_subnetwork.app') },
    },
    ...firewalls,
  ],
});

describe('an internal Application Load Balancer: Envoy proxies in the proxy-only subnet', () => {
  const campus = (plan: TestPlan) => checkPlans({ plans: { 'plan.json': plan }, topologies: { 't.yml': 'version: 1\nenvironments:\n  - name: default\n    clients:\n      end-users: [10.0.0.0/8]\n    terraform:\n      plans: [plan.json]\n' } });

  it('the backends admit the proxy-only subnet: internal users pass; the balancer is internal', () => {
    const plan = internalAlb(true, [allow('proxies', 8080, ['10.0.9.0/24'])]);
    const lb = environmentsOf(plan)[0].loadBalancers[0];
    expect(lb.addresses.toCidrs()).toEqual(['10.0.9.0/24']);
    expect(lb.ingress.map((l) => l.name)).toEqual(['internal scheme of google_compute_region_url_map.web', 'address family of google_compute_region_url_map.web']);
    expect(finding(campus(plan), NET_002, `end-users -> ${FE}`).status).toBe('pass');
    expect(finding(checkPlans(plan), NET_002, `end-users -> ${FE}`).status).toBe('fail');
  });

  it('Google\'s ranges are not where Envoy proxies come from', () => {
    expect(finding(campus(internalAlb(true, [allow('gfe', 8080, ['35.191.0.0/16', '130.211.0.0/22'])])), NET_002, `end-users -> ${FE}`).status).toBe('fail');
  });

  it('a proxy-only subnet outside the plan: unknown, saying so', () => {
    const f = finding(campus(internalAlb(false, [allow('proxies', 8080, ['10.0.9.0/24'])])), NET_002, `end-users -> ${FE}`);
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/the proxy-only subnet \(purpose REGIONAL_MANAGED_PROXY\) of google_compute_network\.vpc in europe-west1 is not in this plan/);
  });
});

const nlb = (firewalls: TestResource[], extra: Record<string, unknown> = {}): TestPlan => ({
  resources: [
    vpc,
    subnet('app', '10.0.1.0/24'),
    template,
    group,
    backendService('google_compute_region_backend_service.nlb', 'EXTERNAL', { protocol: 'TCP', region: 'europe-west1' }),
    {
      address: 'google_compute_forwarding_rule.nlb',
      values: { name: 'nlb', ports: ['443'], load_balancing_scheme: 'EXTERNAL', ip_protocol: 'TCP', region: 'europe-west1', labels: {}, ...extra },
      unknown: { id: true, backend_service: true, ip_address: true },
      expressions: { backend_service: ref('google_compute_region_backend_service.nlb.id', 'google_compute_region_backend_service.nlb') },
    },
    ...firewalls,
  ],
});


describe('passthrough Network Load Balancers keep the client address', () => {
  it('the backends admit the clients on the forwarding rule\'s port: pass through the balancer', () => {
    const plan = nlb([allow('https', 443, ['0.0.0.0/0'])]);
    const lb = environmentsOf(plan)[0].loadBalancers[0];
    expect(lb).toMatchObject({ name: 'google_compute_region_backend_service.nlb', preservesClientAddress: true });
    expect(lb.listeners.map((l) => [l.port, l.targets, l.targetPort])).toEqual([[443, [FE], 443]]);
    expect(finding(checkPlans(plan), NET_002, `end-users -> ${FE}`).message).toMatch(/through google_compute_region_backend_service\.nlb/);
  });

  it('backends that admit only Google\'s ranges fail: the clients\' own traffic is blocked', () => {
    const f = finding(checkPlans(nlb([allow('gfe', 443, ['35.191.0.0/16', '130.211.0.0/22'])])), NET_002, `end-users -> ${FE}`);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users's traffic cannot reach google_compute_instance_template\.fe on tcp\/443/);
  });

  it('a wide port range adds no listener: the direct path decides a passthrough balancer', () => {
    expect(environmentsOf(nlb([], { ports: [], port_range: '1-65535' }))[0].loadBalancers[0].listeners).toEqual([]);
    expect(environmentsOf(nlb([], { ports: [], port_range: '440-443' }))[0].loadBalancers[0].listeners.map((l) => l.port)).toEqual([440, 441, 442, 443]);
  });

  it('a target pool of instances named zone/name', () => {
    const instance: TestResource = { address: 'google_compute_instance.web', values: { name: 'web', zone: 'europe-west1-b', tags: ['fe'], labels: { 'topogate-role': 'front-end' }, network_interface: [{ network_ip: '10.0.1.5' }] }, unknown: { id: true, network_interface: [{ network: true, subnetwork: true }] }, expressions: { network_interface: [{ subnetwork: ref('google_compute_subnetwork.app.id', 'google_compute_subnetwork.app') }] } };
    const plan: TestPlan = {
      resources: [
        vpc,
        subnet('app', '10.0.1.0/24'),
        instance,
        { address: 'google_compute_target_pool.web', values: { name: 'web', instances: ['europe-west1-b/web'] }, unknown: { id: true, self_link: true } },
        { address: 'google_compute_forwarding_rule.web', values: { name: 'web', port_range: '443', ip_protocol: 'TCP', labels: {} }, unknown: { id: true, target: true, load_balancing_scheme: true }, expressions: { target: ref('google_compute_target_pool.web.self_link', 'google_compute_target_pool.web') } },
        allow('https', 443, ['0.0.0.0/0']),
      ],
    };
    const lb = environmentsOf(plan)[0].loadBalancers[0];
    expect(lb).toMatchObject({ name: 'google_compute_target_pool.web', preservesClientAddress: true });
    expect(lb.listeners.map((l) => [l.port, l.targets])).toEqual([[443, ['google_compute_instance.web']]]);
  });
});

describe('managed instance groups that keep two or more instances: the template is a fleet', () => {
  /** Front-ends reach each other on the monitoring ports (tag fe to tag fe). */
  const monitoring: TestResource = {
    address: 'google_compute_firewall.monitoring',
    values: { name: 'monitoring', direction: 'INGRESS', priority: 1000, allow: [{ protocol: 'tcp', ports: ['80', '12001-12002'] }], deny: [], source_ranges: null, source_tags: ['fe'], target_tags: ['fe'], disabled: false, source_service_accounts: null, target_service_accounts: null },
    unknown: { id: true, network: true },
    expressions: { network: ref('google_compute_network.vpc.name', 'google_compute_network.vpc') },
  };
  const sized = (groupValues: Record<string, unknown>, extra: TestResource[] = []): TestPlan => ({
    resources: [vpc, subnet('app', '10.0.1.0/24'), template, { ...group, values: { ...group.values, ...groupValues } }, ...extra],
  });
  const autoscaler = (policy: Record<string, unknown>, unknown: Record<string, unknown> = {}): TestResource => ({
    address: 'google_compute_autoscaler.fe',
    values: { name: 'fe', zone: 'europe-west1-b', autoscaling_policy: [{ max_replicas: 10, ...policy }] },
    unknown: { id: true, target: true, ...unknown },
    expressions: { target: ref('google_compute_instance_group_manager.fe.id', 'google_compute_instance_group_manager.fe') },
  });
  const fleetOf = (plan: TestPlan, name = FE) => environmentsOf(plan)[0].servers.find((s) => s.name === name)?.fleet;

  it('target_size 2: the front-ends monitor each other (the template paired with itself); 1: nothing to check', () => {
    const two = finding(checkPlans(sized({ target_size: 2 })), 'OS11-MON-001');
    expect([two.subject, two.status]).toEqual([`${FE} -> ${FE}`, 'fail']);
    expect(two.message).toMatch(/^another instance of google_compute_instance_template\.fe \(somewhere in 10\.0\.1\.0\/24\) cannot reach google_compute_instance_template\.fe on tcp\/80, 12001-12002/);
    expect(finding(checkPlans(sized({ target_size: 2 }, [monitoring])), 'OS11-MON-001', `${FE} -> ${FE}`).status).toBe('pass');
    expect(fleetOf(sized({ target_size: 2 }))).toBe(`google_compute_instance_group_manager.fe keeps 2 instances of ${FE} running`);
    const one = finding(checkPlans(sized({ target_size: 1 })), 'OS11-MON-001');
    expect([one.status, one.message]).toEqual(['pass', expect.stringMatching(/^Nothing to check: only one server \(google_compute_instance_template\.fe\)/)]);
  });

  it('an autoscaler that scales the group: the most of its min_replicas and target_size; unknown, or turned off, counts none', () => {
    const upToTen = `google_compute_instance_group_manager.fe may run up to 10 instances of ${FE}`;
    expect(fleetOf(sized({ target_size: 1 }, [autoscaler({ min_replicas: 3 })]))).toBe(`google_compute_instance_group_manager.fe keeps 3 instances of ${FE} running`);
    expect(fleetOf(sized({ target_size: 2 }, [autoscaler({ min_replicas: 1 })]))).toBe(`google_compute_instance_group_manager.fe keeps 2 instances of ${FE} running`);
    expect(fleetOf(sized({ target_size: 1 }, [autoscaler({ min_replicas: 3, mode: 'OFF' })]))).toBeUndefined();
    // A minimum unknown until apply counts none, but max_replicas 10 still lets the group scale out.
    expect(fleetOf(sized({}, [autoscaler({}, { autoscaling_policy: [{ min_replicas: true }] })]))).toBe(upToTen);
    expect(fleetOf(sized({}, [autoscaler({ max_replicas: null }, { autoscaling_policy: [{ min_replicas: true, max_replicas: true }] })]))).toBeUndefined();
    expect(fleetOf({ resources: sized({}).resources.map((r) => (r.address === group.address ? { ...r, unknown: { ...r.unknown, target_size: true } } : r)) })).toBeUndefined();
  });

  it('target_size 1 under an autoscaler up to max_replicas 5: a fleet (its instances meet at scale-out); max_replicas 1 is not', () => {
    const scaling = sized({ target_size: 1 }, [autoscaler({ min_replicas: 1, max_replicas: 5 })]);
    expect(fleetOf(scaling)).toBe(`google_compute_instance_group_manager.fe may run up to 5 instances of ${FE}`);
    const f = finding(checkPlans(scaling), 'OS11-MON-001');
    expect([f.subject, f.status]).toEqual([`${FE} -> ${FE}`, 'fail']);
    expect(finding(checkPlans(sized({ target_size: 1 }, [autoscaler({ min_replicas: 1, max_replicas: 5 }), monitoring])), 'OS11-MON-001', `${FE} -> ${FE}`).status).toBe('pass');
    expect(fleetOf(sized({ target_size: 1 }, [autoscaler({ min_replicas: 1, max_replicas: 1 })]))).toBeUndefined();
    // Turned off, the autoscaler neither keeps nor adds instances.
    expect(fleetOf(sized({ target_size: 1 }, [autoscaler({ min_replicas: 1, max_replicas: 5, mode: 'OFF' })]))).toBeUndefined();
  });

  it('a canary version: each template runs its own share of the group, at least', () => {
    const canary: TestResource = { ...template, address: 'google_compute_instance_template.canary' };
    const versions = (size: Record<string, unknown>) => ({
      ...group,
      values: { ...group.values, target_size: 4, version: [{ name: 'main', target_size: [] }, { name: 'canary', target_size: [size] }] },
      unknown: { ...group.unknown, version: [{ instance_template: true }, { instance_template: true }] },
      expressions: { version: [{ instance_template: ref(`${FE}.id`, FE) }, { instance_template: ref('google_compute_instance_template.canary.id', 'google_compute_instance_template.canary') }] },
    });
    const plan = (size: Record<string, unknown>): TestPlan => ({ resources: [vpc, subnet('app', '10.0.1.0/24'), template, canary, versions(size)] });
    expect([fleetOf(plan({ fixed: 1 })), fleetOf(plan({ fixed: 1 }), canary.address)]).toEqual([`google_compute_instance_group_manager.fe keeps 3 instances of ${FE} running`, undefined]);
    // 30% of 4 is 1.2, one instance or two: main runs two at least, the canary one, and may run two.
    expect([fleetOf(plan({ percent: 30 })), fleetOf(plan({ percent: 30 }), canary.address)]).toEqual([`google_compute_instance_group_manager.fe keeps 2 instances of ${FE} running`, `google_compute_instance_group_manager.fe may run up to 2 instances of ${canary.address}`]);
    expect([fleetOf(plan({ percent: 50 })), fleetOf(plan({ percent: 50 }), canary.address)]).toEqual([`google_compute_instance_group_manager.fe keeps 2 instances of ${FE} running`, `google_compute_instance_group_manager.fe keeps 2 instances of ${canary.address} running`]);
  });
});

describe('hostile values never crash', () => {
  it('every balancer attribute replaced by null, numbers, strings, lists and objects: a model or an input error', () => {
    let runs = 0;
    const plans = [externalAlb([allow('lb', 8080, ['35.191.0.0/16'])]), internalAlb(true, []), nlb([])];
    for (const plan of plans) {
      for (const v of hostileVariants(plan, /^google_compute_(forwarding|global_forwarding|backend|region_backend|url_map|region_url|target|instance_group|network_endpoint|subnetwork)/)) {
        runs++;
        try {
          environmentsOf(v.plan);
        } catch (e) {
          if (!(e instanceof InputError)) throw new Error(`${v.name}: ${(e as Error).message}`, { cause: e });
        }
      }
    }
    expect(runs).toBeGreaterThan(100);
  });
});
