import { describe, expect, it } from 'vitest';
import { buildPlanJson, checkPlans, constant, environmentsOf, finding, inputErrorOf, planText, ref, serverOf } from './helpers/plan-builder.js';
import type { TestPlan, TestResource } from './helpers/plan-builder.js';
import { yaml } from './helpers/pipeline.js';

/**
 * Which servers a plan holds and where they belong: the state after apply, modules and
 * instances, tags and labels, selectors, topology environments, database engines, and
 * providers and regions for the latency rules.
 */

const EGRESS_ALL = { protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' };

const awsVm = (address: string, tags: Record<string, string>, extra: Partial<TestResource> = {}): TestResource => ({
  address,
  values: { tags, availability_zone: 'eu-west-1a', vpc_security_group_ids: ['sg-0existing'] },
  unknown: { id: true },
  ...extra,
});
const azureVm = (address: string, tags: Record<string, string>): TestResource => ({ address, values: { location: 'westeurope', tags, network_interface_ids: [] }, unknown: { id: true } });

describe('the state after apply', () => {
  const plan: TestPlan = {
    resources: [
      awsVm('aws_instance.created', {}),
      awsVm('aws_instance.updated', {}, { actions: ['update'] }),
      awsVm('aws_instance.kept', {}, { actions: ['no-op'] }),
      awsVm('aws_instance.replaced', {}, { actions: ['delete', 'create'] }),
      awsVm('aws_instance.replaced_first', {}, { actions: ['create', 'delete'] }),
      awsVm('aws_instance.deleted', {}, { actions: ['delete'] }),
      { address: 'data.aws_instance.looked_up', values: { tags: {} }, mode: 'data' },
    ],
  };

  it('create, update, no-op and replace are servers; delete is gone; data sources are not servers', () => {
    expect(environmentsOf(plan).flatMap((e) => e.servers.map((s) => s.name)).sort()).toEqual(['aws_instance.created', 'aws_instance.kept', 'aws_instance.replaced', 'aws_instance.replaced_first', 'aws_instance.updated']);
  });

  it('modules to any depth, count and for_each instances each become a server', () => {
    const p: TestPlan = {
      resources: [
        awsVm('module.app["eu"].module.web.aws_instance.fe[0]', { 'topogate-role': 'front-end' }),
        awsVm('module.app["eu"].module.web.aws_instance.fe[1]', { 'topogate-role': 'front-end' }),
        awsVm('module.app["us"].module.web.aws_instance.fe[0]', { 'topogate-role': 'front-end' }),
        awsVm('module.app["eu"].aws_instance.ctl["a"]', { 'topogate-role': 'controller' }),
      ],
      modules: { 'module.app': { source: './app', repeated: true }, 'module.app.module.web': { source: './web' } },
    };
    const servers = environmentsOf(p)[0].servers;
    expect(servers.map((s) => s.name)).toEqual([
      'module.app["eu"].module.web.aws_instance.fe[0]',
      'module.app["eu"].module.web.aws_instance.fe[1]',
      'module.app["us"].module.web.aws_instance.fe[0]',
      'module.app["eu"].aws_instance.ctl["a"]',
    ]);
    expect(servers[0].resource).toEqual({ address: 'module.app["eu"].module.web.aws_instance.fe[0]', type: 'aws_instance' });
  });

  it('changes Terraform defers ("complete": false) are modelled like the others, in module instances not known yet too', () => {
    const json = buildPlanJson({
      resources: [
        awsVm('aws_instance.web', { 'topogate-role': 'front-end' }),
        awsVm('aws_instance.ctl', { 'topogate-role': 'controller' }),
        awsVm('module.farm["k"].aws_instance.fe["k"]', { 'topogate-role': 'front-end' }),
        awsVm('aws_instance.old', {}, { actions: ['delete'] }),
      ],
      modules: { 'module.farm': { source: './farm', repeated: true } },
    });
    // What Terraform 1.9+ writes when it defers: the change moves to deferred_changes, and an
    // instance whose key is not known yet is `[*]` (`index_unknown`).
    const changes = json.resource_changes as Array<Record<string, unknown>>;
    const deferred = changes.splice(1);
    Object.assign(deferred[1], { address: 'module.farm[*].aws_instance.fe[*]', module_address: 'module.farm[*]', index: undefined, index_unknown: true });
    const text = JSON.stringify({ ...json, complete: false, deferred_changes: deferred.map((c) => ({ reason: 'instance_count_unknown', resource_change: c })) }, null, 2);
    const servers = environmentsOf({ plans: { 'plan.json': text } }).flatMap((e) => e.servers);
    expect(servers.map((s) => `${s.name} ${s.roles.join(',')}`)).toEqual(['aws_instance.web front-end', 'aws_instance.ctl controller,cache-invalidation', 'module.farm[*].aws_instance.fe[*] front-end']);
    // Without .tf files a finding points at the deferred change in the plan, not at its first line.
    const ctl = servers[1].location;
    expect(text.split('\n')[ctl.line - 1]).toContain('"resource_change"');
  });
});

describe('a targeted plan (-target)', () => {
  // Terraform writes only the targeted resources as changes; the others stay as they are and
  // appear only in prior_state. They are part of the network after apply all the same.
  const json = buildPlanJson({
    resources: [
      { address: 'aws_security_group.fe', values: { id: 'sg-0fe', ingress: [{ protocol: 'tcp', from_port: 12000, to_port: 12000, cidr_blocks: ['0.0.0.0/0'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' }], egress: [] }, actions: ['update'], expressions: { ingress: [{}] } },
      { ...awsVm('aws_instance.fe', { 'topogate-role': 'front-end' }, { actions: ['no-op'] }), values: { tags: { 'topogate-role': 'front-end' }, vpc_security_group_ids: ['sg-0fe'], private_ip: '10.0.1.10' }, unknown: {} },
      { address: 'data.aws_ami.windows', values: { id: 'ami-1' }, mode: 'data', actions: ['read'] },
    ],
  });
  const changes = json.resource_changes as Array<Record<string, unknown>>;
  const untargeted = changes.splice(1);
  const prior = untargeted.map((c) => ({ address: c.address, mode: c.mode, type: c.type, name: c.name, provider_name: c.provider_name, schema_version: 0, values: (c.change as { after: unknown }).after }));
  const targeted = { ...json, complete: false, planned_values: { root_module: { resources: [] } }, prior_state: { format_version: '1.0', values: { root_module: { resources: prior } } } };

  it.each([
    ['as terraform show -json writes it', JSON.stringify(targeted)],
    ['wrapped under tfplan', JSON.stringify({ tfplan: targeted }, null, 2)],
  ])('the resources it leaves alone are servers and rules after apply (%s)', (_name, text) => {
    const envs = environmentsOf({ plans: { 'plan.json': text } });
    expect(envs.flatMap((e) => e.servers.map((x) => x.name))).toEqual(['aws_instance.fe']);
    const report = checkPlans({ plans: { 'plan.json': text } });
    expect(finding(report, 'OS11-SEC-001', 'internet -> aws_instance.fe').status).toBe('fail');
  });
});

describe('mixed providers fail OS11-LAT-001', () => {
  it('an RDS SQL Server beside Azure VMs: the finding names each provider with its servers', () => {
    const plan: TestPlan = {
      resources: [
        azureVm('azurerm_linux_virtual_machine.fe_1', { 'topogate-role': 'front-end' }),
        azureVm('azurerm_linux_virtual_machine.fe_2', { 'topogate-role': 'front-end' }),
        azureVm('azurerm_windows_virtual_machine.ctl', { 'topogate-role': 'controller' }),
        { address: 'aws_db_instance.platform', values: { engine: 'sqlserver-se', availability_zone: 'eu-west-1b', vpc_security_group_ids: [] }, unknown: { id: true, port: true } },
      ],
    };
    const sources = [{ path: 'infra/main.tf', text: 'resource "azurerm_linux_virtual_machine" "fe_1" {}\nresource "azurerm_linux_virtual_machine" "fe_2" {}\nresource "azurerm_windows_virtual_machine" "ctl" {}\n\n  resource "aws_db_instance" "platform" {\n}\n' }];
    const report = checkPlans({ plans: { 'infra/plan.json': plan }, sources });
    const f = finding(report, 'OS11-LAT-001');
    expect(f.status).toBe('fail');
    expect(f.environment).toBe('default');
    expect(f.message).toBe('The servers of "default" run under 2 providers: azure (azurerm_linux_virtual_machine.fe_1, azurerm_linux_virtual_machine.fe_2, azurerm_windows_virtual_machine.ctl); aws (aws_db_instance.platform). Move them under one provider so that traffic between them stays on one network.');
    expect(f.location).toEqual({ file: 'infra/main.tf', line: 5, column: 3 });
    expect(report.environments).toEqual([{ name: 'default', providers: ['aws', 'azure'], servers: 4 }]);
  });
});

describe('roles and environments from tags and labels', () => {
  it('topogate-environment splits a plan; each environment is evaluated on its own', () => {
    const plan: TestPlan = {
      resources: [
        azureVm('azurerm_linux_virtual_machine.prod_fe', { 'topogate-role': 'front-end', 'topogate-environment': 'production' }),
        azureVm('azurerm_linux_virtual_machine.dev_fe', { 'topogate-role': 'front-end, controller', 'topogate-environment': 'development' }),
        { address: 'aws_db_instance.dev_db', values: { engine: 'oracle-ee', availability_zone: 'eu-west-1a', tags: { 'topogate-environment': 'development' }, vpc_security_group_ids: [] }, unknown: { id: true } },
      ],
    };
    const report = checkPlans(plan);
    expect(report.environments.map((e) => [e.name, e.providers, e.servers])).toEqual([
      ['development', ['aws', 'azure'], 2],
      ['production', ['azure'], 1],
    ]);
    expect(finding(report, 'OS11-LAT-001', 'production').status).toBe('pass');
    expect(finding(report, 'OS11-LAT-001', 'development').status).toBe('fail');
    const dev = serverOf(plan, 'azurerm_linux_virtual_machine.dev_fe');
    expect(dev.roles).toEqual(['front-end', 'controller', 'cache-invalidation']);
    const db = serverOf(plan, 'aws_db_instance.dev_db');
    expect(db).toMatchObject({ roles: ['database'], engine: 'oracle', region: 'eu-west-1' });
  });

  it('a role tag that is not a role name is an input error at the resource', () => {
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': { resources: [azureVm('azurerm_linux_virtual_machine.x', { 'topogate-role': 'front end|db' })] } }, sources: [{ path: 'vm.tf', text: '\nresource "azurerm_linux_virtual_machine" "x" {\n}\n' }] }));
    expect(e.problems[0]).toMatchObject({ file: 'vm.tf', line: 2, column: 1 });
    expect(e.problems[0].message).toMatch(/"end\|db" in the topogate-role tag is not a role name/);
  });
});

describe('databases by engine', () => {
  const db = (engine: string, port?: number, tags: Record<string, string> = {}): TestPlan => ({
    resources: [{ address: 'aws_db_instance.db', values: { engine, tags, availability_zone: 'eu-west-1a', vpc_security_group_ids: [], ...(port ? { port } : {}) }, unknown: { id: true, ...(port ? {} : { port: true }) } }],
  });
  it.each([
    ['sqlserver-se', undefined, 'sqlserver', undefined],
    ['sqlserver-ee', 1444, 'sqlserver', 1444],
    ['custom-sqlserver-web', undefined, 'sqlserver', undefined],
    ['oracle-se2', undefined, 'oracle', undefined],
  ])('%s (port %s) is a database with engine %s', (engine, port, want, wantPort) => {
    const s = serverOf(db(engine, port), 'aws_db_instance.db');
    expect(s.roles).toEqual(['database']);
    expect(s.engine).toBe(want);
    expect(s.port).toBe(wantPort);
  });
  it('a MySQL database is a server only when a tag gives it a role', () => {
    expect(environmentsOf(db('mysql', 3306))[0].servers).toEqual([]);
    expect(serverOf(db('mysql', 3306, { 'topogate-role': 'database' }), 'aws_db_instance.db')).toMatchObject({ engine: 'mysql', port: 3306 });
  });
  it('an RDS SQL Server listening on a custom port is checked on that port', () => {
    const plan: TestPlan = {
      resources: [
        { address: 'aws_security_group.db', values: { ingress: [{ protocol: 'tcp', from_port: 1433, to_port: 1433, cidr_blocks: ['10.0.0.0/8'], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false }], egress: [EGRESS_ALL] }, unknown: { id: true }, expressions: { ingress: [{}], egress: [{}] } },
        { address: 'aws_db_instance.db', values: { engine: 'sqlserver-se', port: 1444, availability_zone: 'eu-west-1a' }, unknown: { id: true, vpc_security_group_ids: true }, expressions: { vpc_security_group_ids: ref('aws_security_group.db.id') } },
        awsVm('aws_instance.fe', { 'topogate-role': 'front-end' }, { values: { tags: { 'topogate-role': 'front-end' }, private_ip: '10.0.1.5', availability_zone: 'eu-west-1a' }, unknown: { id: true, vpc_security_group_ids: true }, expressions: { vpc_security_group_ids: ref('aws_security_group.db') } }),
      ],
    };
    const f = finding(checkPlans(plan), 'OS11-NET-005');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/cannot reach aws_db_instance\.db on tcp\/1444/);
  });
});

describe('topologies that list plans, and selectors', () => {
  const vm = (name: string, tags: Record<string, string>) => azureVm(`azurerm_linux_virtual_machine.${name}`, tags);
  const plan: TestPlan = { resources: [vm('web_1', { Role: 'web' }), vm('web_2', { Role: 'web' }), vm('app', { Role: 'app' }), vm('bastion', {})] };

  it('untagged resources join the environment that lists the plan, with its clients; selectors give roles', () => {
    const topology = yaml`
      version: 1
      environments:
        - name: production
          clients:
            end-users: [198.51.100.0/24]
          terraform:
            plans: [infra/plan.json]
            select:
              - { type: azurerm_linux_virtual_machine, tags: { Role: web }, role: front-end }
              - { address: azurerm_linux_virtual_machine.app, role: [controller] }
    `;
    const envs = environmentsOf({ plans: { 'infra/plan.json': plan }, topologies: { 'topology.yml': topology } });
    expect(envs.map((e) => e.name)).toEqual(['production']);
    const servers = envs[0].servers;
    expect(servers.map((s) => [s.name, s.roles])).toEqual([
      ['azurerm_linux_virtual_machine.web_1', ['front-end']],
      ['azurerm_linux_virtual_machine.web_2', ['front-end']],
      ['azurerm_linux_virtual_machine.app', ['controller', 'cache-invalidation']],
      ['azurerm_linux_virtual_machine.bastion', []],
    ]);
    expect(envs[0].clients.get('end-users')?.addresses.toCidrs()).toEqual(['198.51.100.0/24']);
    expect(servers[0].roleNotes).toEqual({ 'front-end': 'from selector #1 of environment "production"' });
  });

  it('paths in terraform.plans are relative to the topology file', () => {
    const topology = 'version: 1\nenvironments:\n  - name: prod\n    terraform:\n      plans: [infra/plan.json]\n';
    expect(environmentsOf({ plans: { 'ops/infra/plan.json': plan }, topologies: { 'ops/topology.yml': topology } })[0].name).toBe('prod');
    const e = inputErrorOf(() => environmentsOf({ plans: { 'infra/plan.json': plan }, topologies: { 'ops/topology.yml': topology } }));
    expect(e.problems[0].message).toMatch(/plan "infra\/plan\.json" \(ops\/infra\/plan\.json\) was not read/);
  });

  it('a selector with an address prefix, on plans passed with --plan only', () => {
    const topology = 'version: 1\nenvironments:\n  - name: prod\n    terraform:\n      select:\n        - { address: "azurerm_linux_virtual_machine.web_*", role: front-end }\n';
    const envs = environmentsOf({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } });
    expect(envs.find((e) => e.name === 'prod')?.servers.map((s) => s.name)).toEqual(['azurerm_linux_virtual_machine.web_1', 'azurerm_linux_virtual_machine.web_2']);
    // What no selector matches, in a plan no environment lists, goes to "default".
    expect(envs.find((e) => e.name === 'default')?.servers.map((s) => s.name)).toEqual(['azurerm_linux_virtual_machine.app', 'azurerm_linux_virtual_machine.bastion']);
  });

  it('topology servers and plan servers share an environment; a topology opening from role:front-end covers plan front-ends', () => {
    const topology = yaml`
      version: 1
      environments:
        - name: production
          provider: on-premises
          servers:
            - { name: db, roles: [database], engine: sqlserver, addresses: [10.9.0.5] }
          firewall:
            - { from: role:front-end, to: db, ports: [1433] }
          terraform:
            plans: [plan.json]
            select:
              - { tags: { Role: web }, role: front-end }
    `;
    const report = checkPlans({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } });
    const lat = finding(report, 'OS11-LAT-001');
    expect(lat.status).toBe('fail');
    expect(lat.message).toMatch(/azure \(azurerm_linux_virtual_machine\.web_1, .*\); on-premises \(db\)/);
    // The Azure VMs have no NIC in the plan: their own egress is unknown, so the flow cannot be decided.
    const net5 = report.findings.filter((f) => f.policy === 'OS11-NET-005');
    expect(net5.map((f) => f.subject)).toEqual(['azurerm_linux_virtual_machine.web_1 -> db', 'azurerm_linux_virtual_machine.web_2 -> db']);
  });

  it('a topology opening from role:front-end admits a plan front-end by its role', () => {
    const topology = yaml`
      version: 1
      environments:
        - name: production
          provider: aws
          servers:
            - { name: db, roles: [database], engine: sqlserver, addresses: [10.9.0.5] }
          firewall:
            - { from: role:front-end, to: db, ports: [1433] }
          terraform:
            plans: [plan.json]
    `;
    const withEgress = (egress: unknown[]): TestPlan => ({
      resources: [
        { address: 'aws_security_group.fe', values: { ingress: [], egress }, unknown: { id: true }, expressions: { ingress: [], egress: egress.map(() => ({})) } },
        awsVm('aws_instance.fe', { 'topogate-role': 'front-end' }, { values: { tags: { 'topogate-role': 'front-end' }, availability_zone: 'eu-west-1a' }, unknown: { id: true, vpc_security_group_ids: true }, expressions: { vpc_security_group_ids: ref('aws_security_group.fe') } }),
      ],
    });
    const open = checkPlans({ plans: { 'plan.json': withEgress([EGRESS_ALL]) }, topologies: { 'topology.yml': topology } });
    const f = finding(open, 'OS11-NET-005', 'aws_instance.fe -> db');
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/opening role:front-end -> db tcp\/1433/);
    const closed = finding(checkPlans({ plans: { 'plan.json': withEgress([]) }, topologies: { 'topology.yml': topology } }), 'OS11-NET-005', 'aws_instance.fe -> db');
    expect(closed.status).toBe('fail');
    expect(closed.message).toMatch(/egress of security group aws_security_group\.fe/);
  });

  it('a plan listed by two environments with untagged servers is ambiguous: an error at the second listing', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform: { plans: [plan.json] }\n  - name: b\n    terraform:\n      plans: [plan.json]\n';
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } }));
    expect(e.problems[0]).toMatchObject({ file: 'topology.yml', line: 7, column: 15 });
    expect(e.problems[0].message).toMatch(/also listed by environment "a".*topogate-environment/);
  });

  it('a resource matching selectors of two environments is an error at the resource', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform: { select: [{ tags: { Role: web }, role: front-end }] }\n  - name: b\n    terraform: { select: [{ type: azurerm_linux_virtual_machine, role: controller }] }\n';
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } }));
    expect(e.problems[0].message).toMatch(/azurerm_linux_virtual_machine\.web_1 matches selectors of environments "a" and "b"/);
  });

  it('a selector that matches nothing is an error at the selector (a typo must not pass silently)', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform:\n      plans: [plan.json]\n      select:\n        - { tags: { Role: web }, role: front-end }\n        - { tags: { Role: wbe }, role: controller }\n';
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } }));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0]).toMatchObject({ file: 'topology.yml', line: 8, column: 11 });
    expect(e.problems[0].message).toMatch(/selector #2 of environment "a" matches no server resource in the plans it lists \(plan\.json\)/);
  });

  it('a selector of a type that is no server type says so, with the server type it nearly names', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform:\n      plans: [plan.json]\n      select:\n        - { tags: { Role: web }, role: front-end }\n        - { type: azurerm_linux_virtual_machin, role: controller }\n        - { type: azurerm_lb, role: controller }\n';
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } }));
    expect(e.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['8:11', '9:11']);
    expect(e.problems[0].message).toBe('selector #2 of environment "a" selects type "azurerm_linux_virtual_machin", which is not a server type topogate reads, so it matches nothing. Did you mean azurerm_linux_virtual_machine?');
    expect(e.problems[1].message).toMatch(/^selector #3 of environment "a" selects type "azurerm_lb", which is not a server type topogate reads, so it matches nothing\. Server types: aws_instance, .*google_sql_database_instance\.$/);
  });

  it('a selector reading tags not known until apply says so, not "check its type, address and tags"', () => {
    const unknownTags: TestPlan = {
      resources: [
        { ...vm('web_1', {}), values: { location: 'westeurope', network_interface_ids: [] }, unknown: { id: true, tags: true } },
        { ...vm('web_2', { Name: 'two' }), unknown: { id: true, tags: { Role: true } } },
        vm('app', { Role: 'app' }),
      ],
    };
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform:\n      plans: [plan.json]\n      select:\n        - { tags: { Role: web }, role: front-end }\n        - { tags: { Role: db }, type: azurerm_mssql_server, role: database }\n';
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': unknownTags }, topologies: { 'topology.yml': topology } }));
    expect(e.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['7:11', '8:11']);
    expect(e.problems[0].message).toMatch(/selector #1 of environment "a" matches no server resource in the plans it lists \(plan\.json\), but the tags it reads are not known until apply on 2 that it may match \(tags of azurerm_linux_virtual_machine\.web_1; tags of azurerm_linux_virtual_machine\.web_2\)/);
    // A selector whose type rules those resources out is simply wrong.
    expect(e.problems[1].message).toMatch(/selector #2 .* Check its type, address and tags/);
  });

  it('a plan the topology lists but nobody read is an error at the listing', () => {
    const topology = 'version: 1\nenvironments:\n  - name: a\n    terraform:\n      plans: [missing.json]\n';
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': plan }, topologies: { 'topology.yml': topology } }));
    expect(e.problems[0]).toMatchObject({ file: 'topology.yml', line: 5, column: 15 });
  });

  it('a firewall role only plan servers hold is fine; one nobody holds is an error at its line', () => {
    const ok = 'version: 1\nenvironments:\n  - name: a\n    servers:\n      - { name: db, roles: [database], addresses: [10.0.0.5] }\n    firewall:\n      - { from: role:front-end, to: db, ports: [1433] }\n    terraform:\n      plans: [plan.json]\n';
    const tagged: TestPlan = { resources: [azureVm('azurerm_linux_virtual_machine.fe', { 'topogate-role': 'front-end' })] };
    expect(() => environmentsOf({ plans: { 'plan.json': tagged }, topologies: { 'topology.yml': ok } })).not.toThrow();
    const e = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': tagged }, topologies: { 'topology.yml': ok.replace('role:front-end', 'role:front-ends') } }));
    expect(e.problems[0]).toMatchObject({ file: 'topology.yml', line: 7, column: 17 });
    expect(e.problems[0].message).toMatch(/no server holds role "front-ends", neither in the topology nor in its plans\. Did you mean role:front-end\?/);
  });

  it('waivers name plan environments', () => {
    const topology = 'version: 1\nwaivers:\n  - { policy: OS11-LAT-001, environment: default, reason: migrating to Azure, expires: "2030-01-01" }\n';
    const report = checkPlans({ plans: { 'plan.json': { resources: [azureVm('azurerm_linux_virtual_machine.a', {}), awsVm('aws_instance.b', {})] } }, topologies: { 'topology.yml': topology } });
    expect(finding(report, 'OS11-LAT-001').status).toBe('waived');
  });

  it('the same address in two plans of one environment stays two servers', () => {
    const one: TestPlan = { resources: [azureVm('azurerm_linux_virtual_machine.fe', { 'topogate-role': 'front-end', 'topogate-environment': 'prod' })] };
    const names = environmentsOf({ plans: { 'eu/plan.json': one, 'us/plan.json': one } })[0].servers.map((s) => s.name);
    expect(names).toEqual(['azurerm_linux_virtual_machine.fe', 'azurerm_linux_virtual_machine.fe (us/plan.json)']);
  });
});

describe('region', () => {
  it('from the provider configuration when the resource has none, followed through a variable', () => {
    const plan: TestPlan = {
      resources: [{ address: 'aws_launch_template.web', values: { tags: { 'topogate-role': 'front-end' }, vpc_security_group_ids: [] }, unknown: { id: true } }],
      variables: { region: 'ap-southeast-2' },
      providers: { aws: { name: 'aws', expressions: { region: ref('var.region') } } },
    };
    expect(serverOf(plan, 'aws_launch_template.web').region).toBe('ap-southeast-2');
  });
  it('an Azure location written "West Europe" and "westeurope" is one region', () => {
    const report = checkPlans({ resources: [{ address: 'azurerm_linux_virtual_machine.a', values: { location: 'West Europe' } }, { address: 'azurerm_linux_virtual_machine.b', values: { location: 'westeurope' } }] });
    expect(finding(report, 'OS11-LAT-002').status).toBe('pass');
  });
  it('an Azure location unknown until apply is followed to the resource group', () => {
    const plan: TestPlan = {
      resources: [
        { address: 'azurerm_resource_group.main', values: { name: 'rg', location: 'northeurope' }, unknown: { id: true } },
        { address: 'azurerm_linux_virtual_machine.a', values: {}, unknown: { location: true }, expressions: { location: ref('azurerm_resource_group.main.location', 'azurerm_resource_group.main') } },
      ],
    };
    expect(serverOf(plan, 'azurerm_linux_virtual_machine.a').region).toBe('northeurope');
  });
  it('a constant in configuration beats nothing', () => {
    const plan: TestPlan = { resources: [{ address: 'google_compute_instance.a', values: {}, unknown: { zone: true }, expressions: { zone: constant('asia-east1-c') } }] };
    expect(serverOf(plan, 'google_compute_instance.a').region).toBe('asia-east1');
  });
});

describe('environments named almost alike (a misspelt topogate-environment tag)', () => {
  const vm = (name: string, role: string, env: string) => ({ address: `aws_instance.${name}`, values: { private_ip: '10.0.0.1', tags: { 'topogate-role': role, 'topogate-environment': env } } });

  it('warn at the smaller one, naming both: its servers are checked apart, and the flows to them not at all', () => {
    const report = checkPlans({ resources: [vm('fe', 'front-end', 'production'), vm('ctl', 'controller', 'production'), vm('db', 'database', 'prodution')] });
    expect(report.advisories).toHaveLength(1);
    const text = planText({ resources: [vm('fe', 'front-end', 'production'), vm('ctl', 'controller', 'production'), vm('db', 'database', 'prodution')] });
    expect(report.advisories![0]).toMatchObject({ file: 'plan.json', line: text.slice(0, text.indexOf('"address": "aws_instance.db"')).split('\n').length });
    expect(report.advisories![0].message).toBe('environment "prodution" (1 server: aws_instance.db) is named almost like "production" (2 servers: aws_instance.fe, aws_instance.ctl); each is checked on its own, so no policy checks a flow between them. If they are one environment, write one name (the topogate-environment tag or the topology\'s name:); if they are two, this warning can be ignored.');
    // A warning: the run's verdict is the findings'.
    expect(report.findings.every((f) => f.status !== 'fail')).toBe(true);
  });

  it.each([
    ['case and separators', 'Prod_EU', 'prod-eu'],
    ['two letters swapped', 'staging', 'stagign'],
  ])('%s are a slip too', (_name, a, b) => {
    expect(checkPlans({ resources: [vm('fe', 'front-end', a), vm('ctl', 'controller', a), vm('db', 'database', b)] }).advisories).toHaveLength(1);
  });

  it('names with different numbers, or more than a letter apart, are environments of their own', () => {
    // A changed letter is how paired environments are named (blue/green, region codes).
    const envs = ['prod-1', 'prod-2', 'prod-10', 'stage', 'staging', 'qa', 'uat', 'qat', 'prod-a', 'prod-b', 'weu', 'neu'];
    const report = checkPlans({ resources: envs.map((e, i) => vm(`s${i}`, 'front-end', e)) });
    expect(report.advisories ?? []).toEqual([]);
  });
});
