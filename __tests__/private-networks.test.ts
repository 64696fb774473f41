import { describe, expect, it } from 'vitest';
import { checkPlans, finding, ref } from './helpers/plan-builder.js';
import type { TestResource } from './helpers/plan-builder.js';

/**
 * Firewalls filter only what can be routed: servers in two networks (VPCs, VNets) that no
 * peering joins do not reach each other's private addresses, whatever the rules allow.
 * Each cloud: apart, a required flow the rules allow is unknown (a plan does not hold all that
 * may join them: a peering made elsewhere, a hub's appliance, a public endpoint); peered, or
 * with routing the plan does not read, the rules decide.
 */

const role = (r: string) => ({ 'topogate-role': r });
const existing = (r: TestResource): TestResource => ({ ...r, actions: ['no-op'], unknown: {} });

describe('GCP: instances on two VPC networks', () => {
  const network = (n: string): TestResource => ({ address: `google_compute_network.${n}`, values: { name: n, auto_create_subnetworks: false, self_link: `https://www.googleapis.com/compute/v1/projects/p/global/networks/${n}` }, unknown: { id: true } });
  const subnet = (n: string, net: string, cidr: string): TestResource => ({ address: `google_compute_subnetwork.${n}`, values: { name: n, ip_cidr_range: cidr, region: 'europe-west1' }, unknown: { id: true, self_link: true, network: true }, expressions: { network: ref(`google_compute_network.${net}.id`, `google_compute_network.${net}`) } });
  const firewall = (net: string): TestResource => ({
    address: `google_compute_firewall.${net}`,
    values: { name: `internal-${net}`, direction: 'INGRESS', priority: 1000, allow: [{ protocol: 'tcp', ports: [] }], deny: [], source_ranges: ['10.0.0.0/8'], disabled: false, source_tags: null, target_tags: null, source_service_accounts: null, target_service_accounts: null },
    unknown: { id: true, network: true },
    expressions: { network: ref(`google_compute_network.${net}.name`, `google_compute_network.${net}`) },
  });
  const instance = (n: string, sub: string, ip: string, r: string): TestResource => ({
    address: `google_compute_instance.${n}`,
    values: { name: n, zone: 'europe-west1-b', tags: [], labels: role(r), network_interface: [{ network_ip: ip }] },
    unknown: { id: true, network_interface: [{ network: true, subnetwork: true }] },
    expressions: { network_interface: [{ subnetwork: ref(`google_compute_subnetwork.${sub}.id`, `google_compute_subnetwork.${sub}`) }] },
  });
  const base = [network('a'), network('b'), subnet('sa', 'a', '10.0.1.0/24'), subnet('sb', 'b', '10.1.1.0/24'), firewall('a'), firewall('b'), instance('ctl', 'sa', '10.0.1.5', 'controller'), instance('fe', 'sb', '10.1.1.4', 'front-end')];
  const peering: TestResource = { address: 'google_compute_network_peering.ab', values: { name: 'ab' }, unknown: { id: true, network: true, peer_network: true }, expressions: { network: ref('google_compute_network.a.self_link', 'google_compute_network.a'), peer_network: ref('google_compute_network.b.self_link', 'google_compute_network.b') } };

  it('apart: the required flow is unknown, saying why; peered: the firewall decides', () => {
    const apart = finding(checkPlans({ resources: base }), 'OS11-NET-007');
    expect(apart.status).toBe('unknown');
    expect(apart.message).toMatch(/^Cannot decide whether google_compute_instance\.fe reaches google_compute_instance\.ctl: google_compute_instance\.fe is in google_compute_network\.b and google_compute_instance\.ctl in google_compute_network\.a, and no peering of this plan joins the two networks/);
    expect(apart.message).toMatch(/The network rules alone would let it through: /);
    expect(finding(checkPlans({ resources: [...base, peering] }), 'OS11-NET-007').status).toBe('pass');
  });

  it('networks that exist already: unknown too; a VPN or a route in the plan may join them: the firewall decides', () => {
    const kept = base.map((r) => (r.address.startsWith('google_compute_network.') ? existing(r) : r));
    expect(finding(checkPlans({ resources: kept }), 'OS11-NET-007').status).toBe('unknown');
    const route: TestResource = { address: 'google_compute_route.via', values: { name: 'via', dest_range: '10.0.0.0/8' }, unknown: { id: true } };
    expect(finding(checkPlans({ resources: [...base, route] }), 'OS11-NET-007').status).toBe('pass');
    const vpn: TestResource = { address: 'google_compute_vpn_tunnel.t', values: { name: 't' }, unknown: { id: true } };
    expect(finding(checkPlans({ resources: [...base, vpn] }), 'OS11-NET-007').status).toBe('pass');
  });
});

describe('Azure: VMs in two virtual networks', () => {
  const vnet = (n: string, space: string): TestResource => ({ address: `azurerm_virtual_network.${n}`, values: { name: n, resource_group_name: 'rg', location: 'westeurope', address_space: [space] }, unknown: { id: true } });
  const subnet = (n: string, net: string, cidr: string): TestResource => ({ address: `azurerm_subnet.${n}`, values: { name: n, resource_group_name: 'rg', virtual_network_name: net, address_prefixes: [cidr] }, unknown: { id: true }, expressions: { virtual_network_name: ref(`azurerm_virtual_network.${net}.name`, `azurerm_virtual_network.${net}`) } });
  const vm = (n: string, sub: string, ip: string, r: string): TestResource[] => [
    { address: `azurerm_network_interface.${n}`, values: { name: n, ip_configuration: [{ name: 'ip', private_ip_address_allocation: 'Static', private_ip_address: ip }] }, unknown: { id: true, ip_configuration: [{ subnet_id: true }] }, expressions: { ip_configuration: [{ subnet_id: ref(`azurerm_subnet.${sub}.id`, `azurerm_subnet.${sub}`) }] } },
    { address: `azurerm_linux_virtual_machine.${n}`, values: { name: n, location: 'westeurope', tags: role(r) }, unknown: { id: true, network_interface_ids: true }, expressions: { network_interface_ids: ref(`azurerm_network_interface.${n}.id`, `azurerm_network_interface.${n}`) } },
  ];
  const base = [vnet('v', '10.0.0.0/16'), vnet('b', '10.1.0.0/16'), subnet('app', 'v', '10.0.1.0/24'), subnet('feb', 'b', '10.1.1.0/24'), ...vm('ctl', 'app', '10.0.1.5', 'controller'), ...vm('fe', 'feb', '10.1.1.4', 'front-end')];
  const peering: TestResource = { address: 'azurerm_virtual_network_peering.vb', values: { name: 'vb', resource_group_name: 'rg', virtual_network_name: 'v' }, unknown: { id: true, remote_virtual_network_id: true }, expressions: { virtual_network_name: ref('azurerm_virtual_network.v.name', 'azurerm_virtual_network.v'), remote_virtual_network_id: ref('azurerm_virtual_network.b.id', 'azurerm_virtual_network.b') } };

  it('VirtualNetwork does not span two unpeered networks: apart, the required flow is unknown; peered, or routed through a hub firewall, it passes', () => {
    const apart = finding(checkPlans({ resources: base }), 'OS11-NET-007');
    expect(apart.status).toBe('unknown');
    expect(apart.message).toMatch(/azurerm_linux_virtual_machine\.fe is in azurerm_virtual_network\.b and azurerm_linux_virtual_machine\.ctl in azurerm_virtual_network\.v, and no peering of this plan joins the two networks/);
    expect(finding(checkPlans({ resources: [...base, peering] }), 'OS11-NET-007').status).toBe('pass');
    const routeTable: TestResource = { address: 'azurerm_route_table.spokes', values: { name: 'spokes', route: [{ name: 'hub', address_prefix: '10.0.0.0/8', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.9.0.4' }] }, unknown: { id: true } };
    expect(finding(checkPlans({ resources: [...base, routeTable] }), 'OS11-NET-007').status).toBe('pass');
  });

  it('one virtual network outside the plan, named by one subnet and held in the other\'s id, is one network', () => {
    const external = (n: string, cidr: string, named: boolean): TestResource => ({
      address: `azurerm_subnet.${n}`,
      values: { name: n, resource_group_name: 'rg', address_prefixes: [cidr], id: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/Hub/subnets/${n}`, ...(named ? { virtual_network_name: 'hub' } : {}) },
      actions: ['no-op'],
    });
    const resources = [external('app', '10.0.1.0/24', true), external('feb', '10.0.2.0/24', false), ...vm('ctl', 'app', '10.0.1.5', 'controller'), ...vm('fe', 'feb', '10.0.2.4', 'front-end')];
    expect(finding(checkPlans({ resources }), 'OS11-NET-007').status).not.toBe('fail');
    expect(finding(checkPlans({ resources }), 'OS11-NET-007').message).not.toMatch(/no peering of this plan joins/);
  });
});

describe('AWS: instances in two VPCs', () => {
  const vpc = (n: string, cidr: string): TestResource => ({ address: `aws_vpc.${n}`, values: { cidr_block: cidr }, unknown: { id: true } });
  const subnet = (n: string, net: string, cidr: string): TestResource => ({ address: `aws_subnet.${n}`, values: { cidr_block: cidr }, unknown: { id: true, vpc_id: true }, expressions: { vpc_id: ref(`aws_vpc.${net}.id`, `aws_vpc.${net}`) } });
  const open = (net: string): TestResource => ({
    address: `aws_security_group.${net}`,
    values: { ingress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }], egress: [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }] },
    unknown: { id: true, vpc_id: true },
    expressions: { vpc_id: ref(`aws_vpc.${net}.id`, `aws_vpc.${net}`), ingress: [{}], egress: [{}] },
  });
  const instance = (n: string, sub: string, sg: string, ip: string, r: string): TestResource => ({
    address: `aws_instance.${n}`,
    values: { ami: 'ami-1', private_ip: ip, tags: role(r) },
    unknown: { id: true, subnet_id: true, vpc_security_group_ids: true },
    expressions: { subnet_id: ref(`aws_subnet.${sub}.id`, `aws_subnet.${sub}`), vpc_security_group_ids: ref(`aws_security_group.${sg}.id`, `aws_security_group.${sg}`) },
  });
  const base = [vpc('a', '10.0.0.0/16'), vpc('b', '10.1.0.0/16'), subnet('sa', 'a', '10.0.1.0/24'), subnet('sb', 'b', '10.1.1.0/24'), open('a'), open('b'), instance('ctl', 'sa', 'a', '10.0.1.5', 'controller'), instance('fe', 'sb', 'b', '10.1.1.4', 'front-end')];
  const peering: TestResource = { address: 'aws_vpc_peering_connection.ab', values: { auto_accept: true }, unknown: { id: true, vpc_id: true, peer_vpc_id: true }, expressions: { vpc_id: ref('aws_vpc.a.id', 'aws_vpc.a'), peer_vpc_id: ref('aws_vpc.b.id', 'aws_vpc.b') } };

  it('apart, the required flow is unknown; peered, the security groups decide; a transit gateway attachment may route them', () => {
    const apart = finding(checkPlans({ resources: base }), 'OS11-NET-007');
    expect(apart.status).toBe('unknown');
    expect(apart.message).toMatch(/aws_instance\.fe is in aws_vpc\.b and aws_instance\.ctl in aws_vpc\.a, and no peering of this plan joins the two networks/);
    expect(finding(checkPlans({ resources: [...base, peering] }), 'OS11-NET-007').status).toBe('pass');
    const tgw: TestResource = { address: 'aws_ec2_transit_gateway_vpc_attachment.a', values: {}, unknown: { id: true } };
    expect(finding(checkPlans({ resources: [...base, tgw] }), 'OS11-NET-007').status).toBe('pass');
  });
});
