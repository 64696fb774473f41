import { describe, expect, it } from 'vitest';
import { scanDeclarations, joinFolder } from '../src/core/terraform/tf-declarations.js';
import { buildPlanJson, checkPlans, finding, serverOf } from './helpers/plan-builder.js';
import type { PlanRun, TestPlan } from './helpers/plan-builder.js';

/** Findings on a Terraform resource land on the `.tf` line that declares it, modules included. */

describe('scanning .tf files', () => {
  it('finds top-level resource, data and module blocks, skipping comments, strings and heredocs', () => {
    const text = [
      '# resource "aws_instance" "commented" {',
      '/* resource "aws_instance" "in_block_comment" {',
      '}',
      '*/',
      'resource "aws_instance" "web" {',
      '  user_data = <<-EOT',
      '    resource "aws_instance" "in_heredoc" {',
      '    }',
      '  EOT',
      '  tags = { Name = "${var.name}-{web}" }',
      '  dynamic "ebs_block_device" {',
      '    for_each = var.disks',
      '    content {}',
      '  }',
      '}',
      '',
      '  data "aws_ami" "ubuntu" {}',
      'module "net" {',
      '  source = "./modules/net"',
      '}',
      'resource aws_instance bare {',
      '}',
    ].join('\n');
    const scan = scanDeclarations([{ path: 'infra/main.tf', text }]);
    const found = scan.byFolder.get('infra');
    expect([...(found?.keys() ?? [])]).toEqual(['resource|aws_instance.web', 'data|aws_ami.ubuntu', 'module|net', 'resource|aws_instance.bare']);
    expect(found?.get('resource|aws_instance.web')?.location).toEqual({ file: 'infra/main.tf', line: 5, column: 1 });
    expect(found?.get('resource|aws_instance.web')?.written).toEqual(new Set(['user_data', 'tags', 'ebs_block_device']));
    expect(found?.get('data|aws_ami.ubuntu')?.location).toEqual({ file: 'infra/main.tf', line: 17, column: 3 });
    expect(found?.get('resource|aws_instance.bare')?.location.line).toBe(21);
  });

  it('CRLF files and a byte-order mark keep lines right', () => {
    const scan = scanDeclarations([{ path: 'a.tf', text: '\ufeff# x\r\n\r\nresource "aws_instance" "web" {\r\n}\r\n' }]);
    expect(scan.byFolder.get('.')?.get('resource|aws_instance.web')?.location).toEqual({ file: 'a.tf', line: 3, column: 1 });
  });

  it.each([
    ['infra', './modules/net', 'infra/modules/net'],
    ['infra/live', '../modules/net', 'infra/modules/net'],
    ['.', './net', 'net'],
    ['.', '../outside', undefined],
    ['infra', 'terraform-aws-modules/vpc/aws', undefined],
    ['infra', 'git::https://example.com/net.git', undefined],
  ])('module source %s + %s -> %s', (base, source, want) => {
    expect(joinFolder(base, source)).toBe(want);
  });
});

describe('findings point at the declaring line', () => {
  const plan: TestPlan = {
    resources: [
      { address: 'module.web.aws_instance.fe[0]', values: { tags: { 'topogate-role': 'front-end' }, availability_zone: 'eu-west-1a', vpc_security_group_ids: ['sg-1'] } },
      { address: 'module.web.aws_instance.fe[1]', values: { tags: { 'topogate-role': 'front-end' }, availability_zone: 'eu-west-1a', vpc_security_group_ids: ['sg-1'] } },
      { address: 'module.vpc.module.db.aws_db_instance.this[0]', values: { engine: 'sqlserver-se', availability_zone: 'eu-west-1a', vpc_security_group_ids: ['sg-1'] } },
      { address: 'azurerm_linux_virtual_machine.legacy', values: { location: 'westeurope' } },
    ],
    modules: {
      'module.web': { source: './modules/web' },
      'module.vpc': { source: '../shared/vpc' },
      'module.vpc.module.db': { source: 'terraform-aws-modules/rds/aws' },
    },
  };
  const sources = [
    { path: 'live/prod/main.tf', text: 'module "web" {\n  source = "./modules/web"\n}\n\nmodule "vpc" {\n  source = "../shared/vpc"\n}\n\nresource "azurerm_linux_virtual_machine" "legacy" {\n}\n' },
    { path: 'live/prod/modules/web/instances.tf', text: 'variable "n" {}\n\nresource "aws_instance" "fe" {\n  count = var.n\n}\n' },
    { path: 'live/shared/vpc/db.tf', text: '\n\n  module "db" {\n    source = "terraform-aws-modules/rds/aws"\n  }\n' },
    // A copy elsewhere declares the same names: the folder the module source names wins.
    { path: 'archive/web/instances.tf', text: 'resource "aws_instance" "fe" {\n}\n' },
  ];

  it('a resource in a local module: its file and line, for every instance', () => {
    expect(serverOf({ plans: { 'live/prod/plan.json': plan }, sources }, 'module.web.aws_instance.fe[1]').location).toEqual({ file: 'live/prod/modules/web/instances.tf', line: 3, column: 1 });
  });

  it('a resource in a registry module: the module block that calls it', () => {
    expect(serverOf({ plans: { 'live/prod/plan.json': plan }, sources }, 'module.vpc.module.db.aws_db_instance.this[0]').location).toEqual({ file: 'live/shared/vpc/db.tf', line: 3, column: 3 });
  });

  it('a root resource: the root folder is the one declaring the root module\'s blocks', () => {
    const report = checkPlans({ plans: { 'live/prod/plan.json': plan }, sources });
    const lat = finding(report, 'OS11-LAT-001');
    expect(lat.status).toBe('fail');
    expect(lat.location).toEqual({ file: 'live/prod/main.tf', line: 9, column: 1 });
  });

  it('without .tf files: the resource\'s entry in the plan file', () => {
    const text = JSON.stringify(buildPlanJson(plan), null, 2);
    const s = serverOf({ plans: { 'plan.json': text } }, 'azurerm_linux_virtual_machine.legacy');
    // The resource's change entry: the first "address" line after resource_changes starts.
    const lines = text.split('\n');
    const changes = lines.findIndex((l) => l.includes('"resource_changes"'));
    const line = lines.findIndex((l, i) => i > changes && l.includes('"address": "azurerm_linux_virtual_machine.legacy"')) + 1;
    expect(s.location).toEqual({ file: 'plan.json', line, column: 7 });
  });

  it('two folders declare the same root blocks: the one nearest the plan wins', () => {
    const root: TestPlan = { resources: [{ address: 'azurerm_linux_virtual_machine.vm', values: { location: 'westeurope' } }] };
    const twins = [
      { path: 'envs/dev/main.tf', text: 'resource "azurerm_linux_virtual_machine" "vm" {}\n' },
      { path: 'envs/prod/main.tf', text: '\nresource "azurerm_linux_virtual_machine" "vm" {}\n' },
    ];
    expect(serverOf({ plans: { 'envs/prod/plan.json': root }, sources: twins }, 'azurerm_linux_virtual_machine.vm').location.file).toBe('envs/prod/main.tf');
    expect(serverOf({ plans: { 'envs/dev/plan.json': root }, sources: twins }, 'azurerm_linux_virtual_machine.vm').location.file).toBe('envs/dev/main.tf');
  });

  describe('look-alike stacks, the plan outside the repository ($RUNNER_TEMP)', () => {
    const root: TestPlan = { resources: [{ address: 'azurerm_linux_virtual_machine.vm', values: { location: 'westeurope' } }] };
    const stacks = [
      { path: 'stacks/a-prod/main.tf', text: 'resource "azurerm_linux_virtual_machine" "vm" {}\n' },
      { path: 'stacks/b-staging/main.tf', text: '\nresource "azurerm_linux_virtual_machine" "vm" {}\n' },
      { path: 'stacks/b-staging/old/main.tf', text: '\n\nresource "azurerm_linux_virtual_machine" "vm" {}\n' },
    ];
    const outside = '/home/runner/work/_temp/plan.json';
    const fileOf = (run: Partial<PlanRun>) => serverOf({ plans: { [outside]: root }, sources: stacks, ...run }, 'azurerm_linux_virtual_machine.vm').location.file;

    it.each([
      ['stacks/b-staging', 'stacks/b-staging/main.tf'],
      ['stacks/a-prod', 'stacks/a-prod/main.tf'],
      // The folder itself, not a copy below it.
      ['stacks/b-staging/old', 'stacks/b-staging/old/main.tf'],
    ])('working directory %s: %s', (workingFolder, want) => {
      expect(fileOf({ workingFolder })).toBe(want);
    });

    it('working directory at the root: no stack is nearer, so the finding stays in the plan, not on a stack picked by name', () => {
      expect(fileOf({ workingFolder: '.' })).toBe(outside);
      expect(fileOf({})).toBe(outside);
      expect(fileOf({ workingFolder: 'stacks', sources: stacks.slice(0, 2) })).toBe(outside);
    });

    it('a plan inside the repository still decides first', () => {
      expect(serverOf({ plans: { 'stacks/a-prod/plan.json': root }, sources: stacks, workingFolder: 'stacks/b-staging' }, 'azurerm_linux_virtual_machine.vm').location.file).toBe('stacks/a-prod/main.tf');
    });
  });
});
