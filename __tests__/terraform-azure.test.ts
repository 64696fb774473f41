import { describe, expect, it } from 'vitest';
import { AddressSet } from '../src/core/net/cidr.js';
import { buildPlanJson, checkPlans, cidrs, constant, environmentsOf, finding, flow, ref, serverOf } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';

/**
 * Azure NSGs after apply: priorities (lowest first, first match), Deny, the default rules,
 * subnet and NIC associations both applying, service tags, application security groups,
 * and the Azure SQL server firewall.
 */

type SecurityRule = { name: string; priority: number; direction?: 'Inbound' | 'Outbound'; access?: 'Allow' | 'Deny'; protocol?: string; port?: string; ports?: string[]; source?: string; sources?: string[]; destination?: string; sourcePort?: string; sourceAsgs?: unknown[]; destinationAsgs?: unknown[] };

function securityRule(r: SecurityRule): Record<string, unknown> {
  return {
    name: r.name,
    priority: r.priority,
    direction: r.direction ?? 'Inbound',
    access: r.access ?? 'Allow',
    protocol: r.protocol ?? 'Tcp',
    source_port_range: r.sourcePort ?? '*',
    source_port_ranges: null,
    destination_port_range: r.port ?? '',
    destination_port_ranges: r.ports ?? null,
    source_address_prefix: r.source ?? '',
    source_address_prefixes: r.sources ?? null,
    destination_address_prefix: r.destination ?? '*',
    destination_address_prefixes: null,
    source_application_security_group_ids: r.sourceAsgs ?? null,
    destination_application_security_group_ids: r.destinationAsgs ?? null,
    description: '',
  };
}

function nsg(name: string, rules: SecurityRule[] | undefined): TestResource {
  return {
    address: `azurerm_network_security_group.${name}`,
    values: { name, resource_group_name: 'rg', location: 'westeurope', ...(rules ? { security_rule: rules.map(securityRule) } : {}) },
    unknown: { id: true, ...(rules ? {} : { security_rule: true }) },
    expressions: rules ? { security_rule: rules.map((r) => ({ name: constant(r.name) })) } : {},
  };
}

/** A VM with its NIC in `subnet` (and a public IP the plan creates, so the internet can address it), tagged with roles. */
function vm(name: string, subnet: string, roles: string, ip?: string): TestResource[] {
  return [
    {
      address: `azurerm_network_interface.${name}`,
      values: { name, ip_configuration: [{ name: 'ip', private_ip_address_allocation: ip ? 'Static' : 'Dynamic', ...(ip ? { private_ip_address: ip } : {}) }] },
      unknown: { id: true, ip_configuration: [{ subnet_id: true, public_ip_address_id: true, ...(ip ? {} : { private_ip_address: true }) }] },
      expressions: { ip_configuration: [{ subnet_id: ref(`azurerm_subnet.${subnet}.id`, `azurerm_subnet.${subnet}`) }] },
    },
    {
      address: `azurerm_linux_virtual_machine.${name}`,
      values: { name, location: 'westeurope', tags: { 'topogate-role': roles } },
      unknown: { id: true, network_interface_ids: true },
      expressions: { network_interface_ids: ref(`azurerm_network_interface.${name}.id`, `azurerm_network_interface.${name}`) },
    },
  ];
}

const network: TestResource[] = [
  { address: 'azurerm_virtual_network.main', values: { name: 'vnet', address_space: ['10.0.0.0/16'] }, unknown: { id: true } },
  { address: 'azurerm_subnet.app', values: { name: 'app', address_prefixes: ['10.0.1.0/24'] }, unknown: { id: true } },
  { address: 'azurerm_subnet.data', values: { name: 'data', address_prefixes: ['10.0.2.0/24'] }, unknown: { id: true } },
];

function subnetAssociation(subnet: string, group: string): TestResource {
  return {
    address: `azurerm_subnet_network_security_group_association.${subnet}`,
    values: {},
    unknown: { id: true, subnet_id: true, network_security_group_id: true },
    expressions: { subnet_id: ref(`azurerm_subnet.${subnet}.id`), network_security_group_id: ref(`azurerm_network_security_group.${group}.id`) },
  };
}

function nicAssociation(nic: string, group: string): TestResource {
  return {
    address: `azurerm_network_interface_security_group_association.${nic}`,
    values: {},
    unknown: { id: true, network_interface_id: true, network_security_group_id: true },
    expressions: { network_interface_id: ref(`azurerm_network_interface.${nic}.id`), network_security_group_id: ref(`azurerm_network_security_group.${group}.id`) },
  };
}

const endUsers = cidrs('end-users', '0.0.0.0/0');

describe('priorities, Deny and the default rules', () => {
  const withRules = (rules: SecurityRule[]): TestPlan => ({ resources: [...network, nsg('web', rules), subnetAssociation('app', 'web'), ...vm('fe', 'app', 'front-end')] });

  it('a Deny with a lower number wins over a later Allow', () => {
    const r = flow(endUsers, serverOf(withRules([{ name: 'deny-https', priority: 100, access: 'Deny', port: '443', source: '*' }, { name: 'allow-https', priority: 200, port: '443', source: '*' }]), 'azurerm_linux_virtual_machine.fe'), 443);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/denied by azurerm_network_security_group\.web rule deny-https \(Deny Inbound, priority 100\)/);
  });

  it('an Allow with a lower number wins over a later Deny', () => {
    const plan = withRules([{ name: 'allow-https', priority: 100, port: '443', source: '*' }, { name: 'deny-all', priority: 4000, access: 'Deny', port: '*', protocol: '*', source: '*' }]);
    expect(flow(endUsers, serverOf(plan, 'azurerm_linux_virtual_machine.fe'), 443).status).toBe('pass');
    expect(flow(endUsers, serverOf(plan, 'azurerm_linux_virtual_machine.fe'), 80).status).toBe('fail');
  });

  it('no custom rule: DenyAllInBound stops the internet, AllowVnetInBound lets the VNet in', () => {
    const plan = withRules([]);
    const fe = serverOf(plan, 'azurerm_linux_virtual_machine.fe');
    const fromInternet = flow(endUsers, fe, 443);
    expect(fromInternet.status).toBe('fail');
    expect(fromInternet.message).toMatch(/end-users \(0\.0\.0\.0\/0\) except 10\.0\.0\.0\/16 cannot reach .* denied by azurerm_network_security_group\.web default rule DenyAllInBound \(priority 65500\)/);
    expect(fromInternet.message).toMatch(/Fix: add an inbound Allow security rule \(numbered below any Deny that matches\) to azurerm_network_security_group\.web allowing tcp\/443/);
    expect(flow(cidrs('peers', '10.0.2.0/24'), fe, 1433).status).toBe('pass');
  });

  it('port lists and ranges: "80", "8000-8080" in destination_port_ranges, "" in the single one', () => {
    const plan = withRules([{ name: 'web', priority: 100, ports: ['80', '8000-8080'], source: '*' }]);
    const fe = serverOf(plan, 'azurerm_linux_virtual_machine.fe');
    expect(flow(endUsers, fe, 8080).status).toBe('pass');
    expect(flow(endUsers, fe, 443).status).toBe('fail');
  });

  it('service tag Internet: every address outside the virtual network', () => {
    const plan = withRules([{ name: 'from-internet', priority: 100, port: '443', source: 'Internet' }]);
    expect(flow(endUsers, serverOf(plan, 'azurerm_linux_virtual_machine.fe'), 443).status).toBe('pass');
  });

  it('AzureLoadBalancer is the platform probe, not the internet', () => {
    const report = checkPlans(withRules([]));
    expect(finding(report, 'OS11-SEC-001', 'internet -> azurerm_linux_virtual_machine.fe').status).toBe('pass');
  });

  it('a service tag whose ranges Azure publishes is unknown, never a pass', () => {
    const r = flow(endUsers, serverOf(withRules([{ name: 'from-front-door', priority: 100, port: '443', source: 'AzureFrontDoor.Backend' }]), 'azurerm_linux_virtual_machine.fe'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/service tag AzureFrontDoor\.Backend/);
  });

  it('a rule whose access is not known until apply may be a Deny: what a later Allow lets in is unknown, never a pass', () => {
    const plan = withRules([{ name: 'maybe', priority: 100, port: '443', source: '*' }, { name: 'allow-https', priority: 200, port: '443', source: '*' }]);
    const group = plan.resources.find((r) => r.address === 'azurerm_network_security_group.web');
    delete (group?.values?.security_rule as Array<Record<string, unknown>>)[0].access;
    if (group) group.unknown = { ...group.unknown, security_rule: [{ access: true }, {}] };
    const fe = serverOf(plan, 'azurerm_linux_virtual_machine.fe');
    const r = flow(endUsers, fe, 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/the access of azurerm_network_security_group\.web rule maybe .* is not known until apply/);
    // What the rule cannot match stays decided.
    expect(flow(endUsers, fe, 80).status).toBe('fail');
  });

  it('security rules written in configuration but not known until apply may deny what the default rules allow', () => {
    const unknownRules: TestResource = { ...nsg('web', undefined), expressions: { security_rule: [{ name: constant('computed') }] } };
    const plan: TestPlan = { resources: [...network, unknownRules, subnetAssociation('app', 'web'), ...vm('fe', 'app', 'front-end')] };
    const r = flow(cidrs('peers', '10.0.2.0/24'), serverOf(plan, 'azurerm_linux_virtual_machine.fe'), 1433);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/the security rules of azurerm_network_security_group\.web are not known until apply/);
  });

  it('a rule limited to some source ports cannot be relied on', () => {
    const r = flow(endUsers, serverOf(withRules([{ name: 'odd', priority: 100, port: '443', source: '*', sourcePort: '1024-65535' }]), 'azurerm_linux_virtual_machine.fe'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/matches only source ports 1024-65535/);
  });
});

describe('subnet and NIC associations both apply', () => {
  const plan: TestPlan = {
    resources: [
      ...network,
      nsg('subnet', [{ name: 'https', priority: 100, port: '443', source: '*' }]),
      nsg('nic', []),
      subnetAssociation('app', 'subnet'),
      nicAssociation('fe', 'nic'),
      ...vm('fe', 'app', 'front-end'),
    ],
  };

  it('allowed by the subnet NSG, denied by the NIC NSG: blocked, and the message says where', () => {
    const r = flow(endUsers, serverOf(plan, 'azurerm_linux_virtual_machine.fe'), 443);
    expect(r.status).toBe('fail');
    expect(r.message).toMatch(/NSG azurerm_network_security_group\.nic \(NIC azurerm_network_interface\.fe\): denied by azurerm_network_security_group\.nic default rule DenyAllInBound/);
    expect(r.message).not.toMatch(/NSG azurerm_network_security_group\.subnet \(subnet/);
  });

  it('the server has both layers, subnet first, and its subnet range as address', () => {
    const fe = serverOf(plan, 'azurerm_linux_virtual_machine.fe');
    expect(fe.ingress.map((l) => l.name)).toEqual(['NSG azurerm_network_security_group.subnet (subnet azurerm_subnet.app)', 'NSG azurerm_network_security_group.nic (NIC azurerm_network_interface.fe)']);
    expect(fe.addresses.toCidrs()).toEqual(['10.0.1.0/24']);
    expect(fe.addressesExact).toBe(false);
    expect(fe.region).toBe('westeurope');
  });

  it('a NIC in a declared subnet without any NSG: the virtual network gets in; from outside it depends on the public IP, so unknown', () => {
    // A Standard SKU public IP or load balancer admits nothing without an NSG, a Basic one
    // everything: calling it open would be a false pass for the internet.
    const open: TestPlan = { resources: [...network, ...vm('fe', 'app', 'front-end')] };
    const fe = serverOf(open, 'azurerm_linux_virtual_machine.fe');
    expect(fe.ingress.map((l) => l.name)).toEqual(['no NSG on azurerm_network_interface.fe']);
    expect(flow(cidrs('vnet', '10.0.0.0/16'), fe, 1433).status).toBe('pass');
    const outside = flow(endUsers, fe, 443);
    expect(outside.status).toBe('unknown');
    expect(outside.message).toMatch(/no NSG filters azurerm_network_interface\.fe.*Standard SKU admits nothing without an NSG/);
    expect(finding(checkPlans(open), 'OS11-SEC-001').status).toBe('unknown');
  });

  describe('a NIC without a public IP', () => {
    const privateOnly = (plan: TestPlan): TestPlan => ({
      resources: plan.resources.map((r) => (r.address === 'azurerm_network_interface.fe' ? { ...r, unknown: { id: true, ip_configuration: [{ subnet_id: true }] } } : r)),
    });
    const open = privateOnly({ resources: [...network, nsg('web', [{ name: 'https', priority: 100, port: '*', source: '*' }]), subnetAssociation('app', 'web'), ...vm('fe', 'app', 'front-end', '10.0.1.4')] });

    it('what its NSG admits from the internet is not certain (never a pass), since the internet cannot address it directly', () => {
      const r = flow(endUsers, serverOf(open, 'azurerm_linux_virtual_machine.fe'), 443);
      expect(r.status).toBe('unknown');
      expect(r.message).toMatch(/azurerm_network_interface\.fe has no public IPv4 address \(no ip_configuration has a public_ip_address_id\), so clients on the internet reach it only through/);
      // The virtual network (and other private ranges the NSG admits) still reach it.
      expect(flow(cidrs('vnet', '10.0.2.0/24'), serverOf(open, 'azurerm_linux_virtual_machine.fe'), 443).status).toBe('pass');
    });

    it('a port that must stay closed is still judged by the NSG: a public IP added outside the plan would expose it', () => {
      expect(flow(cidrs('internet', '8.8.8.0/24'), serverOf(open, 'azurerm_linux_virtual_machine.fe'), 12000, { forbidden: true }).status).toBe('fail');
    });
  });

  it('a subnet from outside the plan: whether an NSG guards it is unknown', () => {
    const outside: TestPlan = {
      resources: [
        { address: 'azurerm_network_interface.fe', values: { ip_configuration: [{ subnet_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/app', private_ip_address: '10.9.0.4', public_ip_address_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/fe' }] }, unknown: { id: true } },
        { address: 'azurerm_linux_virtual_machine.fe', values: { location: 'westeurope' }, unknown: { network_interface_ids: true }, expressions: { network_interface_ids: ref('azurerm_network_interface.fe.id') } },
      ],
    };
    const r = flow(endUsers, serverOf(outside, 'azurerm_linux_virtual_machine.fe'), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/subnet \/subscriptions\/.*\/subnets\/app of azurerm_network_interface\.fe is not in this plan/);
  });
});

describe('separate rules and application security groups', () => {
  it('azurerm_network_security_rule joins its NSG by name, also while the resource group name is unknown', () => {
    const plan: TestPlan = {
      resources: [
        ...network,
        nsg('web', undefined),
        {
          address: 'azurerm_network_security_rule.https',
          values: { ...securityRule({ name: 'https', priority: 100, port: '443', source: '*' }), network_security_group_name: 'web' },
          unknown: { id: true, resource_group_name: true },
          expressions: { network_security_group_name: constant('web'), resource_group_name: ref('azurerm_resource_group.main.name') },
        },
        subnetAssociation('app', 'web'),
        ...vm('fe', 'app', 'front-end'),
      ],
    };
    const r = flow(endUsers, serverOf(plan, 'azurerm_linux_virtual_machine.fe'), 443);
    expect(r.status).toBe('pass');
    expect(r.message).toMatch(/allowed by azurerm_network_security_rule\.https \(Allow Inbound, priority 100\)/);
  });

  it('destination and source ASGs: the rule applies to the members of the destination ASG only', () => {
    const asg = (name: string): TestResource => ({ address: `azurerm_application_security_group.${name}`, values: { name }, unknown: { id: true } });
    const member = (nic: string, group: string): TestResource => ({
      address: `azurerm_network_interface_application_security_group_association.${nic}`,
      values: {},
      unknown: { id: true, network_interface_id: true, application_security_group_id: true },
      expressions: { network_interface_id: ref(`azurerm_network_interface.${nic}`), application_security_group_id: ref(`azurerm_application_security_group.${group}`) },
    });
    const rules = [{ name: 'fe-to-db', priority: 100, port: '1433', sourceAsgs: [null], destinationAsgs: [null] }, { name: 'no-vnet', priority: 4000, access: 'Deny' as const, protocol: '*', port: '*', source: '*' }];
    const group = nsg('app', rules);
    group.unknown = { id: true, security_rule: [{ source_application_security_group_ids: [true], destination_application_security_group_ids: [true] }, {}] };
    group.expressions = { security_rule: [{ name: constant('fe-to-db'), source_application_security_group_ids: ref('azurerm_application_security_group.fe.id'), destination_application_security_group_ids: ref('azurerm_application_security_group.db.id') }, { name: constant('no-vnet') }] };
    const plan: TestPlan = {
      resources: [...network, asg('fe'), asg('db'), group, subnetAssociation('app', 'app'), ...vm('fe', 'app', 'front-end'), ...vm('db', 'app', 'database'), ...vm('other', 'app', 'front-end'), member('fe', 'fe'), member('db', 'db'), member('other', 'fe')],
    };
    const fe = serverOf(plan, 'azurerm_linux_virtual_machine.fe');
    const db = serverOf(plan, 'azurerm_linux_virtual_machine.db');
    const other = serverOf(plan, 'azurerm_linux_virtual_machine.other');
    expect(flow(fe, db, 1433).status).toBe('pass');
    // other is in ASG fe but not in ASG db: the rule does not apply to it as a destination.
    expect(flow(fe, other, 1433).status).toBe('fail');
  });
});

/** The builder writes `after`; a deletion carries its values in `before`. */
function deleteWithBefore(plan: TestPlan): Record<string, string> {
  const json = buildPlanJson(plan) as { resource_changes: Array<{ change: { actions: string[]; before: unknown; after: unknown } }> };
  for (const rc of json.resource_changes) {
    if (rc.change.actions.includes('delete')) {
      rc.change.before = rc.change.after;
      rc.change.after = null;
    }
  }
  return { 'plan.json': JSON.stringify(json) };
}

describe('separate rules this plan deletes', () => {
  // An existing NSG whose rules are azurerm_network_security_rule resources: the plan's
  // `security_rule` is the state read back from Azure, still listing the rules deleted here.
  const kept = { name: 'https', priority: 200, port: '443', source: '*' };
  const separate = (name: string, rule: SecurityRule, actions: string[]): TestResource => ({
    address: `azurerm_network_security_rule.${name}`,
    values: { ...securityRule(rule), network_security_group_name: 'web', resource_group_name: 'rg' },
    actions,
  });
  const plan = (deleted: SecurityRule): TestPlan => ({
    resources: [
      ...network,
      {
        address: 'azurerm_network_security_group.web',
        values: { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/web', name: 'web', resource_group_name: 'rg', location: 'westeurope', security_rule: [kept, deleted].map(securityRule) },
        actions: ['no-op'],
      },
      separate('https', kept, ['no-op']),
      separate('gone', deleted, ['delete']),
      subnetAssociation('app', 'web'),
      ...vm('fe', 'app', 'front-end'),
    ],
  });
  const mirrored = [{ path: 'main.tf', text: 'resource "azurerm_network_security_group" "web" {\n  name = "web"\n}\n' }];
  const allowRdp = { name: 'rdp', priority: 100, port: '3389', source: '*' };
  const denyHttps = { name: 'no-https', priority: 100, access: 'Deny' as const, port: '443', source: '*' };
  const cases = [
    { name: 'a deleted Allow no longer allows', deleted: allowRdp, port: 3389, status: 'fail', message: /DenyAllInBound/, absent: /azurerm_network_security_rule\.gone|rule rdp/ },
    { name: 'a deleted Deny no longer denies', deleted: denyHttps, port: 443, status: 'pass', message: /allowed by azurerm_network_security_rule\.https \(Allow Inbound, priority 200\)/, absent: /no-https/ },
    { name: 'the kept separate rule still allows', deleted: allowRdp, port: 443, status: 'pass', message: /allowed by azurerm_network_security_rule\.https/, absent: /rule rdp|azurerm_network_security_rule\.gone/ },
  ] as const;
  for (const withTf of [false, true]) {
    it.each(cases)(`$name (${withTf ? 'with' : 'without'} the .tf files)`, ({ deleted, port, status, message, absent }) => {
      const fe = serverOf({ plans: deleteWithBefore(plan(deleted)), sources: withTf ? mirrored : [] }, 'azurerm_linux_virtual_machine.fe');
      const r = flow(endUsers, fe, port);
      expect(r.status).toBe(status);
      expect(r.message).toMatch(message);
      expect(r.message).not.toMatch(absent);
    });
  }

  it('an NSG without separate rules still reads its inline rules from the plan', () => {
    const inline = plan(allowRdp);
    inline.resources = inline.resources.filter((r) => !r.address.startsWith('azurerm_network_security_rule.'));
    expect(flow(endUsers, serverOf(inline, 'azurerm_linux_virtual_machine.fe'), 3389).status).toBe('pass');
  });
});

describe('VMs with several NICs', () => {
  const nic = (name: string, subnet: string, ip: string): TestResource => ({
    address: `azurerm_network_interface.${name}`,
    values: { name, ip_configuration: [{ name: 'ip', private_ip_address_allocation: 'Static', private_ip_address: ip }] },
    unknown: { id: true, ip_configuration: [{ subnet_id: true, public_ip_address_id: true }] },
    expressions: { ip_configuration: [{ subnet_id: ref(`azurerm_subnet.${subnet}.id`, `azurerm_subnet.${subnet}`) }] },
  });
  const https = { name: 'https', priority: 100, port: '443', source: '*' };
  const twoNics = (second: TestResource, { extra = [], more = [], appRules = [https] }: { extra?: TestResource[]; more?: unknown[]; appRules?: SecurityRule[] } = {}): TestPlan => ({
    resources: [
      ...network,
      nsg('app', appRules),
      nsg('data', [{ name: 'rdp', priority: 100, port: '3389', source: '*' }]),
      subnetAssociation('app', 'app'),
      subnetAssociation('data', 'data'),
      nic('a', 'app', '10.0.1.10'),
      second,
      ...extra,
      {
        address: 'azurerm_linux_virtual_machine.fe',
        values: { name: 'fe', location: 'westeurope', tags: { 'topogate-role': 'front-end' }, network_interface_ids: [null, null, ...more] },
        unknown: { id: true, network_interface_ids: [true, true, ...more.map(() => false)] },
        expressions: { network_interface_ids: ref('azurerm_network_interface.a.id', 'azurerm_network_interface.a', `${second.address}.id`, second.address) },
      },
    ],
  });
  const cases = [
    { name: 'a second NIC in another subnet, whose NSG opens RDP: the exposure is unknown, naming it', plan: twoNics(nic('b', 'data', '10.0.2.10')), rdp: 'unknown', message: /also has azurerm_network_interface\.b, each filtered by its own subnet and NIC NSGs/ },
    { name: 'a second NIC in the same subnet and NSG: it admits no more, so the verdict stands', plan: twoNics(nic('b', 'app', '10.0.1.11')), rdp: 'pass' },
    { name: 'the same subnet plus an NSG of its own: it admits no more', plan: twoNics(nic('b', 'app', '10.0.1.11'), { extra: [nsg('extra', []), nicAssociation('b', 'extra')] }), rdp: 'pass' },
    { name: 'the same subnet, but a rule there opens RDP to its address only: unknown', plan: twoNics(nic('b', 'app', '10.0.1.20'), { appRules: [https, { name: 'rdp-to-b', priority: 110, port: '3389', source: '*', destination: '10.0.1.20' }] }), rdp: 'unknown', message: /azurerm_network_interface\.b/ },
    { name: 'a NIC outside the plan: unknown', plan: twoNics(nic('b', 'app', '10.0.1.11'), { more: ['/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/ops'] }), rdp: 'unknown', message: /networkInterfaces\/ops \(not in this plan\)/ },
  ] as const;
  it.each(cases)('$name', ({ plan, rdp, ...rest }) => {
    const fe = serverOf(plan, 'azurerm_linux_virtual_machine.fe');
    // From outside the virtual network, which AllowVnetInBound admits anyway.
    const exposure = flow(cidrs('outside', '198.51.100.0/24'), fe, 3389, { forbidden: true });
    expect(exposure.status).toBe(rdp);
    if ('message' in rest) expect(exposure.message).toMatch(rest.message);
    // What the first NIC admits still passes.
    expect(flow(endUsers, fe, 443).status).toBe('pass');
  });
});

describe('Azure SQL', () => {
  const sql = (rules: TestResource[], extra: Record<string, unknown> = {}): TestPlan => ({
    resources: [
      ...network,
      ...vm('fe', 'app', 'front-end', '10.0.1.4'),
      { address: 'azurerm_mssql_server.db', values: { name: 'sql-prod', location: 'West Europe', version: '12.0', ...extra }, unknown: { id: true } },
      ...rules,
    ],
  });
  const firewall = (name: string, start: string, end: string): TestResource => ({
    address: `azurerm_mssql_firewall_rule.${name}`,
    values: { name, start_ip_address: start, end_ip_address: end },
    unknown: { id: true, server_id: true },
    expressions: { server_id: ref('azurerm_mssql_server.db.id', 'azurerm_mssql_server.db') },
  });

  it('is a database (SQL Server, port 1433) without any tag', () => {
    const db = serverOf(sql([]), 'azurerm_mssql_server.db');
    expect(db.roles).toEqual(['database']);
    expect(db.engine).toBe('sqlserver');
    expect(db.port).toBe(1433);
    expect(db.region).toBe('westeurope');
    expect(db.provider).toBe('azure');
  });

  it('an IP range rule is matched against the public address Azure SQL sees: the VM\'s private range never, public ranges maybe (through its outbound address); no rule admits nothing', () => {
    // The front-end's private range: Azure SQL never sees it (the VM arrives from its SNAT address).
    const privateRange = finding(checkPlans(sql([firewall('app', '10.0.1.0', '10.0.1.255')])), 'OS11-NET-005');
    expect(privateRange.status).toBe('fail');
    const all = finding(checkPlans(sql([firewall('all', '0.0.0.0', '255.255.255.255')])), 'OS11-NET-005');
    expect(all.status).toBe('unknown');
    expect(all.message).toMatch(/admits every public IPv4 address, and a server with a private address reaches it only through a public outbound address/);
    const part = finding(checkPlans(sql([firewall('office', '203.0.113.0', '203.0.113.255')])), 'OS11-NET-005');
    expect(part.status).toBe('unknown');
    expect(part.message).toMatch(/admits a server with a private address only if its public outbound \(SNAT or NAT\) address is in the range/);
    const closed = finding(checkPlans(sql([])), 'OS11-NET-005');
    expect(closed.status).toBe('fail');
    expect(closed.message).toMatch(/Fix: add an azurerm_mssql_firewall_rule \(or a virtual network rule\) to azurerm_mssql_server\.db allowing tcp\/1433 from role:front-end/);
  });

  it('answers only on its SQL ports: a firewall rule open to everything exposes no platform port, and a flow to another port fails saying why', () => {
    const open = sql([firewall('all', '0.0.0.0', '255.255.255.255')]);
    const sec = finding(checkPlans(open), 'OS11-SEC-001', 'internet -> azurerm_mssql_server.db');
    expect(sec.status).toBe('pass');
    const other = flow(cidrs('office', '203.0.113.0/24'), serverOf(open, 'azurerm_mssql_server.db'), 3306);
    expect(other.status).toBe('fail');
    expect(other.message).toMatch(/Fix: azurerm_mssql_server\.db is a managed database listening only on tcp\/1433 \(and 11000-11999 for clients inside Azure\): no rule can open another port of it\.$/);
    expect(flow(cidrs('office', '203.0.113.0/24'), serverOf(open, 'azurerm_mssql_server.db'), 11000).status).toBe('pass');
  });

  it('a range one address short fails, naming the address left out', () => {
    const f = finding(checkPlans(sql([firewall('app', '10.0.1.0', '10.0.1.3')])), 'OS11-NET-005');
    expect(f.status).toBe('fail');
  });

  it('"Allow Azure services" (0.0.0.0 - 0.0.0.0) is not a pass: it admits any tenant, topogate cannot tell', () => {
    const f = finding(checkPlans(sql([firewall('azure', '0.0.0.0', '0.0.0.0')])), 'OS11-NET-005');
    expect(f.status).toBe('unknown');
    expect(f.message).toMatch(/Allow Azure services/);
  });

  describe('a virtual network rule admits its subnet only with the Microsoft.Sql service endpoint', () => {
    const outsideId = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/App';
    const vnetRule = (subnetId?: string): TestResource => ({
      address: 'azurerm_mssql_virtual_network_rule.app',
      values: { name: 'app', ignore_missing_vnet_service_endpoint: true, ...(subnetId ? { subnet_id: subnetId } : {}) },
      unknown: { id: true, server_id: true, ...(subnetId ? {} : { subnet_id: true }) },
      expressions: { server_id: ref('azurerm_mssql_server.db.id'), ...(subnetId ? {} : { subnet_id: ref('azurerm_subnet.app.id') }) },
    });
    /** The plan's app subnet with these service endpoints (`unknown`: known only after apply). */
    const withEndpoints = (endpoints: string[] | 'unknown' | undefined, rule = vnetRule()): TestPlan => {
      const plan = sql([rule]);
      plan.resources = plan.resources.map((r) => (r.address !== 'azurerm_subnet.app' ? r : endpoints === 'unknown' ? { ...r, unknown: { ...r.unknown, service_endpoints: true } } : { ...r, values: { ...r.values, service_endpoints: endpoints ?? null } }));
      return plan;
    };
    // A front-end in the subnet outside the plan (its own network is not what is tested here).
    const outsideFe = { name: 'fe-outside', kind: 'server' as const, addresses: AddressSet.of('10.9.0.4/32'), addressesExact: true, identities: [`subnet:id:${outsideId.toLowerCase()}`], egress: [] };
    const cases: Array<{ name: string; plan: TestPlan; from?: typeof outsideFe; status: 'pass' | 'fail' | 'unknown'; message?: RegExp }> = [
      { name: 'endpoint present: admitted', plan: withEndpoints(['Microsoft.Storage', 'Microsoft.Sql']), status: 'pass', message: /allowed by azurerm_mssql_virtual_network_rule\.app \(virtual network rule\)/ },
      { name: 'no endpoints (ignore_missing_vnet_service_endpoint): admits nothing, and the fix says why', plan: withEndpoints(undefined), status: 'fail', message: /azurerm_mssql_virtual_network_rule\.app admits nothing until azurerm_subnet\.app has the Microsoft\.Sql service endpoint/ },
      { name: 'other endpoints only: admits nothing', plan: withEndpoints(['Microsoft.Storage']), status: 'fail' },
      { name: 'endpoints unknown until apply: unknown', plan: withEndpoints('unknown'), status: 'unknown', message: /admits azurerm_subnet\.app only if it has the Microsoft\.Sql service endpoint, and service_endpoints of azurerm_subnet\.app is not known until apply/ },
      { name: 'subnet outside the plan: unknown for its servers', plan: withEndpoints(['Microsoft.Sql'], vnetRule(outsideId)), from: outsideFe, status: 'unknown', message: /subnet \/subscriptions\/.*\/subnets\/App only if it has the Microsoft\.Sql service endpoint, and that subnet is not in this plan/ },
      { name: 'subnet outside the plan: nothing for the servers of other subnets', plan: withEndpoints(['Microsoft.Sql'], vnetRule(outsideId)), status: 'fail' },
    ];
    it.each(cases)('$name', ({ plan, from, status, message }) => {
      const r = flow(from ?? serverOf(plan, 'azurerm_linux_virtual_machine.fe'), serverOf(plan, 'azurerm_mssql_server.db'), 1433);
      expect(r.status).toBe(status);
      if (message) expect(r.message).toMatch(message);
    });

    it('its public endpoint is an Internet address for the VM\'s outbound rules: a Deny on Internet blocks it, a Deny on VirtualNetwork does not', () => {
      const outbound = (destination: string): TestPlan => {
        const plan = withEndpoints(['Microsoft.Sql']);
        plan.resources.push(nsg('out', [{ name: 'deny', priority: 100, direction: 'Outbound', access: 'Deny', protocol: '*', port: '*', source: '*', destination }]), subnetAssociation('app', 'out'));
        return plan;
      };
      const r = (plan: TestPlan) => flow(serverOf(plan, 'azurerm_linux_virtual_machine.fe'), serverOf(plan, 'azurerm_mssql_server.db'), 1433);
      expect(r(outbound('Internet')).status).toBe('fail');
      expect(r(outbound('VirtualNetwork')).status).toBe('pass');
    });

    it('the legacy azurerm_sql_virtual_network_rule too', () => {
      const legacy = (endpoints: string[]): TestPlan => ({
        resources: [
          ...network.map((r) => (r.address === 'azurerm_subnet.app' ? { ...r, values: { ...r.values, service_endpoints: endpoints } } : r)),
          ...vm('fe', 'app', 'front-end', '10.0.1.4'),
          { address: 'azurerm_sql_server.db', values: { name: 'sql-old', location: 'West Europe', version: '12.0' }, unknown: { id: true } },
          { address: 'azurerm_sql_virtual_network_rule.app', values: { name: 'app', server_name: 'sql-old', ignore_missing_vnet_service_endpoint: true }, unknown: { id: true, subnet_id: true }, expressions: { subnet_id: ref('azurerm_subnet.app.id') } },
        ],
      });
      expect(finding(checkPlans(legacy(['Microsoft.Sql'])), 'OS11-NET-005').status).toBe('pass');
      expect(finding(checkPlans(legacy([])), 'OS11-NET-005').status).toBe('fail');
    });
  });

  it('public network access disabled: private endpoints, not modelled, so unknown', () => {
    expect(finding(checkPlans(sql([firewall('app', '10.0.1.0', '10.0.1.255')], { public_network_access_enabled: false })), 'OS11-NET-005').status).toBe('unknown');
  });
});

describe('VMs in one subnet', () => {
  const plan: TestPlan = {
    resources: [
      ...network,
      nsg('app', [{ name: 'https', priority: 100, port: '443', source: '*' }]),
      nsg('admin', [{ name: 'ssh', priority: 100, port: '22', source: '10.1.0.0/16' }]),
      subnetAssociation('app', 'app'),
      nicAssociation('c', 'admin'),
      ...vm('a', 'app', 'front-end', '10.0.1.10'),
      ...vm('b', 'app', 'front-end', '10.0.1.11'),
      ...vm('c', 'app', 'front-end', '10.0.1.12'),
    ],
  };
  it("share their subnet's NSG layers; a NIC's own NSG is its own layer", () => {
    const servers = environmentsOf(plan).flatMap((e) => e.servers);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => servers.find((s) => s.name === `azurerm_linux_virtual_machine.${n}`)!);
    expect(a.ingress[0]).toBe(b.ingress[0]);
    expect(a.egress[0]).toBe(b.egress[0]);
    expect(c.ingress[0]).toBe(a.ingress[0]);
    expect(a.ingress[0].name).toBe('NSG azurerm_network_security_group.app (subnet azurerm_subnet.app)');
    expect(a.ingress).toHaveLength(1);
    expect(c.ingress.map((l) => l.name)).toEqual(['NSG azurerm_network_security_group.app (subnet azurerm_subnet.app)', 'NSG azurerm_network_security_group.admin (NIC azurerm_network_interface.c)']);
  });

  it('and are still judged one by one', () => {
    const office = cidrs('office', '10.1.0.0/16');
    expect(flow(endUsers, serverOf(plan, 'azurerm_linux_virtual_machine.a'), 443).status).toBe('pass');
    // Both NSGs apply to c: the subnet's admits 443 only, the NIC's admits 22 only.
    expect(flow(office, serverOf(plan, 'azurerm_linux_virtual_machine.c'), 443).status).toBe('fail');
    expect(flow(office, serverOf(plan, 'azurerm_linux_virtual_machine.a'), 443).status).toBe('pass');
    expect(serverOf(plan, 'azurerm_linux_virtual_machine.b').identities).toContain('server:azurerm_linux_virtual_machine.b');
  });
});

describe('virtual machine scale sets', () => {
  const VMSS = 'azurerm_linux_virtual_machine_scale_set.fe';
  /** A scale set of front-ends in subnet app: a public IP per instance unless `publicIp` is false, its NIC under NSG `group` where given. */
  const scaleSet = (o: { instances?: number; group?: string; publicIp?: boolean; type?: string } = {}): TestResource => ({
    address: `${o.type ?? 'azurerm_linux_virtual_machine_scale_set'}.fe`,
    values: {
      name: 'fe',
      location: 'westeurope',
      instances: o.instances ?? 1,
      tags: { 'topogate-role': 'front-end' },
      network_interface: [{ name: 'nic', primary: true, ip_configuration: [{ name: 'ip', primary: true, version: 'IPv4', public_ip_address: o.publicIp === false ? [] : [{ name: 'pip' }], load_balancer_backend_address_pool_ids: null, application_gateway_backend_address_pool_ids: null }] }],
    },
    unknown: { id: true, network_interface: [{ ...(o.group ? { network_security_group_id: true } : {}), ip_configuration: [{ subnet_id: true }] }] },
    expressions: {
      network_interface: [{ ...(o.group ? { network_security_group_id: ref(`azurerm_network_security_group.${o.group}.id`, `azurerm_network_security_group.${o.group}`) } : {}), ip_configuration: [{ subnet_id: ref('azurerm_subnet.app.id', 'azurerm_subnet.app') }] }],
    },
  });
  const https = nsg('web', [{ name: 'https', priority: 100, port: '443', source: '*' }]);

  it.each(['azurerm_linux_virtual_machine_scale_set', 'azurerm_windows_virtual_machine_scale_set', 'azurerm_orchestrated_virtual_machine_scale_set'])('%s is a server: its NIC NSG admits 443 and denies 80', (type) => {
    const plan: TestPlan = { resources: [...network, https, scaleSet({ type, group: 'web' })] };
    const fe = serverOf(plan, `${type}.fe`);
    expect(fe).toMatchObject({ roles: ['front-end'], provider: 'azure', region: 'westeurope', addressesExact: false });
    expect(fe.addresses.toCidrs()).toEqual(['10.0.1.0/24']);
    expect(flow(endUsers, fe, 443).status).toBe('pass');
    const closed = flow(endUsers, fe, 80);
    expect(closed.status).toBe('fail');
    expect(closed.message).toMatch(/denied by azurerm_network_security_group\.web default rule DenyAllInBound \(priority 65500\)/);
  });

  it("its subnet's NSG applies as to a VM's NIC", () => {
    const plan: TestPlan = { resources: [...network, https, subnetAssociation('app', 'web'), scaleSet()] };
    expect(serverOf(plan, VMSS).ingress.map((l) => l.name)).toEqual(['NSG azurerm_network_security_group.web (subnet azurerm_subnet.app)']);
    expect(flow(endUsers, serverOf(plan, VMSS), 443).status).toBe('pass');
    expect(flow(endUsers, serverOf(plan, VMSS), 80).status).toBe('fail');
  });

  it('no public_ip_address block: what its NSG admits from the internet is not certain, the virtual network still reaches it', () => {
    const plan: TestPlan = { resources: [...network, https, scaleSet({ group: 'web', publicIp: false })] };
    const r = flow(endUsers, serverOf(plan, VMSS), 443);
    expect(r.status).toBe('unknown');
    expect(r.message).toMatch(/azurerm_linux_virtual_machine_scale_set\.fe has no public IPv4 address \(no ip_configuration has a public_ip_address\), so clients on the internet reach it only through/);
    expect(flow(cidrs('vnet', '10.0.2.0/24'), serverOf(plan, VMSS), 443).status).toBe('pass');
  });

  it('instances 2: a fleet, so its front-ends monitor each other (the scale set paired with itself); 1: nothing to check', () => {
    // AllowVnetInBound lets the instances reach each other, unless a Deny comes first.
    expect(finding(checkPlans({ resources: [...network, https, scaleSet({ group: 'web', instances: 2 })] }), 'OS11-MON-001', `${VMSS} -> ${VMSS}`).status).toBe('pass');
    const locked = nsg('web', [{ name: 'https', priority: 100, port: '443', source: '*' }, { name: 'deny-all', priority: 4000, access: 'Deny', port: '*', protocol: '*', source: '*' }]);
    const two = finding(checkPlans({ resources: [...network, locked, scaleSet({ group: 'web', instances: 2 })] }), 'OS11-MON-001');
    expect([two.subject, two.status]).toEqual([`${VMSS} -> ${VMSS}`, 'fail']);
    expect(two.message).toMatch(/^another instance of azurerm_linux_virtual_machine_scale_set\.fe \(somewhere in 10\.0\.1\.0\/24\) cannot reach azurerm_linux_virtual_machine_scale_set\.fe on tcp\/80, 12001-12002/);
    expect(serverOf({ resources: [...network, https, scaleSet({ group: 'web', instances: 2 })] }, VMSS).fleet).toBe(`${VMSS} keeps 2 instances running`);
    const one = finding(checkPlans({ resources: [...network, https, scaleSet({ group: 'web' })] }), 'OS11-MON-001');
    expect([one.status, one.message]).toEqual(['pass', expect.stringMatching(/^Nothing to check: only one server \(azurerm_linux_virtual_machine_scale_set\.fe\)/)]);
  });

  it("an autoscale setting that scales it: its profiles' minimum capacity counts, else their maximum; disabled, or unknown, it does not", () => {
    const autoscale = (enabled: boolean, minimum: unknown, maximum = 10): TestResource => ({
      address: 'azurerm_monitor_autoscale_setting.fe',
      values: { name: 'fe', enabled, profile: [{ name: 'default', capacity: [{ default: 1, minimum: minimum === true ? null : minimum, maximum }] }] },
      unknown: { id: true, target_resource_id: true, ...(minimum === true ? { profile: [{ capacity: [{ minimum: true }] }] } : {}) },
      expressions: { target_resource_id: ref(`${VMSS}.id`, VMSS) },
    });
    const fleet = (setting: TestResource) => serverOf({ resources: [...network, https, scaleSet({ group: 'web' }), setting] }, VMSS).fleet;
    expect(fleet(autoscale(true, 3))).toBe(`azurerm_monitor_autoscale_setting.fe keeps 3 instances of ${VMSS} running`);
    expect(fleet(autoscale(false, 3))).toBeUndefined();
    // A minimum unknown until apply counts none; the maximum of 10 still makes it a fleet.
    expect(fleet(autoscale(true, true))).toBe(`azurerm_monitor_autoscale_setting.fe may run up to 10 instances of ${VMSS}`);
    expect(fleet(autoscale(true, 1, 1))).toBeUndefined();
  });

  it('one instance, autoscaled from 1 to 5: a fleet, so a scale set locked to itself fails OS11-MON-001 rather than "nothing to check"', () => {
    const setting: TestResource = {
      address: 'azurerm_monitor_autoscale_setting.fe',
      values: { name: 'fe', enabled: true, profile: [{ name: 'default', capacity: [{ default: 1, minimum: 1, maximum: 5 }] }] },
      unknown: { id: true, target_resource_id: true },
      expressions: { target_resource_id: ref(`${VMSS}.id`, VMSS) },
    };
    const locked = nsg('web', [{ name: 'https', priority: 100, port: '443', source: '*' }, { name: 'deny-all', priority: 4000, access: 'Deny', port: '*', protocol: '*', source: '*' }]);
    const plan = { resources: [...network, locked, scaleSet({ group: 'web', instances: 1 }), setting] };
    expect(serverOf(plan, VMSS).fleet).toBe(`azurerm_monitor_autoscale_setting.fe may run up to 5 instances of ${VMSS}`);
    const f = finding(checkPlans(plan), 'OS11-MON-001');
    expect([f.subject, f.status]).toEqual([`${VMSS} -> ${VMSS}`, 'fail']);
  });
});
