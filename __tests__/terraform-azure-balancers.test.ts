import { describe, expect, it } from 'vitest';
import { checkPlans, constant, environmentsOf, finding, ref } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';
import { hostileVariants } from './helpers/hostile-values.js';
import { InputError } from '../src/core/errors.js';

/**
 * Azure balancers from plans: Azure Load Balancer passes the client's address through to
 * the backends' NSGs (rules, NAT rules, pools by NIC or address); Application Gateway is a
 * proxy in its own subnet, whose NSG filters the clients. Each hop blocked, internal
 * frontends, and pools that cannot be resolved.
 */

const NET_002 = 'OS11-NET-002';

interface Nsg {
  name: string;
  priority: number;
  port: string;
  source: string;
  access?: 'Allow' | 'Deny';
}

function nsg(name: string, rules: Nsg[]): TestResource {
  return {
    address: `azurerm_network_security_group.${name}`,
    values: {
      name,
      resource_group_name: 'rg',
      location: 'westeurope',
      security_rule: rules.map((r) => ({
        name: r.name,
        priority: r.priority,
        direction: 'Inbound',
        access: r.access ?? 'Allow',
        protocol: 'Tcp',
        source_port_range: '*',
        source_port_ranges: null,
        destination_port_range: r.port,
        destination_port_ranges: null,
        source_address_prefix: r.source,
        source_address_prefixes: null,
        destination_address_prefix: '*',
        destination_address_prefixes: null,
        description: '',
      })),
    },
    unknown: { id: true },
    expressions: { security_rule: rules.map((r) => ({ name: constant(r.name) })) },
  };
}

const subnetAssociation = (subnet: string, group: string): TestResource => ({
  address: `azurerm_subnet_network_security_group_association.${subnet}`,
  unknown: { id: true, subnet_id: true, network_security_group_id: true },
  expressions: { subnet_id: ref(`azurerm_subnet.${subnet}.id`), network_security_group_id: ref(`azurerm_network_security_group.${group}.id`) },
});

function vm(name: string, ip: string): TestResource[] {
  return [
    {
      address: `azurerm_network_interface.${name}`,
      values: { name, ip_configuration: [{ name: 'ip', private_ip_address_allocation: 'Static', private_ip_address: ip }] },
      unknown: { id: true, ip_configuration: [{ subnet_id: true }] },
      expressions: { ip_configuration: [{ subnet_id: ref('azurerm_subnet.app.id', 'azurerm_subnet.app') }] },
    },
    {
      address: `azurerm_linux_virtual_machine.${name}`,
      values: { name, location: 'westeurope', tags: { 'topogate-role': 'front-end' } },
      unknown: { id: true, network_interface_ids: true },
      expressions: { network_interface_ids: ref(`azurerm_network_interface.${name}.id`, `azurerm_network_interface.${name}`) },
    },
  ];
}

const network: TestResource[] = [
  { address: 'azurerm_virtual_network.main', values: { name: 'vnet', address_space: ['10.0.0.0/16'] }, unknown: { id: true } },
  { address: 'azurerm_subnet.app', values: { name: 'app', address_prefixes: ['10.0.1.0/24'] }, unknown: { id: true } },
  { address: 'azurerm_subnet.gw', values: { name: 'gw', address_prefixes: ['10.0.3.0/24'] }, unknown: { id: true } },
  ...vm('fe1', '10.0.1.11'),
  ...vm('fe2', '10.0.1.12'),
  subnetAssociation('app', 'web'),
];

/** The health probe `azurerm_lb_probe.https` on `port`, which rule https names by probe_id. */
const probeOn = (port: number): TestResource => ({
  address: 'azurerm_lb_probe.https',
  values: { name: 'https', protocol: 'Tcp', port },
  unknown: { id: true, loadbalancer_id: true },
  expressions: { loadbalancer_id: ref('azurerm_lb.web.id', 'azurerm_lb.web') },
});

const lbPlan = (webRules: Nsg[], options: { internal?: boolean; poolRef?: unknown; extra?: TestResource[]; probe?: number } = {}): TestPlan => ({
  resources: [
    ...network,
    nsg('web', webRules),
    { address: 'azurerm_public_ip.lb', values: { name: 'lb-ip', allocation_method: 'Static' }, unknown: { id: true, ip_address: true } },
    {
      address: 'azurerm_lb.web',
      values: { name: 'web', sku: 'Standard', frontend_ip_configuration: [{ name: 'front', ...(options.internal ? { private_ip_address: '10.0.1.100', private_ip_address_allocation: 'Static' } : {}) }], tags: {} },
      unknown: { id: true, frontend_ip_configuration: [options.internal ? { subnet_id: true } : { public_ip_address_id: true }] },
      expressions: { frontend_ip_configuration: [options.internal ? { name: constant('front'), subnet_id: ref('azurerm_subnet.app.id', 'azurerm_subnet.app') } : { name: constant('front'), public_ip_address_id: ref('azurerm_public_ip.lb.id', 'azurerm_public_ip.lb') }] },
    },
    { address: 'azurerm_lb_backend_address_pool.fe', values: { name: 'fe' }, unknown: { id: true, loadbalancer_id: true }, expressions: { loadbalancer_id: ref('azurerm_lb.web.id', 'azurerm_lb.web') } },
    {
      address: 'azurerm_lb_rule.https',
      values: { name: 'https', protocol: 'Tcp', frontend_port: 443, backend_port: 8443, frontend_ip_configuration_name: 'front' },
      unknown: { id: true, loadbalancer_id: true, backend_address_pool_ids: true, ...(options.probe !== undefined ? { probe_id: true } : {}) },
      expressions: {
        loadbalancer_id: ref('azurerm_lb.web.id', 'azurerm_lb.web'),
        backend_address_pool_ids: ref('azurerm_lb_backend_address_pool.fe.id', 'azurerm_lb_backend_address_pool.fe'),
        ...(options.probe !== undefined ? { probe_id: ref('azurerm_lb_probe.https.id', 'azurerm_lb_probe.https') } : {}),
      },
    },
    ...(options.probe !== undefined ? [probeOn(options.probe)] : []),
    ...['fe1', 'fe2'].map((n) => ({
      address: `azurerm_network_interface_backend_address_pool_association.${n}`,
      values: { ip_configuration_name: 'ip' },
      unknown: { id: true, network_interface_id: true, backend_address_pool_id: true },
      expressions: { network_interface_id: ref(`azurerm_network_interface.${n}.id`, `azurerm_network_interface.${n}`), backend_address_pool_id: (options.poolRef ?? ref('azurerm_lb_backend_address_pool.fe.id', 'azurerm_lb_backend_address_pool.fe')) as Record<string, unknown> },
    })),
    ...(options.extra ?? []),
  ],
});


describe('Azure Load Balancer: pass-through', () => {
  it('the backends\' NSG admits the clients on the backend port: end users reach both through the balancer', () => {
    const plan = lbPlan([{ name: 'https-in', priority: 100, port: '8443', source: 'Internet' }]);
    const report = checkPlans(plan);
    const f = finding(report, NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/reaches azurerm_linux_virtual_machine\.fe1 on tcp\/443 through azurerm_lb\.web: allowed by azurerm_network_security_group\.web rule https-in/);
    expect(finding(report, NET_002, 'end-users -> azurerm_linux_virtual_machine.fe2').status).toBe('pass');
    const lb = environmentsOf(plan)[0].loadBalancers[0];
    expect(lb).toMatchObject({ name: 'azurerm_lb.web', preservesClientAddress: true, provider: 'azure', egress: [] });
    expect(lb.ingress.map((l) => l.name)).toEqual(['address family of azurerm_lb.web']);
    expect(lb.listeners.map((l) => [l.port, l.protocol, l.targets, l.targetPort])).toEqual([[443, 'tcp', ['azurerm_linux_virtual_machine.fe1', 'azurerm_linux_virtual_machine.fe2'], 8443]]);
  });

  it('an NSG that admits only the virtual network fails: the balancer does not replace the client address', () => {
    const f = finding(checkPlans(lbPlan([{ name: 'vnet-in', priority: 100, port: '8443', source: 'VirtualNetwork' }])), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users reaches azurerm_lb\.web but end-users's traffic cannot reach azurerm_linux_virtual_machine\.fe1 on tcp\/8443 \(NSG azurerm_network_security_group\.web \(subnet azurerm_subnet\.app\): denied by .*DenyAllInBound/);
    expect(f.message).toMatch(/Fix: add an inbound Allow security rule \(numbered below any Deny that matches\) to azurerm_network_security_group\.web allowing tcp\/8443 from end-users\.$/);
  });

  it('a pool by address: azurerm_lb_backend_address_pool_address names a server by its IP', () => {
    const plan = lbPlan([{ name: 'https-in', priority: 100, port: '8443', source: 'Internet' }], {
      poolRef: ref('azurerm_lb_backend_address_pool.other.id', 'azurerm_lb_backend_address_pool.other'),
      extra: [{ address: 'azurerm_lb_backend_address_pool_address.fe2', values: { name: 'fe2', ip_address: '10.0.1.12' }, unknown: { id: true, backend_address_pool_id: true }, expressions: { backend_address_pool_id: ref('azurerm_lb_backend_address_pool.fe.id', 'azurerm_lb_backend_address_pool.fe') } }],
    });
    plan.resources.push({ address: 'azurerm_lb_backend_address_pool.other', values: { name: 'other' }, unknown: { id: true } });
    expect(environmentsOf(plan)[0].loadBalancers[0].listeners[0].targets).toEqual(['azurerm_linux_virtual_machine.fe2']);
  });

  it('an inbound NAT rule forwards to the NIC associated with it only', () => {
    const plan = lbPlan([{ name: 'https-in', priority: 100, port: '8443', source: 'Internet' }], {
      poolRef: ref('local.pool'),
      extra: [
        { address: 'azurerm_lb_nat_rule.fe1', values: { name: 'fe1', protocol: 'Tcp', frontend_port: 443, backend_port: 8443 }, unknown: { id: true, loadbalancer_id: true }, expressions: { loadbalancer_id: ref('azurerm_lb.web.id', 'azurerm_lb.web') } },
        { address: 'azurerm_network_interface_nat_rule_association.fe1', unknown: { id: true, network_interface_id: true, nat_rule_id: true }, expressions: { network_interface_id: ref('azurerm_network_interface.fe1.id'), nat_rule_id: ref('azurerm_lb_nat_rule.fe1.id', 'azurerm_lb_nat_rule.fe1') } },
      ],
    });
    const listeners = environmentsOf(plan)[0].loadBalancers[0].listeners;
    expect(listeners.find((l) => l.targetsUnknown === undefined && l.targets.length > 0)?.targets).toEqual(['azurerm_linux_virtual_machine.fe1']);
  });

  it('a pool association from a local: the rule\'s targets are unknown, naming the attribute', () => {
    const plan = lbPlan([{ name: 'vnet-in', priority: 100, port: '8443', source: 'VirtualNetwork' }], { poolRef: ref('local.pool') });
    const f = finding(checkPlans(plan), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/backend_address_pool_id of azurerm_network_interface_backend_address_pool_association\.fe1 is not known until apply and comes from local\.pool/);
  });

  it('a frontend on an IPv6 public IP takes IPv6 clients: no IPv4-only layer', () => {
    const plan = lbPlan([]);
    const ip = plan.resources.find((r) => r.address === 'azurerm_public_ip.lb')!;
    ip.values = { ...ip.values, ip_version: 'IPv6' };
    expect(environmentsOf(plan)[0].loadBalancers[0].ingress).toEqual([]);
  });

  it('a frontend in a subnet makes the balancer internal', () => {
    const lb = environmentsOf(lbPlan([], { internal: true }))[0].loadBalancers[0];
    expect(lb.ingress.map((l) => l.name)).toEqual(['internal scheme of azurerm_lb.web', 'address family of azurerm_lb.web']);
    expect(lb.addresses.toCidrs()).toEqual(['10.0.1.100/32']);
  });
});

describe('Azure Load Balancer: health probes from AzureLoadBalancer', () => {
  const httpsIn: Nsg = { name: 'https-in', priority: 100, port: '8443', source: 'Internet' };
  const FE1 = 'end-users -> azurerm_linux_virtual_machine.fe1';

  it('a Deny on AzureLoadBalancer above the default rules blocks the probe: the backend gets no connections, and the message names the probe, the rule and the fix', () => {
    const plan = lbPlan([httpsIn, { name: 'no-probes', priority: 200, port: '*', source: 'AzureLoadBalancer', access: 'Deny' }], { probe: 8080 });
    expect(environmentsOf(plan)[0].loadBalancers[0].listeners[0].healthProbe).toMatchObject({ name: 'azurerm_lb_probe.https (tcp/8080)', protocol: 'tcp', port: 8080, source: { name: 'AzureLoadBalancer' } });
    const f = finding(checkPlans(plan), NET_002, FE1);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(
      /through azurerm_lb\.web \(listener tcp\/443 to azurerm_linux_virtual_machine\.fe1:8443\), end-users reaches azurerm_lb\.web but its health probe azurerm_lb_probe\.https \(tcp\/8080\) from AzureLoadBalancer cannot reach azurerm_linux_virtual_machine\.fe1 \(NSG azurerm_network_security_group\.web \(subnet azurerm_subnet\.app\): denied by azurerm_network_security_group\.web rule no-probes .*\), so azurerm_lb\.web marks it down and sends it no new connections/,
    );
    expect(f.message).toMatch(/Fix: add an inbound Allow security rule \(numbered below any Deny that matches\) to azurerm_network_security_group\.web allowing tcp\/8080 from AzureLoadBalancer\.$/);
  });

  it('a Deny * above the default rules blocks the probe too (an Allow on Internet does not admit it); without a probe known, on the backend port', () => {
    const f = finding(checkPlans(lbPlan([httpsIn, { name: 'deny-all', priority: 4000, port: '*', source: '*', access: 'Deny' }])), NET_002, FE1);
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/its health probe the health probe of azurerm_lb_rule\.https \(none known: on its backend port, tcp\/8443\) from AzureLoadBalancer cannot reach .*denied by azurerm_network_security_group\.web rule deny-all/);
    expect(f.message).toMatch(/allowing tcp\/8443 from AzureLoadBalancer\.$/);
  });

  it('an Allow on AzureLoadBalancer for the probe port above the Deny admits it: pass', () => {
    // From anywhere, the virtual network too (end-users holds it): only the probe decides.
    const httpsAll: Nsg = { ...httpsIn, source: '*' };
    const rules: Nsg[] = [httpsAll, { name: 'probes', priority: 150, port: '8080', source: 'AzureLoadBalancer' }, { name: 'deny-all', priority: 4000, port: '*', source: '*', access: 'Deny' }];
    expect(finding(checkPlans(lbPlan(rules, { probe: 8080 })), NET_002, FE1).status).toBe('pass');
    // The probe's port, not the backend port: allowed on 8443 only, the probe on 8080 is denied.
    const other: Nsg[] = [{ ...httpsIn, source: 'VirtualNetwork', priority: 90 }, httpsIn, { name: 'probes', priority: 150, port: '8443', source: 'AzureLoadBalancer' }, { name: 'deny-all', priority: 4000, port: '*', source: '*', access: 'Deny' }];
    expect(finding(checkPlans(lbPlan(other, { probe: 8080 })), NET_002, FE1).status).toBe('fail');
  });

  it('a probe whose port is known only after apply: blocked on every port fails, blocked on some is unknown', () => {
    const withUnknownPort = (rules: Nsg[]): TestPlan => {
      const plan = lbPlan(rules, { probe: 8080 });
      const probe = plan.resources.find((r) => r.address === 'azurerm_lb_probe.https')!;
      probe.values = { name: 'https', protocol: 'Tcp' };
      probe.unknown = { ...probe.unknown, port: true };
      return plan;
    };
    const httpsAll: Nsg = { ...httpsIn, source: '*' };
    // Internet leaves the probe out: denied on every port, whichever it checks.
    expect(finding(checkPlans(withUnknownPort([httpsIn, { name: 'deny-all', priority: 4000, port: '*', source: '*', access: 'Deny' }])), NET_002, FE1).status).toBe('fail');
    // `*` admits the probe on 8443, not on 8080: which it checks decides.
    const f = finding(checkPlans(withUnknownPort([httpsAll, { name: 'deny-8080', priority: 4000, port: '8080', source: '*', access: 'Deny' }])), NET_002, FE1);
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/port of azurerm_lb_probe\.https is not known until apply/);
  });
});

interface Gateway {
  gwRules?: Nsg[];
  webRules?: Nsg[];
  pool?: Record<string, unknown>;
  privateListener?: boolean;
  pathBased?: boolean;
  extra?: TestResource[];
  pools?: string[];
  /** A listener on 80 whose routing rule redirects to the https listener. */
  redirect80?: boolean;
  /** SKU tier Standard_v2: Azure manages it from GatewayManager on 65200-65535. */
  v2?: boolean;
}
const gatewayPlan = (g: Gateway = {}): TestPlan => ({
  resources: [
    ...network,
    nsg('web', g.webRules ?? [{ name: 'from-gateway', priority: 100, port: '8080', source: '10.0.3.0/24' }, { name: 'no-vnet', priority: 200, port: '*', source: 'VirtualNetwork', access: 'Deny' }]),
    nsg('gw', g.gwRules ?? [{ name: 'https-in', priority: 100, port: '443', source: 'Internet' }]),
    subnetAssociation('gw', 'gw'),
    { address: 'azurerm_public_ip.gw', values: { name: 'gw-ip' }, unknown: { id: true, ip_address: true } },
    {
      address: 'azurerm_application_gateway.web',
      values: {
        name: 'web',
        tags: {},
        ...(g.v2 ? { sku: [{ name: 'Standard_v2', tier: 'Standard_v2', capacity: 2 }] } : {}),
        gateway_ip_configuration: [{ name: 'gw' }],
        frontend_ip_configuration: [{ name: 'public' }, { name: 'private', private_ip_address: '10.0.3.10', private_ip_address_allocation: 'Static' }],
        frontend_port: [{ name: 'https', port: 443 }, ...(g.redirect80 ? [{ name: 'http', port: 80 }] : [])],
        backend_address_pool: (g.pools ?? ['fe']).map((name) => ({ name, fqdns: [], ip_addresses: [], ...(name === 'fe' ? g.pool ?? { ip_addresses: ['10.0.1.11', '10.0.1.12'] } : {}) })),
        backend_http_settings: [{ name: 'http', port: 8080, protocol: 'Http', cookie_based_affinity: 'Disabled' }],
        http_listener: [
          { name: 'https', frontend_ip_configuration_name: g.privateListener ? 'private' : 'public', frontend_port_name: 'https', protocol: 'Https' },
          ...(g.redirect80 ? [{ name: 'http', frontend_ip_configuration_name: 'public', frontend_port_name: 'http', protocol: 'Http' }] : []),
        ],
        redirect_configuration: g.redirect80 ? [{ name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'https', include_path: true }] : [],
        request_routing_rule: [
          g.pathBased
            ? { name: 'paths', rule_type: 'PathBasedRouting', http_listener_name: 'https', url_path_map_name: 'paths', backend_address_pool_name: null, backend_http_settings_name: null }
            : { name: 'basic', rule_type: 'Basic', http_listener_name: 'https', backend_address_pool_name: 'fe', backend_http_settings_name: 'http' },
          ...(g.redirect80 ? [{ name: 'redirect', rule_type: 'Basic', http_listener_name: 'http', backend_address_pool_name: null, backend_http_settings_name: null, redirect_configuration_name: 'to-https' }] : []),
        ],
        url_path_map: g.pathBased ? [{ name: 'paths', default_backend_address_pool_name: 'none', default_backend_http_settings_name: 'http', path_rule: [{ name: 'app', paths: ['/app/*'], backend_address_pool_name: 'fe', backend_http_settings_name: 'http' }] }] : [],
      },
      unknown: { id: true, gateway_ip_configuration: [{ subnet_id: true }], frontend_ip_configuration: [{ public_ip_address_id: true }, { subnet_id: true }], backend_address_pool: (g.pools ?? ['fe']).map(() => ({ id: true })) },
      expressions: {
        gateway_ip_configuration: [{ subnet_id: ref('azurerm_subnet.gw.id', 'azurerm_subnet.gw') }],
        frontend_ip_configuration: [{ public_ip_address_id: ref('azurerm_public_ip.gw.id', 'azurerm_public_ip.gw') }, { subnet_id: ref('azurerm_subnet.gw.id', 'azurerm_subnet.gw') }],
      },
    },
    ...(g.extra ?? []),
  ],
});


describe('Application Gateway: a proxy in its own subnet', () => {
  it('both hops open: end users reach the backends through the gateway', () => {
    const report = checkPlans(gatewayPlan());
    const f = finding(report, NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/through azurerm_application_gateway\.web: allowed by azurerm_network_security_group\.gw rule https-in .*azurerm_network_security_group\.web rule from-gateway/);
    const gw = environmentsOf(gatewayPlan())[0].loadBalancers[0];
    expect(gw).toMatchObject({ name: 'azurerm_application_gateway.web', preservesClientAddress: false });
    expect(gw.addresses.toCidrs()).toEqual(['10.0.3.0/24']);
    expect(gw.listeners.map((l) => [l.port, l.targets, l.targetPort])).toEqual([[443, ['azurerm_linux_virtual_machine.fe1', 'azurerm_linux_virtual_machine.fe2'], 8080]]);
  });

  it('first hop blocked: the gateway subnet NSG does not admit 443 from the internet', () => {
    const f = finding(checkPlans(gatewayPlan({ gwRules: [] })), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users cannot reach azurerm_application_gateway\.web on tcp\/443 \(NSG azurerm_network_security_group\.gw \(subnet azurerm_subnet\.gw\): denied by .*DenyAllInBound/);
    expect(f.message).toMatch(/Fix: add an inbound Allow security rule \(numbered below any Deny that matches\) to azurerm_network_security_group\.gw allowing tcp\/443 from end-users\.$/);
  });

  it('second hop blocked: the backends deny the gateway subnet', () => {
    const f = finding(checkPlans(gatewayPlan({ webRules: [{ name: 'no-vnet', priority: 200, port: '*', source: 'VirtualNetwork', access: 'Deny' }] })), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users reaches azurerm_application_gateway\.web but azurerm_application_gateway\.web cannot reach azurerm_linux_virtual_machine\.fe1 on tcp\/8080 \(.*denied by azurerm_network_security_group\.web rule no-vnet/);
  });

  it('path-based routing reaches the pools of its path rules', () => {
    const gw = environmentsOf(gatewayPlan({ pathBased: true, pools: ['fe', 'none'] }))[0].loadBalancers[0];
    expect(gw.listeners.map((l) => [l.targets, l.targetPort])).toEqual([[['azurerm_linux_virtual_machine.fe1', 'azurerm_linux_virtual_machine.fe2'], 8080]]);
  });

  it('a pool by FQDN cannot be resolved to servers: unknown', () => {
    const plan = gatewayPlan({ pool: { fqdns: ['app.internal.example'] }, webRules: [{ name: 'no-vnet', priority: 200, port: '*', source: 'VirtualNetwork', access: 'Deny' }] });
    const f = finding(checkPlans(plan), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/backend pool fe of azurerm_application_gateway\.web names app\.internal\.example, which topogate cannot resolve to servers/);
  });

  it('NIC associations: the one pool of the gateway, or unknown when it has several', () => {
    const association = (nic: string): TestResource => ({
      address: `azurerm_network_interface_application_gateway_backend_address_pool_association.${nic}`,
      values: { ip_configuration_name: 'ip' },
      unknown: { id: true, network_interface_id: true, backend_address_pool_id: true },
      expressions: { network_interface_id: ref(`azurerm_network_interface.${nic}.id`), backend_address_pool_id: ref('azurerm_application_gateway.web.backend_address_pool', 'azurerm_application_gateway.web') },
    });
    const one = environmentsOf(gatewayPlan({ pool: { ip_addresses: [] }, extra: [association('fe1')] }))[0].loadBalancers[0];
    expect(one.listeners.map((l) => [l.targets, l.targetsUnknown])).toEqual([[['azurerm_linux_virtual_machine.fe1'], undefined]]);
    const several = environmentsOf(gatewayPlan({ pool: { ip_addresses: [] }, pools: ['fe', 'other'], extra: [association('fe1')] }))[0].loadBalancers[0];
    expect(several.listeners[0].targetsUnknown).toMatch(/azurerm_application_gateway\.web has 2 backend pools: which one .*\.fe1 joins is not known/);
  });

  it('a routing rule that redirects (HTTP to HTTPS) answers itself: the fix names the redirect, not a direct opening or another listener', () => {
    const plan = gatewayPlan({ redirect80: true });
    const http = environmentsOf(plan)[0].loadBalancers[0].listeners.find((l) => l.port === 80);
    expect(http).toMatchObject({ targets: [], answers: 'redirects to listener https (HTTPS:443)' });
    const f = finding(checkPlans(plan), 'OS11-NET-001', 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/azurerm_application_gateway\.web's listener on tcp\/80 \(plan\.json:\d+\) redirects to listener https \(HTTPS:443\) and forwards to no server/);
    expect(f.message).toMatch(/Fix: forward that listener to azurerm_linux_virtual_machine\.fe1 \(a direct opening would bypass azurerm_application_gateway\.web\), or, where what it does \(redirects to listener https \(HTTPS:443\)\) is what this policy asks for, waive this finding\.$/);
    expect(f.message).not.toMatch(/add a listener on tcp\/80|allowing tcp\/80 from end-users/);
  });

  it('v2: the gateway subnet NSG must admit GatewayManager on tcp/65200-65535, else no path through it', () => {
    const https: Nsg = { name: 'https-in', priority: 100, port: '443', source: 'Internet' };
    const f = finding(checkPlans(gatewayPlan({ v2: true, gwRules: [https] })), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(
      /through azurerm_application_gateway\.web \(listener tcp\/443 to azurerm_linux_virtual_machine\.fe1:8080\), GatewayManager cannot reach azurerm_application_gateway\.web on tcp\/65200-65535 \(NSG azurerm_network_security_group\.gw \(subnet azurerm_subnet\.gw\): denied by .*DenyAllInBound.*\), and Azure does not run an Application Gateway v2 whose subnet blocks it/,
    );
    expect(f.message).toMatch(/Fix: add an inbound Allow security rule \(numbered below any Deny that matches\) to azurerm_network_security_group\.gw allowing tcp\/65200-65535 from GatewayManager\.$/);
    // Allowed by the tag above a Deny of everything (end users from anywhere, the virtual network too): it runs.
    const manager: Nsg = { name: 'gateway-manager', priority: 110, port: '65200-65535', source: 'GatewayManager' };
    const denyAll: Nsg = { name: 'deny-all', priority: 4000, port: '*', source: '*', access: 'Deny' };
    const httpsAll: Nsg = { ...https, source: '*' };
    expect(finding(checkPlans(gatewayPlan({ v2: true, gwRules: [httpsAll, manager, denyAll] })), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1').status).toBe('pass');
    // A v1 gateway (no v2 tier) is not asked for it.
    expect(finding(checkPlans(gatewayPlan({ gwRules: [https] })), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1').status).toBe('pass');
  });

  it('a listener on the private frontend only: an internal gateway', () => {
    const gw = environmentsOf(gatewayPlan({ privateListener: true }))[0].loadBalancers[0];
    expect(gw.ingress[0].name).toBe('internal scheme of azurerm_application_gateway.web');
    expect(finding(checkPlans(gatewayPlan({ privateListener: true })), NET_002, 'end-users -> azurerm_linux_virtual_machine.fe1').status).toBe('fail');
  });
});

describe('scale sets in backend pools', () => {
  const VMSS = 'azurerm_linux_virtual_machine_scale_set.fe';
  /** A scale set in subnet app without public IPs, whose IP configuration names pools by `attribute` (a reference). */
  const scaleSet = (attribute: string, pools: Record<string, unknown>): TestResource => ({
    address: VMSS,
    values: { name: 'fe', location: 'westeurope', instances: 2, tags: { 'topogate-role': 'front-end' }, network_interface: [{ name: 'nic', primary: true, ip_configuration: [{ name: 'ip', primary: true, public_ip_address: [] }] }] },
    unknown: { id: true, network_interface: [{ ip_configuration: [{ subnet_id: true, [attribute]: true }] }] },
    expressions: { network_interface: [{ ip_configuration: [{ subnet_id: ref('azurerm_subnet.app.id', 'azurerm_subnet.app'), [attribute]: pools }] }] },
  });
  const inLbPool = scaleSet('load_balancer_backend_address_pool_ids', ref('azurerm_lb_backend_address_pool.fe.id', 'azurerm_lb_backend_address_pool.fe'));

  it('load_balancer_backend_address_pool_ids: its instances are targets of the pool\'s rules, reached through the balancer', () => {
    const plan = lbPlan([{ name: 'https-in', priority: 100, port: '8443', source: 'Internet' }], { extra: [inLbPool] });
    expect(environmentsOf(plan)[0].loadBalancers[0].listeners.map((l) => l.targets)).toEqual([['azurerm_linux_virtual_machine.fe1', 'azurerm_linux_virtual_machine.fe2', VMSS]]);
    const f = finding(checkPlans(plan), NET_002, `end-users -> ${VMSS}`);
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/through azurerm_lb\.web: allowed by azurerm_network_security_group\.web rule https-in/);
  });

  it('application_gateway_backend_address_pool_ids: the one pool of the gateway, reached from its subnet', () => {
    const plan = gatewayPlan({ pool: { ip_addresses: [] }, extra: [scaleSet('application_gateway_backend_address_pool_ids', ref('azurerm_application_gateway.web.backend_address_pool', 'azurerm_application_gateway.web'))] });
    expect(environmentsOf(plan)[0].loadBalancers[0].listeners.map((l) => [l.targets, l.targetsUnknown])).toEqual([[[VMSS], undefined]]);
    expect(finding(checkPlans(plan), NET_002, `end-users -> ${VMSS}`).status).toBe('pass');
  });

  it('every scale set attribute replaced by null, numbers, strings, lists and objects: a model or an input error', () => {
    let runs = 0;
    for (const v of hostileVariants(lbPlan([{ name: 'https-in', priority: 100, port: '8443', source: 'Internet' }], { extra: [inLbPool] }), /scale_set/)) {
      runs++;
      try {
        checkPlans(v.plan);
      } catch (e) {
        if (!(e instanceof InputError)) throw new Error(`${v.name}: ${(e as Error).message}`, { cause: e });
      }
    }
    expect(runs).toBeGreaterThan(50);
  });
});

describe('hostile values never crash', () => {
  it('every balancer attribute replaced by null, numbers, strings, lists and objects: a model or an input error', () => {
    let runs = 0;
    const plans = [lbPlan([{ name: 'https-in', priority: 100, port: '8443', source: 'Internet' }]), gatewayPlan({ pathBased: true, pools: ['fe', 'none'] })];
    for (const plan of plans) {
      for (const v of hostileVariants(plan, /^azurerm_(lb|application_gateway|network_interface_(backend|nat|application))/)) {
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
