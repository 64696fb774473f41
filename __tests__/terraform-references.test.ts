import { describe, expect, it } from 'vitest';
import { parseModuleAddress, parseReference } from '../src/core/terraform/addresses.js';
import { parsePlan } from '../src/core/terraform/plan-input.js';
import { buildPlanState } from '../src/core/terraform/plan-resources.js';
import { ReferenceResolver, buildConfigIndex } from '../src/core/terraform/references.js';
import { buildPlanJson, constant, planText, ref } from './helpers/plan-builder.js';
import type { TestPlan } from './helpers/plan-builder.js';

/** Following configuration references from a value unknown until apply to what it will be. */

function resolver(plan: TestPlan) {
  const state = buildPlanState(parsePlan(planText(plan), 'plan.json'));
  return { state, resolver: new ReferenceResolver(state, buildConfigIndex(state)) };
}

/** What `attribute` of `address` resolves to: resource addresses, constants, and what stays unresolved. */
function follow(plan: TestPlan, address: string, attribute: string) {
  const { state, resolver: r } = resolver(plan);
  const res = state.byAddress.get(address);
  if (!res) throw new Error(`no ${address}`);
  const source = r.attribute(res, [attribute]);
  if (source.kind !== 'set') return source.kind;
  return {
    targets: source.resolution.targets.map((t) => t.resource.address),
    constants: source.resolution.constants,
    unresolved: source.resolution.unresolved,
  };
}

describe('addresses and references as Terraform writes them', () => {
  it.each([
    ['', []],
    ['module.a', [{ name: 'a' }]],
    ['module.a[0].module.b["x.y[z]"]', [{ name: 'a', key: 0 }, { name: 'b', key: 'x.y[z]' }]],
    // Terraform quotes keys for HCL: characters that do not print as \uNNNN or \UNNNNNNNN, and `${` / `%{` doubled.
    ['module.a["eu\\U000f0000"]', [{ name: 'a', key: 'eu\u{f0000}' }]],
    ['module.a["a$${b}%%{c}$x"]', [{ name: 'a', key: 'a${b}%{c}$x' }]],
    // Releases before quoted keys with Go's %q: \xNN, \a, \v.
    ['module.a["eu\\x1b\\a\\v"]', [{ name: 'a', key: 'eu\u001b\u0007\u000b' }]],
    ['module.a["unterminated\\"]', undefined],
    ['module.a["bad \\q escape"]', undefined],
  ])('module address %s', (text, steps) => {
    expect(parseModuleAddress(text)).toEqual(steps);
  });

  it.each([
    ['aws_security_group.fe.id', { kind: 'resource', mode: 'managed', type: 'aws_security_group', name: 'fe', hasKey: false, attribute: ['id'] }],
    ['aws_security_group.fe[2].id', { kind: 'resource', key: 2, hasKey: true, attribute: ['id'] }],
    ['data.aws_vpc.main["a b"].cidr_block', { kind: 'resource', mode: 'data', type: 'aws_vpc', name: 'main', key: 'a b', attribute: ['cidr_block'] }],
    ['module.sg[0].security_group_id', { kind: 'module', name: 'sg', key: 0, output: 'security_group_id' }],
    ['var.ids', { kind: 'var', name: 'ids' }],
    ['local.ids', { kind: 'local', name: 'ids' }],
    ['each.value', { kind: 'each', what: 'value' }],
    ['count.index', { kind: 'count-index' }],
    ['path.module', { kind: 'ignored' }],
  ])('%s', (text, want) => {
    expect(parseReference(text)).toMatchObject(want);
  });
});

describe('following a reference', () => {
  const group = (address: string) => ({ address, values: {}, unknown: { id: true } });

  it('a resource in the same module instance, not the same-named one in another', () => {
    const plan: TestPlan = {
      resources: [group('module.a["x"].aws_security_group.sg'), group('module.a["y"].aws_security_group.sg'), { address: 'module.a["y"].aws_instance.vm', unknown: { vpc_security_group_ids: true }, expressions: { vpc_security_group_ids: ref('aws_security_group.sg.id', 'aws_security_group.sg') } }],
      modules: { 'module.a': { source: './a', repeated: true } },
    };
    expect(follow(plan, 'module.a["y"].aws_instance.vm', 'vpc_security_group_ids')).toEqual({ targets: ['module.a["y"].aws_security_group.sg'], constants: [], unresolved: [] });
  });

  it('a variable: through nested module calls to the root resource', () => {
    const plan: TestPlan = {
      resources: [group('aws_security_group.sg'), { address: 'module.a.module.b.aws_instance.vm', expressions: { vpc_security_group_ids: ref('var.inner') } }],
      modules: { 'module.a': { source: './a', expressions: { outer: ref('aws_security_group.sg.id', 'aws_security_group.sg') } }, 'module.a.module.b': { source: './b', expressions: { inner: ref('var.outer') } } },
    };
    expect(follow(plan, 'module.a.module.b.aws_instance.vm', 'vpc_security_group_ids')).toMatchObject({ targets: ['aws_security_group.sg'] });
  });

  it('a root variable: its value in the plan; a module variable not passed: its default', () => {
    const plan: TestPlan = {
      resources: [{ address: 'aws_instance.a', expressions: { vpc_security_group_ids: ref('var.ids') } }, { address: 'module.m.aws_instance.b', expressions: { vpc_security_group_ids: ref('var.ids') } }],
      variables: { ids: ['sg-1', 'sg-2'] },
      modules: { 'module.m': { source: './m', variables: { ids: { default: ['sg-9'] } } } },
    };
    expect(follow(plan, 'aws_instance.a', 'vpc_security_group_ids')).toMatchObject({ constants: ['sg-1', 'sg-2'] });
    expect(follow(plan, 'module.m.aws_instance.b', 'vpc_security_group_ids')).toMatchObject({ constants: ['sg-9'] });
  });

  it('a module output of every instance of a module with count, or the one its key names', () => {
    const plan: TestPlan = {
      resources: [group('module.sg[0].aws_security_group.this'), group('module.sg[1].aws_security_group.this'), { address: 'aws_instance.all', expressions: { vpc_security_group_ids: ref('module.sg') } }, { address: 'aws_instance.one', expressions: { vpc_security_group_ids: ref('module.sg[1].id', 'module.sg[1]', 'module.sg') } }],
      modules: { 'module.sg': { source: './sg', repeated: true, outputs: { id: ref('aws_security_group.this.id', 'aws_security_group.this') } } },
    };
    expect(follow(plan, 'aws_instance.one', 'vpc_security_group_ids')).toMatchObject({ targets: ['module.sg[1].aws_security_group.this'], unresolved: [] });
    expect(follow(plan, 'aws_instance.all', 'vpc_security_group_ids')).toMatchObject({ targets: [], unresolved: ['module.sg (the whole module object)'] });
  });

  it('x[count.index] names the instance with the referrer\'s own index; x[*] names them all', () => {
    const plan: TestPlan = {
      resources: [group('aws_security_group.sg[0]'), group('aws_security_group.sg[1]'), { address: 'aws_instance.vm[1]', expressions: { vpc_security_group_ids: ref('aws_security_group.sg', 'count.index') } }, { address: 'aws_instance.all', expressions: { vpc_security_group_ids: ref('aws_security_group.sg') } }, { address: 'aws_instance.vm[5]', expressions: {} }],
    };
    expect(follow(plan, 'aws_instance.vm[1]', 'vpc_security_group_ids')).toMatchObject({ targets: ['aws_security_group.sg[1]'] });
    expect(follow(plan, 'aws_instance.all', 'vpc_security_group_ids')).toMatchObject({ targets: ['aws_security_group.sg[0]', 'aws_security_group.sg[1]'] });
  });

  it('a resource declared with count = 0 adds nothing; one not in the configuration is unresolved', () => {
    // `gone` is declared (its only instance is deleted by this plan, as count = 0 would leave it); `nowhere` is not.
    const plan: TestPlan = { resources: [{ address: 'aws_security_group.gone', actions: ['delete'] }, { address: 'aws_instance.vm', expressions: { vpc_security_group_ids: ref('aws_security_group.gone', 'aws_security_group.nowhere') } }] };
    const { state } = resolver(plan);
    expect(state.resources.map((r) => r.address)).toEqual(['aws_instance.vm']);
    expect(follow(plan, 'aws_instance.vm', 'vpc_security_group_ids')).toMatchObject({ targets: [], unresolved: ['aws_security_group.nowhere (not in the plan)'] });
  });

  it('locals and for_each values are unresolved, naming themselves; a constant is a constant', () => {
    const plan: TestPlan = { resources: [{ address: 'aws_instance.a', expressions: { x: ref('local.ids'), y: ref('each.value'), z: constant(['sg-1']) } }] };
    expect(follow(plan, 'aws_instance.a', 'x')).toMatchObject({ unresolved: ['local.ids (locals are not recorded in the plan)'] });
    expect(follow(plan, 'aws_instance.a', 'y')).toMatchObject({ unresolved: ['each.value (for_each values are not recorded per instance in the plan)'] });
    expect(follow(plan, 'aws_instance.a', 'z')).toMatchObject({ constants: ['sg-1'] });
    expect(follow(plan, 'aws_instance.a', 'not_written')).toBe('not-set');
  });

  it('a reference cycle through module variables ends, unresolved', () => {
    const plan: TestPlan = {
      resources: [{ address: 'module.a.aws_instance.vm', expressions: { x: ref('var.v') } }],
      modules: { 'module.a': { source: './a', expressions: { v: ref('module.a.out') }, outputs: { out: ref('var.v') } } },
    };
    const r = follow(plan, 'module.a.aws_instance.vm', 'x') as { unresolved: string[] };
    expect(r.unresolved.some((u) => /too long or circular/.test(u))).toBe(true);
  });

  it('a module instance key Terraform escapes ($${, \\U) is its real key: read, and each.key finds the instance it names', () => {
    const json = buildPlanJson({
      resources: [
        group('aws_security_group.env["KEY"]'),
        { address: 'module.env["KEY"].aws_instance.vm', unknown: { vpc_security_group_ids: true }, expressions: { vpc_security_group_ids: ref('var.sg_id') } },
        { address: 'module.env["ODD"].aws_instance.vm', expressions: {} },
      ],
      modules: { 'module.env': { source: './env', repeated: true, expressions: { sg_id: ref('aws_security_group.env', 'each.key') } } },
    });
    // As Terraform writes them: the address quotes the key for HCL, `index` holds the key itself.
    const swap = (text: string, from: string, to: string) => text.split(from).join(to);
    let text = swap(JSON.stringify(json), '[\\"KEY\\"]', '[\\"eu$${x}\\"]');
    text = swap(swap(text, '"index":"KEY"', '"index":"eu${x}"'), '[\\"ODD\\"]', '[\\"eu\\\\U000f0000\\"]');
    const state = buildPlanState(parsePlan(text, 'plan.json'));
    expect(state.resources.map((r) => r.module)).toContain('module.env["eu\u{f0000}"]');
    const vm = state.byAddress.get('module.env["eu$${x}"].aws_instance.vm');
    if (!vm) throw new Error(`no vm; have ${state.resources.map((r) => r.address).join(', ')}`);
    expect(vm.moduleSteps).toEqual([{ name: 'env', key: 'eu${x}' }]);
    const source = new ReferenceResolver(state, buildConfigIndex(state)).attribute(vm, ['vpc_security_group_ids']);
    expect(source.kind === 'set' && source.resolution).toMatchObject({ targets: [{ resource: { address: 'aws_security_group.env["eu$${x}"]' } }], unresolved: [] });
  });

  it('a plan without configuration: nothing to follow', () => {
    expect(follow({ resources: [{ address: 'aws_instance.a' }], noConfiguration: true }, 'aws_instance.a', 'x')).toBe('no-configuration');
  });
});
