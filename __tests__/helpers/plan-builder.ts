import { AddressSet } from '../../src/core/net/cidr.js';
import { PortSet } from '../../src/core/net/ports.js';
import { reachOnPorts } from '../../src/core/flow/reach.js';
import type { FlowSource } from '../../src/core/flow/reach.js';
import { forbiddenFlowVerdict, requiredFlowVerdict } from '../../src/core/flow/verdict.js';
import { forbiddenFlowMessage, requiredFlowMessage } from '../../src/core/flow/explain.js';
import { InputError } from '../../src/core/errors.js';
import type { Environment, Server } from '../../src/core/model.js';
import { loadEnvironments, runCheck } from '../../src/core/run-check.js';
import type { PlanInput } from '../../src/core/run-check.js';
import type { Report } from '../../src/core/report/report.js';
import type { TfSource } from '../../src/core/terraform/tf-declarations.js';
import { defaultClients, parsePack } from '../../src/core/policy/pack.js';
import { builtinPack } from './pipeline.js';

/**
 * Small Terraform plans written for one behaviour each: resources with their values after
 * apply, what is unknown, and the configuration expressions that reference other resources.
 * The output has the shape `terraform show -json` writes (format 1.2).
 */

export interface TestResource {
  /** `aws_security_group.fe`, `module.net.aws_instance.web[0]`, `module.a["x"].aws_x.y["k"]`. */
  address: string;
  values?: Record<string, unknown>;
  unknown?: Record<string, unknown>;
  actions?: string[];
  /** Configuration expressions of the resource block (shared by all its instances). */
  expressions?: Record<string, unknown>;
  provider?: string;
  mode?: 'managed' | 'data';
}

export interface TestModuleCall {
  source: string;
  expressions?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  variables?: Record<string, unknown>;
  repeated?: boolean;
}

export interface TestPlan {
  resources: TestResource[];
  /** Module calls by configuration path: `module.net`, `module.net.module.sg`. */
  modules?: Record<string, TestModuleCall>;
  variables?: Record<string, unknown>;
  providers?: Record<string, { name: string; expressions?: Record<string, unknown> }>;
  /** Omit `configuration` (hand-made plans). */
  noConfiguration?: boolean;
}

/** Reference expression helper: `ref('aws_security_group.fe.id', 'aws_security_group.fe')`. */
export const ref = (...references: string[]) => ({ references });
export const constant = (value: unknown) => ({ constant_value: value });

interface Parsed {
  moduleSteps: Array<{ name: string; key?: number | string }>;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
}

function parseAddress(address: string): Parsed {
  const steps: Parsed['moduleSteps'] = [];
  let rest = address;
  const step = /^module\.([\w-]+)(?:\[(\d+|"[^"]*")\])?\./;
  for (let m = step.exec(rest); m; m = step.exec(rest)) {
    steps.push({ name: m[1], key: m[2] === undefined ? undefined : m[2].startsWith('"') ? (JSON.parse(m[2]) as string) : Number(m[2]) });
    rest = rest.slice(m[0].length);
  }
  const data = rest.startsWith('data.');
  if (data) rest = rest.slice(5);
  const r = /^([\w-]+)\.([\w-]+)(?:\[(\d+|"[^"]*")\])?$/.exec(rest);
  if (!r) throw new Error(`bad test address ${address}`);
  return { moduleSteps: steps, mode: data ? 'data' : 'managed', type: r[1], name: r[2], index: r[3] === undefined ? undefined : r[3].startsWith('"') ? (JSON.parse(r[3]) as string) : Number(r[3]) };
}

const key = (k: number | string | undefined) => (k === undefined ? '' : typeof k === 'number' ? `[${k}]` : `[${JSON.stringify(k)}]`);

export function buildPlanJson(p: TestPlan): Record<string, unknown> {
  const changes: unknown[] = [];
  type ConfigModule = { resources: Array<Record<string, unknown>>; module_calls: Record<string, Record<string, unknown>>; outputs?: Record<string, unknown>; variables?: Record<string, unknown> };
  const root: ConfigModule = { resources: [], module_calls: {} };
  const modules = new Map<string, ConfigModule>([['', root]]);
  const moduleFor = (path: string): ConfigModule => {
    let m = modules.get(path);
    if (m) return m;
    const cut = path.lastIndexOf('.module.');
    const parentPath = cut < 0 ? '' : path.slice(0, cut);
    const name = path.slice(cut < 0 ? 7 : cut + 8);
    const parent = moduleFor(parentPath);
    const call = p.modules?.[path] ?? { source: `./modules/${name}` };
    m = { resources: [], module_calls: {}, outputs: call.outputs ? Object.fromEntries(Object.entries(call.outputs).map(([k, v]) => [k, { expression: v }])) : undefined, variables: call.variables };
    parent.module_calls[name] = { source: call.source, expressions: call.expressions ?? {}, module: m, ...(call.repeated ? { count_expression: {} } : {}) };
    modules.set(path, m);
    return m;
  };
  for (const path of Object.keys(p.modules ?? {})) moduleFor(path);
  const declared = new Set<string>();
  for (const r of p.resources) {
    const a = parseAddress(r.address);
    const moduleAddress = a.moduleSteps.map((s) => `module.${s.name}${key(s.key)}`).join('.');
    const modulePath = a.moduleSteps.map((s) => `module.${s.name}`).join('.');
    const provider = r.provider ?? a.type.split('_')[0];
    const providerName = `registry.terraform.io/hashicorp/${provider}`;
    const mode = r.mode ?? a.mode;
    changes.push({
      address: r.address,
      ...(moduleAddress ? { module_address: moduleAddress } : {}),
      mode,
      type: a.type,
      name: a.name,
      ...(a.index !== undefined ? { index: a.index } : {}),
      provider_name: providerName,
      change: { actions: r.actions ?? (mode === 'data' ? ['read'] : ['create']), before: null, after: r.values ?? {}, after_unknown: r.unknown ?? {} },
    });
    const configKey = `${modulePath}|${mode}.${a.type}.${a.name}`;
    if (!declared.has(configKey)) {
      declared.add(configKey);
      moduleFor(modulePath).resources.push({
        address: `${mode === 'data' ? 'data.' : ''}${a.type}.${a.name}`,
        mode,
        type: a.type,
        name: a.name,
        provider_config_key: provider === 'azurerm' ? 'azurerm' : provider,
        expressions: r.expressions ?? {},
        schema_version: 0,
      });
    }
  }
  const plan: Record<string, unknown> = {
    format_version: '1.2',
    terraform_version: '1.9.0',
    variables: Object.fromEntries(Object.entries(p.variables ?? {}).map(([k, v]) => [k, { value: v }])),
    resource_changes: changes,
  };
  if (!p.noConfiguration) plan.configuration = { provider_config: p.providers ?? {}, root_module: root };
  return plan;
}

export const planText = (p: TestPlan) => JSON.stringify(buildPlanJson(p), null, 2);

export interface PlanRun {
  plans: Record<string, TestPlan | string>;
  topologies?: Record<string, string>;
  sources?: TfSource[];
  /** The folder the run works in (the action's working-directory). */
  workingFolder?: string;
}

function inputs(run: PlanRun): { plans: PlanInput[]; topologies: Array<{ path: string; text: string }>; terraformSources: TfSource[]; workingFolder?: string } {
  return {
    plans: Object.entries(run.plans).map(([path, p]) => ({ path, content: typeof p === 'string' ? p : planText(p) })),
    topologies: Object.entries(run.topologies ?? {}).map(([path, text]) => ({ path, text })),
    terraformSources: run.sources ?? [],
    workingFolder: run.workingFolder,
  };
}

/** The environments of a run (topologies and plans), with the built-in pack's default clients. */
export function environmentsOf(run: PlanRun | TestPlan): Environment[] {
  const r: PlanRun = 'resources' in run ? { plans: { 'plan.json': run } } : run;
  const pack = parsePack(builtinPack());
  return loadEnvironments(inputs(r), defaultClients([pack])).environments;
}

export function serverOf(run: PlanRun | TestPlan, name: string): Server {
  const s = environmentsOf(run).flatMap((e) => e.servers).find((x) => x.name === name);
  if (!s) throw new Error(`no server ${name}; servers: ${environmentsOf(run).flatMap((e) => e.servers.map((x) => x.name)).join(', ')}`);
  return s;
}

/** Runs the built-in pack over plans (and topologies). */
export function checkPlans(run: PlanRun | TestPlan): Report {
  const r: PlanRun = 'resources' in run ? { plans: { 'plan.json': run } } : run;
  return runCheck({ version: '0.0.0-test', packs: [builtinPack()], today: '2026-06-01', ...inputs(r) });
}

export function finding(report: Report, policy: string, subject?: string) {
  const f = report.findings.find((x) => x.policy === policy && (subject === undefined || x.subject === subject));
  if (!f) throw new Error(`no finding ${policy} ${subject ?? ''}; have: ${report.findings.map((x) => `${x.policy} ${x.subject}`).join('; ')}`);
  return f;
}

export function inputErrorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}


export const cidrs = (name: string, ...list: string[]): FlowSource => ({ name, kind: 'client', addresses: AddressSet.of(...list), addressesExact: true, identities: [], egress: [] });

/** Whether `source` reaches `target` on tcp `port` (or the given protocol): status and the message a finding would carry. */
export function flow(source: FlowSource | Server, target: Server, port: number, options: { protocol?: 'tcp' | 'udp'; forbidden?: boolean } = {}) {
  const protocol = options.protocol ?? 'tcp';
  const ports = PortSet.of(port);
  const reach = reachOnPorts(source, target, protocol, ports, { responses: !options.forbidden, exposure: options.forbidden });
  const wording = { source, target, protocol, ports, fromLabel: source.name, toLabel: target.name } as const;
  if (options.forbidden) {
    const v = forbiddenFlowVerdict(source, reach);
    return { status: v.status, message: forbiddenFlowMessage(wording, v, source.name), verdict: v };
  }
  const v = requiredFlowVerdict(source, reach);
  return { status: v.status, message: requiredFlowMessage(wording, v), verdict: v };
}
