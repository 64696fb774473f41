import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { once } from 'node:events';

/**
 * Generates a `terraform show -json` plan of N instances, shaped like real output, and
 * the findings the built-in pack must produce on it (worked out by construction, not by
 * running topogate).
 *
 * Layout: one module instance per environment, `module.site["env-0042"]` (for_each), each
 * with ten instances: an OutSystems controller (`aws_instance.ctl`), a farm of three
 * front-ends (`aws_instance.fe[count.index]`) and six other servers without an OutSystems
 * role (`aws_instance.worker[count.index]`, as most servers of a large plan are); one
 * security group per instance (`ctl`, `fe[count.index]`, `worker[count.index]`) plus a
 * shared `fe_common`, a SQL Server RDS database (N/10 in all) with its group, and
 * standalone `aws_security_group_rule`s between the groups. Environments cycle through
 * create (ids unknown until apply: linked through `configuration` references), no-op and
 * update (ids known), and create-with-deletes (old rules being deleted). Some environments
 * carry honest mistakes so that failures are exercised too:
 * - every 5th: the last front-end has no rule to the database (OS11-NET-005 fails for it);
 * - every 7th: the database is in another region (OS11-LAT-002 fails, a notice);
 * - every 11th: the front-ends open 12001 to the world (OS11-SEC-001 fails, a warning).
 */

export interface ExpectedFinding {
  environment: string;
  policy: string;
  subject: string;
  status: 'pass' | 'fail' | 'unknown';
}

const PER_ENV = 10;
/** A typical OutSystems farm; the other servers of an environment hold no OutSystems role. */
const FRONT_ENDS = 3;
const OTHERS = PER_ENV - 1 - FRONT_ENDS;
const REGION = 'eu-west-1';

type Action = 'create' | 'no-op' | 'update' | 'create-with-deletes';

function envAction(e: number): Action {
  return (['create', 'no-op', 'update', 'create-with-deletes'] as const)[e % 4];
}

const envName = (e: number) => `env-${String(e).padStart(5, '0')}`;
const moduleAddress = (e: number) => `module.site["${envName(e)}"]`;
const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

interface Res {
  type: string;
  name: string;
  index?: number;
  values: Record<string, unknown>;
  /** after_unknown for a created resource. */
  unknown: Record<string, unknown>;
  /** Values before, for resources that exist (no-op, update, delete). */
  before?: Record<string, unknown>;
  actions: string[];
}

function address(e: number, r: { type: string; name: string; index?: number }): string {
  return `${moduleAddress(e)}.${r.type}.${r.name}${r.index === undefined ? '' : `[${r.index}]`}`;
}

/** Attributes a real aws_instance carries besides the ones topogate reads (the bulk of a plan). */
function instanceFiller(e: number, i: number): Record<string, unknown> {
  return {
    ami: `ami-${hex(e * 31 + i, 17)}`,
    // Public: the expected findings reach the instances from the internet directly.
    associate_public_ip_address: true,
    disable_api_termination: false,
    ebs_optimized: true,
    iam_instance_profile: `os11-${envName(e)}`,
    instance_type: i === 0 ? 'm5.xlarge' : 'm5.large',
    key_name: 'os11-ops',
    metadata_options: [{ http_endpoint: 'enabled', http_tokens: 'required' }],
    monitoring: true,
    root_block_device: [{ encrypted: true, volume_size: 120, volume_type: 'gp3' }],
    tenancy: 'default',
  };
}

function instanceUnknown(): Record<string, unknown> {
  return {
    arn: true, capacity_reservation_specification: true, cpu_core_count: true, cpu_options: true, cpu_threads_per_core: true,
    host_id: true, id: true, instance_lifecycle: true, instance_state: true, ipv6_address_count: true, ipv6_addresses: true,
    network_interface: true, outpost_arn: true, password_data: true, placement_group: true, placement_partition_number: true,
    primary_network_interface_id: true, private_dns: true, private_dns_name_options: true, private_ip: true, public_dns: true,
    public_ip: true, secondary_private_ips: true, security_groups: true, spot_instance_request_id: true, vpc_security_group_ids: true,
    metadata_options: [{}], root_block_device: [{ device_name: true, kms_key_id: true, volume_id: true }],
    tags: {}, tags_all: {},
  };
}

function sgIds(e: number): { ctl: string; fe: string[]; feCommon: string; worker: string[]; db: string } {
  const base = e * 16;
  return {
    ctl: `sg-${hex(base, 17)}`,
    fe: Array.from({ length: FRONT_ENDS }, (_, i) => `sg-${hex(base + 1 + i, 17)}`),
    feCommon: `sg-${hex(base + 10, 17)}`,
    worker: Array.from({ length: OTHERS }, (_, i) => `sg-${hex(base + 4 + i, 17)}`),
    db: `sg-${hex(base + 11, 17)}`,
  };
}

const WORLD_V4 = ['0.0.0.0/0'];
const ALL_EGRESS = [{ cidr_blocks: WORLD_V4, description: 'all out', from_port: 0, ipv6_cidr_blocks: ['::/0'], prefix_list_ids: [], protocol: '-1', security_groups: [], self: false, to_port: 0 }];

function ingress(from: number, to: number, cidrs: string[], description: string) {
  return { cidr_blocks: cidrs, description, from_port: from, ipv6_cidr_blocks: [], prefix_list_ids: [], protocol: 'tcp', security_groups: [], self: false, to_port: to };
}

function group(e: number, name: string, index: number | undefined, id: string, inline: unknown[], egress: unknown[], known: boolean): Res {
  const values: Record<string, unknown> = {
    description: `OS11 ${name}`,
    egress,
    ingress: inline,
    name: `os11-${envName(e)}-${name}${index === undefined ? '' : `-${index}`}`,
    tags: { Environment: envName(e) },
    tags_all: { Environment: envName(e) },
    vpc_id: `vpc-${hex(e, 17)}`,
  };
  if (known) Object.assign(values, { id, arn: `arn:aws:ec2:${REGION}:123456789012:security-group/${id}`, owner_id: '123456789012' });
  return {
    type: 'aws_security_group',
    name,
    index,
    values,
    // A group whose rules are separate resources has its inline attributes unknown until apply.
    unknown: known ? {} : inline.length + egress.length === 0 ? { arn: true, id: true, owner_id: true, egress: true, ingress: true, tags: {}, tags_all: {} } : { arn: true, id: true, owner_id: true, egress: egress.map(() => ({ cidr_blocks: [false], ipv6_cidr_blocks: [false], prefix_list_ids: [], security_groups: [] })), ingress: inline.map(() => ({ cidr_blocks: [false], ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [] })), tags: {}, tags_all: {} },
    actions: [],
  };
}

interface Env {
  resources: Res[];
  deleted: Res[];
  expected: ExpectedFinding[];
}

/** One environment's resources and the findings the pack must produce for it. */
function buildEnvironment(e: number): Env {
  const action = envAction(e);
  const known = action === 'no-op' || action === 'update';
  const ids = sgIds(e);
  const missingDbRule = e % 5 === 0;
  const otherRegion = e % 7 === 0;
  const leaksPlatformPort = e % 11 === 0;
  const resources: Res[] = [];
  const env = envName(e);

  // Security groups: one per instance, a shared one for the farm, one for the database.
  // AWS forbids mixing inline rules with aws_security_group_rule on one group, so each
  // group uses one style: the front-end and worker groups inline, the others standalone.
  resources.push(group(e, 'ctl', undefined, ids.ctl, [], [], known));
  for (let i = 0; i < FRONT_ENDS; i++) {
    const inline = [ingress(80, 80, WORLD_V4, 'http'), ingress(443, 443, WORLD_V4, 'https')];
    if (leaksPlatformPort) inline.push(ingress(12001, 12001, WORLD_V4, 'deployment service (temporary)'));
    resources.push(group(e, 'fe', i, ids.fe[i], inline, ALL_EGRESS, known));
  }
  resources.push(group(e, 'fe_common', undefined, ids.feCommon, [], [], known));
  for (let i = 0; i < OTHERS; i++) resources.push(group(e, 'worker', i, ids.worker[i], [ingress(22, 22, ['10.0.0.0/8'], 'ssh from the office VPN'), ingress(8080, 8080, ['10.0.0.0/8'], 'app')], ALL_EGRESS, known));
  resources.push(group(e, 'db', undefined, ids.db, [], [], known));

  // Standalone rules: between groups by identity, and the egress of the standalone groups.
  const rule = (name: string, index: number | undefined, target: string, source: string | 'self' | 'world', from: number, to: number, type: 'ingress' | 'egress' = 'ingress'): Res => {
    const world = source === 'world';
    const values: Record<string, unknown> = {
      cidr_blocks: world ? WORLD_V4 : null, description: name, from_port: from, ipv6_cidr_blocks: world ? ['::/0'] : null, prefix_list_ids: null, protocol: world ? '-1' : 'tcp',
      security_group_id: known ? target : null, self: source === 'self', source_security_group_id: known && !world && source !== 'self' ? source : null, to_port: to, type,
    };
    if (known) values.id = `sgrule-${hex(e * 1000 + name.length * 31 + (index ?? 0), 10)}`;
    return {
      type: 'aws_security_group_rule', name, index, values,
      unknown: known ? {} : { id: true, security_group_id: true, security_group_rule_id: true, source_security_group_id: !world && source !== 'self' },
      actions: [],
    };
  };
  const feCount = missingDbRule ? FRONT_ENDS - 1 : FRONT_ENDS;
  for (let i = 0; i < feCount; i++) resources.push(rule('fe_to_db', i, ids.db, ids.fe[i], 1433, 1433));
  resources.push(rule('ctl_to_db', undefined, ids.db, ids.ctl, 1433, 1433));
  resources.push(rule('fe_to_ctl_deploy', undefined, ids.ctl, ids.feCommon, 12000, 12000));
  resources.push(rule('fe_to_ctl_mq', undefined, ids.ctl, ids.feCommon, 5672, 5672));
  resources.push(rule('ctl_to_fe', undefined, ids.feCommon, ids.ctl, 12001, 12002));
  resources.push(rule('fe_monitoring', undefined, ids.feCommon, 'self', 12001, 12002));
  for (const [name, target] of [['ctl_egress', ids.ctl], ['fe_common_egress', ids.feCommon], ['db_egress', ids.db]] as const) {
    resources.push(rule(name, undefined, target, 'world', 0, 0, 'egress'));
  }

  // Instances: the controller, the front-ends and the other servers (count), by index with their groups.
  const instance = (name: string, index: number | undefined, n: number, role: string | undefined, sgs: string[]): Res => {
    const tags: Record<string, string> = { Name: `${env}-${name}${index === undefined ? '' : `-${index}`}`, 'topogate-environment': env };
    if (role) tags['topogate-role'] = role;
    const values: Record<string, unknown> = { ...instanceFiller(e, n), availability_zone: `${REGION}${'abc'[n % 3]}`, subnet_id: `subnet-${hex(e * 4 + (n % 3), 17)}`, tags, tags_all: tags, user_data: null };
    if (known) {
      Object.assign(values, {
        id: `i-${hex(e * PER_ENV + n, 17)}`, arn: `arn:aws:ec2:${REGION}:123456789012:instance/i-${hex(e * PER_ENV + n, 17)}`,
        private_ip: `10.${Math.floor(e / 250) % 256}.${e % 250}.${10 + n}`, vpc_security_group_ids: sgs, security_groups: [],
        primary_network_interface_id: `eni-${hex(e * PER_ENV + n, 17)}`, instance_state: 'running', private_dns: `ip-10-0-0-${10 + n}.${REGION}.compute.internal`,
      });
    }
    return { type: 'aws_instance', name, index, values, unknown: known ? {} : instanceUnknown(), actions: [] };
  };
  resources.push(instance('ctl', undefined, 0, 'controller', [ids.ctl]));
  for (let i = 0; i < FRONT_ENDS; i++) resources.push(instance('fe', i, i + 1, 'front-end', [ids.fe[i], ids.feCommon]));
  for (let i = 0; i < OTHERS; i++) resources.push(instance('worker', i, FRONT_ENDS + 1 + i, undefined, [ids.worker[i]]));

  // The platform database.
  const dbValues: Record<string, unknown> = {
    allocated_storage: 200, auto_minor_version_upgrade: true, availability_zone: otherRegion ? 'eu-west-2a' : `${REGION}a`, backup_retention_period: 7,
    copy_tags_to_snapshot: true, db_subnet_group_name: `os11-${env}`, deletion_protection: true, engine: 'sqlserver-se', engine_version: '15.00.4236.7.v1',
    identifier: `os11-${env}-platform`, instance_class: 'db.m5.xlarge', license_model: 'license-included', multi_az: false, port: 1433, publicly_accessible: false,
    storage_encrypted: true, storage_type: 'gp3', tags: { 'topogate-environment': env }, tags_all: { 'topogate-environment': env }, username: 'os11admin',
    vpc_security_group_ids: known ? [ids.db] : null,
  };
  if (known) Object.assign(dbValues, { id: `db-${hex(e, 20)}`, address: `os11-${env}.abc.${REGION}.rds.amazonaws.com`, endpoint: `os11-${env}.abc.${REGION}.rds.amazonaws.com:1433` });
  resources.push({ type: 'aws_db_instance', name: 'platform', values: dbValues, unknown: known ? {} : { address: true, arn: true, endpoint: true, id: true, vpc_security_group_ids: true, tags: {}, tags_all: {} }, actions: [] });

  const deleted: Res[] = [];
  if (action === 'create-with-deletes') {
    // Old rules opening the platform ports to the world, deleted by this change: gone after apply.
    for (let i = 0; i < 2; i++) {
      deleted.push({
        type: 'aws_security_group_rule', name: 'legacy_public', index: i,
        values: { cidr_blocks: WORLD_V4, description: 'legacy', from_port: 12000, id: `sgrule-old-${e}-${i}`, ipv6_cidr_blocks: null, protocol: 'tcp', security_group_id: ids.ctl, self: false, source_security_group_id: null, to_port: 12102, type: 'ingress' },
        unknown: {}, actions: ['delete'],
      });
    }
  }
  for (const r of resources) r.actions = action === 'no-op' ? ['no-op'] : action === 'update' ? (r.type === 'aws_instance' && r.name === 'fe' && r.index === 0 ? ['update'] : ['no-op']) : ['create'];
  for (const r of resources) if (known) r.before = r.values;

  return { resources, deleted, expected: expectedFindings(e, { missingDbRule, otherRegion, leaksPlatformPort }) };
}

/** What the built-in pack concludes for one environment, from how it was built. */
function expectedFindings(e: number, mistakes: { missingDbRule: boolean; otherRegion: boolean; leaksPlatformPort: boolean }): ExpectedFinding[] {
  const env = envName(e);
  const db = address(e, { type: 'aws_db_instance', name: 'platform' });
  const ctl = address(e, { type: 'aws_instance', name: 'ctl' });
  const fes = Array.from({ length: FRONT_ENDS }, (_, i) => address(e, { type: 'aws_instance', name: 'fe', index: i }));
  const servers = [ctl, ...fes, ...Array.from({ length: OTHERS }, (_, i) => address(e, { type: 'aws_instance', name: 'worker', index: i })), db];
  const out: ExpectedFinding[] = [];
  const add = (policy: string, subject: string, status: ExpectedFinding['status'] = 'pass') => out.push({ environment: env, policy, subject, status });
  add('OS11-LAT-001', env);
  add('OS11-LAT-002', env, mistakes.otherRegion ? 'fail' : 'pass');
  for (const fe of fes) {
    add('OS11-NET-001', `end-users -> ${fe}`);
    add('OS11-NET-002', `end-users -> ${fe}`);
    add('OS11-NET-003', `development-tools -> ${fe}`);
    add('OS11-NET-004', `development-tools -> ${fe}`);
  }
  fes.forEach((fe, i) => add('OS11-NET-005', `${fe} -> ${db}`, mistakes.missingDbRule && i === FRONT_ENDS - 1 ? 'fail' : 'pass'));
  add('OS11-NET-006', `${ctl} -> ${db}`);
  for (const fe of fes) {
    add('OS11-NET-007', `${fe} -> ${ctl}`);
    add('OS11-NET-008', `${ctl} -> ${fe}`);
    add('OS11-NET-009', `${fe} -> ${ctl}`);
    add('OS11-MON-002', `${ctl} -> ${fe}`);
    add('OS11-MON-003', `${fe} -> ${ctl}`);
  }
  for (const target of fes) for (const source of fes) if (source !== target) add('OS11-MON-001', `${source} -> ${target}`);
  for (const s of servers) add('OS11-SEC-001', `internet -> ${s}`, mistakes.leaksPlatformPort && fes.includes(s) ? 'fail' : 'pass');
  return out;
}

// ---- writing the plan -------------------------------------------------------------------

class JsonWriter {
  private buffer: string[] = [];
  private size = 0;

  constructor(private readonly out: WriteStream) {}

  async write(text: string): Promise<void> {
    this.buffer.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

function plannedEntry(e: number, r: Res): Record<string, unknown> {
  return {
    address: address(e, r), mode: 'managed', type: r.type, name: r.name, ...(r.index === undefined ? {} : { index: r.index }),
    provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: r.type === 'aws_instance' ? 1 : 0,
    values: r.values, sensitive_values: {},
  };
}

function changeEntry(e: number, r: Res): Record<string, unknown> {
  const deleting = r.actions.includes('delete');
  return {
    address: address(e, r), module_address: moduleAddress(e), mode: 'managed', type: r.type, name: r.name, ...(r.index === undefined ? {} : { index: r.index }),
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: {
      actions: r.actions,
      before: deleting ? r.values : (r.before ?? null),
      after: deleting ? null : r.values,
      after_unknown: deleting ? {} : r.unknown,
      before_sensitive: r.before || deleting ? {} : false,
      after_sensitive: deleting ? false : {},
    },
  };
}

/** The module's configuration: one block per resource, with the references that link unknown ids. */
function moduleConfiguration(): Record<string, unknown> {
  const refs = (...references: string[]) => ({ references });
  const resource = (type: string, name: string, expressions: Record<string, unknown>, count?: number) => ({
    address: `${type}.${name}`, mode: 'managed', type, name, provider_config_key: 'aws', expressions, schema_version: type === 'aws_instance' ? 1 : 0,
    ...(count === undefined ? {} : { count_expression: { constant_value: count } }),
  });
  const groupExpr = (name: string) => ({ name: { references: ['each.key'] }, description: { constant_value: `OS11 ${name}` }, vpc_id: refs('var.vpc_id') });
  // As Terraform records them: `x[count.index].id` leaves only `x` and `count.index`.
  const sgRef = (r: string) => (r.endsWith('[count.index]') ? refs(r.replace(/\[count\.index\]$/, ''), 'count.index') : refs(`${r}.id`, r));
  const ruleExpr = (target: string, source: string, from: number, to: number, type = 'ingress') => ({
    type: { constant_value: type }, protocol: { constant_value: source === 'world' ? '-1' : 'tcp' }, from_port: { constant_value: from }, to_port: { constant_value: to },
    security_group_id: sgRef(target),
    ...(source === 'self' ? { self: { constant_value: true } } : source === 'world' ? { cidr_blocks: { constant_value: WORLD_V4 }, ipv6_cidr_blocks: { constant_value: ['::/0'] } } : { source_security_group_id: sgRef(source) }),
  });
  const instanceExpr = { ami: refs('var.ami'), instance_type: { constant_value: 'm5.large' }, subnet_id: refs('var.subnet_ids'), tags: refs('each.key') };
  return {
    outputs: {},
    resources: [
      resource('aws_security_group', 'ctl', groupExpr('ctl')),
      resource('aws_security_group', 'fe', groupExpr('fe'), FRONT_ENDS),
      resource('aws_security_group', 'fe_common', groupExpr('fe_common')),
      resource('aws_security_group', 'worker', groupExpr('worker'), OTHERS),
      resource('aws_security_group', 'db', groupExpr('db')),
      resource('aws_security_group_rule', 'fe_to_db', ruleExpr('aws_security_group.db', 'aws_security_group.fe[count.index]', 1433, 1433), FRONT_ENDS),
      resource('aws_security_group_rule', 'ctl_to_db', ruleExpr('aws_security_group.db', 'aws_security_group.ctl', 1433, 1433)),
      resource('aws_security_group_rule', 'fe_to_ctl_deploy', ruleExpr('aws_security_group.ctl', 'aws_security_group.fe_common', 12000, 12000)),
      resource('aws_security_group_rule', 'fe_to_ctl_mq', ruleExpr('aws_security_group.ctl', 'aws_security_group.fe_common', 5672, 5672)),
      resource('aws_security_group_rule', 'ctl_to_fe', ruleExpr('aws_security_group.fe_common', 'aws_security_group.ctl', 12001, 12002)),
      resource('aws_security_group_rule', 'fe_monitoring', ruleExpr('aws_security_group.fe_common', 'self', 12001, 12002)),
      resource('aws_security_group_rule', 'ctl_egress', ruleExpr('aws_security_group.ctl', 'world', 0, 0, 'egress')),
      resource('aws_security_group_rule', 'fe_common_egress', ruleExpr('aws_security_group.fe_common', 'world', 0, 0, 'egress')),
      resource('aws_security_group_rule', 'db_egress', ruleExpr('aws_security_group.db', 'world', 0, 0, 'egress')),
      resource('aws_instance', 'ctl', { ...instanceExpr, vpc_security_group_ids: refs('aws_security_group.ctl.id', 'aws_security_group.ctl') }),
      resource('aws_instance', 'fe', { ...instanceExpr, vpc_security_group_ids: refs('aws_security_group.fe', 'count.index', 'aws_security_group.fe_common.id', 'aws_security_group.fe_common') }, FRONT_ENDS),
      resource('aws_instance', 'worker', { ...instanceExpr, vpc_security_group_ids: refs('aws_security_group.worker', 'count.index') }, OTHERS),
      resource('aws_db_instance', 'platform', { engine: { constant_value: 'sqlserver-se' }, port: { constant_value: 1433 }, vpc_security_group_ids: refs('aws_security_group.db.id', 'aws_security_group.db') }),
    ],
    variables: { ami: {}, subnet_ids: {}, vpc_id: {} },
  };
}

const OTHER_MODULE = 'module.platform';
const POLICY_DOCUMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: Array.from({ length: 6 }, (_, i) => ({ Effect: 'Allow', Action: [`s3:GetObject`, `s3:PutObject`], Resource: [`arn:aws:s3:::data-${i}/*`] })),
});

/**
 * A resource of a monorepo that is not about the network (IAM policies, S3 buckets, log
 * groups, as most of a large plan is): in no environment, no finding. Kept (no-op) but
 * every fifth, which is created.
 */
function otherResource(i: number): { address: string; type: string; name: string; values: Record<string, unknown>; created: boolean } {
  const type = (['aws_iam_policy', 'aws_s3_bucket', 'aws_cloudwatch_log_group'] as const)[i % 3];
  const name = `r${i}`;
  const tags = { team: `team-${i % 40}`, 'cost-center': `cc-${i % 12}` };
  const values =
    type === 'aws_iam_policy'
      ? { name: `policy-${i}`, path: '/', description: `access for service ${i}`, policy: POLICY_DOCUMENT, tags, tags_all: tags, id: `arn:aws:iam::123456789012:policy/policy-${i}`, arn: `arn:aws:iam::123456789012:policy/policy-${i}` }
      : type === 'aws_s3_bucket'
        ? { bucket: `data-${i}`, force_destroy: false, object_lock_enabled: false, tags, tags_all: tags, id: `data-${i}`, arn: `arn:aws:s3:::data-${i}`, region: REGION, versioning: [{ enabled: true, mfa_delete: false }] }
        : { name: `/services/${i}`, retention_in_days: 30, skip_destroy: false, tags, tags_all: tags, id: `/services/${i}`, arn: `arn:aws:logs:${REGION}:123456789012:log-group:/services/${i}` };
  return { address: `${OTHER_MODULE}.${type}.${name}`, type, name, values, created: i % 5 === 0 };
}

async function writeOthers(w: JsonWriter, count: number, part: 'planned' | 'changes' | 'prior', first: boolean): Promise<void> {
  const entry = (o: ReturnType<typeof otherResource>) => ({ address: o.address, mode: 'managed', type: o.type, name: o.name, provider_name: 'registry.terraform.io/hashicorp/aws', schema_version: 0, values: o.values, sensitive_values: {} });
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const o = otherResource(i);
    if (part === 'prior' && o.created) continue;
    if (part === 'changes') {
      const change = { address: o.address, module_address: OTHER_MODULE, mode: 'managed', type: o.type, name: o.name, provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions: [o.created ? 'create' : 'no-op'], before: o.created ? null : o.values, after: o.values, after_unknown: o.created ? { id: true, arn: true } : {}, before_sensitive: o.created ? false : {}, after_sensitive: {} } };
      await w.write(`${first && i === 0 ? '' : ','}${JSON.stringify(change)}`);
    } else items.push(JSON.stringify(entry(o)));
  }
  if (part !== 'changes') await w.write(`${first ? '' : ','}{"resources":[${items.join(',')}],"address":"${OTHER_MODULE}"}`);
}

export interface GeneratedPlan {
  environments: number;
  resources: number;
  expected: ExpectedFinding[];
}

/**
 * Writes the plan for `instances` instances to `file`; returns the expected findings.
 * `others` adds that many resources that are not about the network, in their own module.
 */
export async function generatePlan(instances: number, file: string, others = 0): Promise<GeneratedPlan> {
  const envs = Math.max(1, Math.round(instances / PER_ENV));
  const out = createWriteStream(file);
  const w = new JsonWriter(out);
  const expected: ExpectedFinding[] = [];
  let resourceCount = 0;
  const each = async (fn: (env: Env, e: number) => Promise<void>) => {
    for (let e = 0; e < envs; e++) await fn(buildEnvironment(e), e);
  };

  await w.write('{"format_version":"1.2","terraform_version":"1.9.8","variables":{"region":{"value":"eu-west-1"}},');
  // planned_values: every resource after apply.
  await w.write('"planned_values":{"root_module":{"child_modules":[');
  await each(async (env, e) => {
    await w.write(`${e > 0 ? ',' : ''}{"resources":${JSON.stringify(env.resources.map((r) => plannedEntry(e, r)))},"address":${JSON.stringify(moduleAddress(e))}}`);
  });
  if (others > 0) await writeOthers(w, others, 'planned', false);
  await w.write(']}},');
  // resource_changes: every resource, the deleted ones included.
  await w.write('"resource_changes":[');
  let first = true;
  await each(async (env, e) => {
    for (const r of [...env.resources, ...env.deleted]) {
      await w.write(`${first ? '' : ','}${JSON.stringify(changeEntry(e, r))}`);
      first = false;
      resourceCount++;
    }
    expected.push(...env.expected);
  });
  if (others > 0) await writeOthers(w, others, 'changes', first);
  resourceCount += others;
  await w.write('],');
  // prior_state: what exists before the change.
  await w.write('"prior_state":{"format_version":"1.0","terraform_version":"1.9.8","values":{"root_module":{"child_modules":[');
  first = true;
  await each(async (env, e) => {
    const existing = [...env.resources.filter((r) => r.before), ...env.deleted];
    if (existing.length === 0) return;
    await w.write(`${first ? '' : ','}{"resources":${JSON.stringify(existing.map((r) => ({ ...plannedEntry(e, r), values: r.before ?? r.values })))},"address":${JSON.stringify(moduleAddress(e))}}`);
    first = false;
  });
  if (others > 0) await writeOthers(w, others, 'prior', first);
  await w.write(']}}},');
  const configuration = {
    provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region: { constant_value: 'eu-west-1' } } } },
    root_module: {
      module_calls: {
        site: {
          source: './modules/site',
          for_each_expression: { references: ['var.environments'] },
          module: moduleConfiguration(),
        },
        ...(others > 0 ? { platform: { source: './modules/platform', module: { resources: [] } } } : {}),
      },
      variables: { environments: {} },
    },
  };
  await w.write(`"configuration":${JSON.stringify(configuration)},"timestamp":"2026-11-24T10:00:00Z","applyable":true,"complete":true,"errored":false}`);
  await w.flush();
  out.end();
  await once(out, 'finish');
  expected.sort((a, b) => (a.environment < b.environment ? -1 : a.environment > b.environment ? 1 : a.policy < b.policy ? -1 : a.policy > b.policy ? 1 : a.subject < b.subject ? -1 : a.subject > b.subject ? 1 : 0));
  return { environments: envs, resources: resourceCount, expected };
}
