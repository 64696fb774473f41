import { describe, expect, it } from 'vitest';
import { parsePlan } from '../src/core/terraform/plan-input.js';
import { InputError } from '../src/core/errors.js';
import { scanJson } from '../src/core/terraform/json-syntax.js';
import { buildPlanJson, environmentsOf, inputErrorOf, serverOf } from './helpers/plan-builder.js';

/** Plans as files arrive: encodings, wrappers, versions, and the many files that are not plans. */

const minimal = JSON.stringify(buildPlanJson({ resources: [{ address: 'aws_instance.web', values: { tags: { 'topogate-role': 'front-end' } } }] }));
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('plans that are plans', () => {
  it.each([
    ['UTF-8', Buffer.from(minimal)],
    ['UTF-8 with a byte-order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(minimal)])],
    ['UTF-16LE with a byte-order mark (PowerShell >)', utf16le(minimal)],
    ['CRLF line endings', Buffer.from(JSON.stringify(JSON.parse(minimal), null, 2).replace(/\n/g, '\r\n'))],
  ])('%s', (_name, bytes) => {
    const doc = parsePlan(bytes, 'plan.json');
    expect(doc.formatVersion).toBe('1.2');
    expect(Array.isArray(doc.plan.resource_changes)).toBe(true);
  });

  it('unwraps the OPA / Scalr style { "tfplan": <plan>, "tfrun": … }', () => {
    const doc = parsePlan(JSON.stringify({ tfplan: JSON.parse(minimal), tfrun: { workspace: { name: 'x' } } }), 'wrapped.json');
    expect(doc.wrappedUnder).toBe('tfplan');
    expect(serverOf({ plans: { 'wrapped.json': JSON.stringify({ tfplan: JSON.parse(minimal), tfrun: {} }) } }, 'aws_instance.web').roles).toEqual(['front-end']);
  });

  it.each(['0.1', '0.2', '1.0', '1.1', '1.2', '1.9'])('format_version %s is read', (v) => {
    expect(parsePlan(JSON.stringify({ ...JSON.parse(minimal), format_version: v }), 'p.json').formatVersion).toBe(v);
  });

  it('plans without resource_changes, configuration or versions are plans (no changes, trimmed)', () => {
    expect(() => parsePlan('{"format_version":"1.2","terraform_version":"1.14.0"}', 'empty.json')).not.toThrow();
    expect(() => parsePlan(JSON.stringify({ planned_values: { root_module: {} } }), 'pv.json')).not.toThrow();
  });
});

describe('files that are not plans: what they are and how to make a plan', () => {
  const cases: Array<{ name: string; input: string | Buffer; at: [number, number]; message: RegExp }> = [
    { name: 'an empty file', input: '  \n', at: [1, 1], message: /empty.*terraform show -json plan\.out > plan\.json/ },
    { name: 'a state file', input: JSON.stringify({ version: 4, terraform_version: '1.5.0', serial: 3, lineage: 'abc', outputs: {}, resources: [] }), at: [1, 1], message: /Terraform state file \(terraform\.tfstate\).*terraform show -json plan\.out/ },
    { name: 'the JSON of a state (show -json without a plan)', input: JSON.stringify({ format_version: '1.0', values: { root_module: {} } }), at: [1, 1], message: /JSON of a Terraform state/ },
    { name: 'HCL', input: '# main\nresource "aws_instance" "web" {\n  ami = "x"\n}\n', at: [1, 1], message: /Terraform configuration \(HCL\), not a plan.*terraform show -json/ },
    { name: 'YAML', input: 'version: 1\nenvironments: []\n', at: [1, 1], message: /looks like YAML.*--topology/ },
    { name: 'the human-readable plan', input: '\nTerraform will perform the following actions:\n  # aws_instance.web will be created\n', at: [2, 1], message: /human-readable output/ },
    { name: 'the streamed plan -json log', input: '{"@level":"info","@message":"Terraform 1.9.0","type":"version"}\n{"@level":"info","@message":"Plan: 1 to add","type":"change_summary"}\n', at: [1, 1], message: /streamed log of `terraform plan -json`.*plan -out=plan\.out/ },
    { name: 'the setup-terraform wrapper stdout', input: `[command]/tmp/x/terraform-bin show -json plan.tfplan\n${minimal}%0A\n::set-output name=stderr::\n`, at: [1, 1], message: /setup-terraform wrapper.*terraform_wrapper: false/ },
    { name: 'the wrapper tail alone', input: `${minimal}%0A\n::set-output name=exitcode::0\n`, at: [1, minimal.length + 1], message: /"::set-output" lines.*terraform_wrapper: false/ },
    { name: 'an HCP Terraform redacted plan', input: JSON.stringify({ plan_format_version: '1.1', resource_changes: [], provider_schemas: {} }), at: [1, 1], message: /HCP Terraform redacted plan.*json-output/ },
    { name: 'a zip planfile named plan.json', input: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), at: [1, 1], message: /zip archive.*saved Terraform plan file.*terraform show -json plan\.out/ },
    { name: 'a JSON array', input: '[1, 2]', at: [1, 1], message: /an array, not a Terraform plan/ },
    { name: 'another JSON document', input: '{\n  "name": "pkg",\n  "version": "1.0.0"\n}', at: [1, 1], message: /not a Terraform plan: it has none of format_version.*"name", "version"/ },
    { name: 'a CloudFormation template', input: JSON.stringify({ AWSTemplateFormatVersion: '2010-09-09', Resources: {} }), at: [1, 1], message: /CloudFormation template/ },
    { name: 'a format_version from the future', input: '{\n  "format_version": "2.0",\n  "resource_changes": []\n}', at: [2, 21], message: /format_version "2\.0" is not one topogate reads \(0\.1 to 1\.x/ },
    { name: 'an errored plan', input: '{\n  "format_version": "1.2",\n  "errored": true\n}', at: [3, 14], message: /failed \("errored": true\)/ },
    { name: 'resource_changes that is not a list', input: '{\n  "format_version": "1.2",\n  "resource_changes": {}\n}', at: [3, 23], message: /"resource_changes" must be an array/ },
    { name: 'format_version as a number: it must be a string', input: '{\n  "format_version": 1.2,\n  "resource_changes": []\n}', at: [2, 21], message: /^format_version must be a string such as "1\.2", as `terraform show -json` writes it; this file has a number 1\.2\. Is it hand-edited\?/ },
    { name: 'format_version "0.0", older than the oldest (0.1)', input: '{\n  "format_version": "0.0",\n  "resource_changes": []\n}', at: [2, 21], message: /format_version "0\.0" is not one topogate reads \(0\.1 to 1\.x.*No Terraform release writes it: is the file hand-edited\? Make the plan JSON/ },
    { name: 'every section null: the first one written is named', input: '{"format_version":"1.2","planned_values":null,"resource_changes":null,"prior_state":null,"configuration":null}', at: [1, 42], message: /^"planned_values" is null, which `terraform show -json` never writes \(it writes an object, or leaves the key out\), so nothing in it could be checked\. Is this a plan made by terraform show -json\?/ },
    ...(['resource_changes', 'prior_state', 'configuration', 'variables'] as const).map((key) => ({ name: `${key} null`, input: `{\n  "format_version": "1.2",\n  "${key}": null\n}`, at: [3, key.length + 7] as [number, number], message: new RegExp(`^"${key}" is null, which .*never writes \\(it writes an ${key === 'resource_changes' ? 'array' : 'object'}, or leaves the key out\\)`) })),
    { name: 'planned_values that is not an object says what it is', input: '{\n  "format_version": "1.2",\n  "planned_values": "x"\n}', at: [3, 21], message: /"planned_values" must be an object in a plan from `terraform show -json`; this file has a string\. Is it hand-edited\?/ },
  ];
  it.each(cases)('$name', ({ input, at, message }) => {
    const e = inputErrorOf(() => parsePlan(typeof input === 'string' ? Buffer.from(input) : input, 'plan.json'));
    expect(e.problems).toHaveLength(1);
    expect(e.problems[0].message).toMatch(message);
    expect([e.problems[0].line, e.problems[0].column]).toEqual(at);
    expect(e.problems[0].file).toBe('plan.json');
  });

  it('truncated JSON: the position where it ends, and that the file is cut', () => {
    const cut = JSON.stringify(JSON.parse(minimal), null, 2).slice(0, 200);
    const e = inputErrorOf(() => parsePlan(cut, 'cut.json'));
    const lines = cut.split('\n');
    expect(e.problems[0]).toMatchObject({ line: lines.length });
    expect(e.problems[0].message).toMatch(/invalid JSON: .*(truncated|never closed)/);
  });

  it('a syntax error: line and column of the offending character', () => {
    const e = inputErrorOf(() => parsePlan('{\n  "format_version": "1.2",\n  "resource_changes": [,]\n}', 'bad.json'));
    expect(e.problems[0]).toMatchObject({ line: 3, column: 24 });
    expect(e.problems[0].message).toMatch(/expected a value .* found ","/);
  });

  it('a trailing comma is named as such', () => {
    const e = inputErrorOf(() => parsePlan('{\n  "format_version": "1.2",\n}', 'comma.json'));
    expect(e.problems[0]).toMatchObject({ line: 3, column: 1 });
    expect(e.problems[0].message).toMatch(/trailing comma/);
  });

  it('trailing data: where the plan closes and what follows', () => {
    const e = inputErrorOf(() => parsePlan('{\n  "format_version": "1.2"\n}}\n', 'extra.json'));
    expect(e.problems[0]).toMatchObject({ line: 3, column: 2 });
    expect(e.problems[0].message).toMatch(/unexpected "}" after the end of the JSON: the plan object closes at line 3 column 1/);
  });

  it('UTF-16 input keeps line and column right', () => {
    const e = inputErrorOf(() => parsePlan(utf16le('{\n  "format_version": 1.2,\n  "x": tru\n}'), 'ps.json'));
    expect(e.problems[0]).toMatchObject({ line: 3, column: 8 });
  });

  it('deep nesting is scanned without a stack overflow', () => {
    const deep = `{"format_version":"1.2","x":${'['.repeat(200_000)}${']'.repeat(199_999)}}`;
    const e = inputErrorOf(() => parsePlan(deep, 'deep.json'));
    expect(e.problems[0].message).toMatch(/expected "," or "]"/);
  });
});

describe('the JSON scanner', () => {
  it.each([
    ['{"a":[1,2,{"b":"c\\u0041"}]}', true],
    ['{"a":1', false],
    ['"unterminated', false],
    ['{"a":01}', false],
    ['{"a":"line\nbreak"}', false],
  ])('%s -> ok %s', (text, ok) => {
    expect(scanJson(text).ok).toBe(ok);
  });
});

describe('plans too large to decode as one string', () => {
  // Past the size where the whole text is decoded for an exact message (256 MiB; lowered
  // here), a broken plan still gets a located error from the byte reader.
  const plan = JSON.stringify({ format_version: '1.2', resource_changes: [{ address: 'aws_instance.a', mode: 'managed', type: 'aws_instance', name: 'a', change: { actions: ['create'], after: {}, after_unknown: {} } }] });
  it.each([
    ['cut off', plan.slice(0, 60), /not well formed/],
    ['trailing data', `${plan} {"x":1}`, /something follows the plan object/],
    ['not a plan', '{"lineage":"x","serial":1,"resources":[]}', /not a Terraform plan/],
  ])('%s', (_name, text, message) => {
    const err = (() => {
      try {
        parsePlan(text, 'big.json', { textPathMaxBytes: 10 });
      } catch (e) {
        return e as InputError;
      }
      throw new Error('expected an error');
    })();
    expect(err).toBeInstanceOf(InputError);
    expect(err.problems[0].message).toMatch(message);
    expect(err.problems[0].message).toMatch(/terraform show -json plan.out > plan.json/);
    expect(err.problems[0].file).toBe('big.json');
  });

  it('a well-formed large plan is read from its bytes whatever its size', () => {
    expect(parsePlan(plan, 'big.json', { textPathMaxBytes: 10 }).plan.resource_changes).toHaveLength(1);
  });
});

describe('hostile nesting', () => {
  it('100,000 nested child_modules end in a report or a clear error, never a stack overflow', () => {
    const depth = 100_000;
    const text = `{"format_version":"1.2","resource_changes":[],"planned_values":{"root_module":${'{"child_modules":['.repeat(depth)}{}${']}'.repeat(depth)}}}`;
    let outcome: string;
    try {
      parsePlan(text, 'deep.json');
      outcome = 'read';
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      outcome = 'input error';
    }
    expect(['read', 'input error']).toContain(outcome);
  });
});

describe('entries beyond the changes (planned_values, prior_state)', () => {
  // Written by hand: the same address may be escaped differently in two places of a file.
  const change = (address: string, extra = '') => `{"address":${address},"mode":"managed","type":"aws_instance","name":"x"${extra},"change":{"actions":["no-op"],"before":{},"after":{"id":"i-1"},"after_unknown":{}}}`;
  const entry = (address: string, mode = 'managed', values = '{"id":"i-2"}') => `{"address":${address},"mode":"${mode}","type":"aws_instance","name":"x","values":${values}}`;
  const text = [
    '{"format_version":"1.2","planned_values":{"root_module":{"resources":[',
    [entry('"aws_instance.a"'), entry('"aws_instance.planned_only"'), entry('"module.m[\\u0022k\\u0022].aws_instance.b"')].join(','),
    ']}},"resource_changes":[',
    [change('"aws_instance.a"'), change('"module.m[\\"k\\"].aws_instance.b"', ',"module_address":"module.m[\\"k\\"]"')].join(','),
    '],"prior_state":{"values":{"root_module":{"resources":[',
    [entry('"data.aws_vpc.main"', 'data', '{"cidr_block":"10.0.0.0/16"}'), entry('"aws_instance.untouched"'), entry('"aws_instance.a"')].join(','),
    ']}}}}',
  ].join('');
  const known = new Set(['aws_instance.a', 'module.m["k"].aws_instance.b']);

  it('columns count characters, not bytes, on a line with non-ASCII text (the byte reader)', () => {
    // One line: a tag value with 2-, 3- and 4-byte characters before the second change's address.
    const one = (address: string, name: string) => `{"address":"${address}","mode":"managed","type":"aws_instance","name":"x","provider_name":"registry.terraform.io/hashicorp/aws","change":{"actions":["create"],"before":null,"after":{"tags":{"Name":"${name}"}},"after_unknown":{}}}`;
    const file = `{"format_version":"1.2","resource_changes":[${one('aws_instance.a', 'café – ✓ 𝄞')},${one('aws_instance.b', 'plain')}]}`;
    const doc = parsePlan(Buffer.from(file), 'plan.json');
    const at = file.indexOf('"address":"aws_instance.b"');
    expect(Buffer.byteLength(file.slice(0, at))).toBeGreaterThan(Array.from(file.slice(0, at)).length);
    expect(doc.locateAddress('aws_instance.b')).toEqual({ file: 'plan.json', line: 1, column: Array.from(file.slice(0, at)).length + 1 });
    expect(doc.locateAddress('aws_instance.a')?.column).toBe(file.indexOf('"address":"aws_instance.a"') + 1);
  });

  it.each([
    ['read from its bytes', ''],
    ['read as text (a wrapped plan)', '{"tfplan":'],
  ])('only what the changes lack, located where it is written (%s)', (_name, wrapper) => {
    const file = wrapper ? `${wrapper}${text}}` : text;
    const doc = parsePlan(Buffer.from(file), 'plan.json');
    expect(doc.wrappedUnder).toBe(wrapper ? 'tfplan' : undefined);
    const planned = doc.extraEntries('planned', known);
    // The entry written with \u0022 names a change: it is not an extra.
    expect(planned.map((e) => (e.entry as { address: string }).address)).toEqual(['aws_instance.planned_only']);
    // Data sources read while planning, and what a targeted plan leaves out of its changes.
    const prior = doc.extraEntries('prior', known);
    expect(prior.map((e) => (e.entry as { address: string }).address)).toEqual(['data.aws_vpc.main', 'aws_instance.untouched']);
    expect(doc.locateAddress('aws_instance.planned_only')?.column).toBe(file.indexOf('"address":"aws_instance.planned_only"') + 1);
    // A change is placed at its entry in resource_changes (the text path takes the first mention).
    if (!wrapper) expect(doc.locateAddress('aws_instance.a')?.column).toBe(file.indexOf('"address":"aws_instance.a"', file.indexOf('resource_changes')) + 1);
  });

  it.each([
    ['read from its bytes', ''],
    ['read as text (a wrapped plan)', '{"tfplan":'],
  ])('Terraform 0.12\'s child module entries, addressed relative to the module, are left out (%s)', (_name, wrapper) => {
    const plan = '{"format_version":"0.1","resource_changes":[],"prior_state":{"values":{"root_module":{"resources":[],"child_modules":[{"address":"module.alb","resources":['
      + [entry('"aws_instance.relative"'), entry('"module.alb.aws_instance.qualified"'), entry('"data.aws_vpc.relative"', 'data', '{}')].join(',')
      + ']}]}}}}';
    const doc = parsePlan(Buffer.from(wrapper ? `${wrapper}${plan}}` : plan), 'plan.json');
    expect(doc.extraEntries('prior', new Set()).map((e) => (e.entry as { address: string }).address).sort()).toEqual(['data.aws_vpc.relative', 'module.alb.aws_instance.qualified']);
  });

  it('a bad escape in an entry read only at the end is a located input error, on any size', () => {
    const bad = text.replace('{"cidr_block":"10.0.0.0/16"}', '{"cidr_block":"10.0.0.0/16 \\x"}');
    for (const options of [{}, { textPathMaxBytes: 10 }]) {
      const doc = parsePlan(Buffer.from(bad), 'plan.json', options);
      const err = (() => {
        try {
          doc.extraEntries('prior', known);
        } catch (e) {
          return e;
        }
        throw new Error('expected an error');
      })();
      expect(err).toBeInstanceOf(InputError);
      const problem = (err as InputError).problems[0];
      expect(problem.file).toBe('plan.json');
      expect(problem.line).toBe(1);
      expect(problem.column).toBeGreaterThan(text.indexOf('data.aws_vpc.main') - 20);
      expect(problem.message).toMatch(/invalid (escape|JSON)/);
    }
  });
});

describe('attribute values that are not an object', () => {
  const withAfter = (after: unknown, actions = ['create']) => {
    const plan = buildPlanJson({ resources: [{ address: 'aws_instance.web', values: { tags: { 'topogate-role': 'front-end' } } }] }) as { resource_changes: Array<{ change: Record<string, unknown> }> };
    plan.resource_changes[0].change.after = after;
    plan.resource_changes[0].change.actions = actions;
    return JSON.stringify(plan);
  };

  it.each([
    ['a string', 'oops', /aws_instance\.web has a string for its attribute values/],
    ['a number', 7, /has a number for its attribute values/],
    ['a list', [], /has a list for its attribute values/],
  ])('%s is a located input error, not a server without tags', (_name, after, message) => {
    const text = withAfter(after);
    const err = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': text } }));
    expect(err.problems[0].message).toMatch(message);
    expect(err.problems[0].message).toMatch(/terraform show -json plan.out > plan.json/);
    expect(err.problems[0]).toMatchObject({ file: 'plan.json', line: 1, column: text.indexOf('{"address":"aws_instance.web"') + 1 });
  });

  it('null, as Terraform writes for a no-op of an instance gone from state, is no values', () => {
    expect(() => environmentsOf({ plans: { 'plan.json': withAfter(null, ['no-op']) } })).not.toThrow();
  });
});

describe('a key the plan object holds twice', () => {
  it('is a located input error naming both, not a plan whose last copy wins', () => {
    const text = minimal.replace(/}$/, ',"resource_changes":[]}');
    const err = inputErrorOf(() => parsePlan(Buffer.from(text), 'plan.json'));
    const second = text.lastIndexOf('"resource_changes"');
    expect(err.problems[0]).toMatchObject({ file: 'plan.json', line: 1, column: second + 1 });
    expect(err.problems[0].message).toMatch(`a second "resource_changes" (the first is at line 1 column ${text.indexOf('"resource_changes"') + 1})`);
  });
});

describe('a value longer than a JavaScript string can be', () => {
  it('is a located input error saying what it is, not an internal error', () => {
    const head = Buffer.from('{"format_version":"1.2","variables":{"junk":{"value":"');
    const tail = Buffer.from('"}},"resource_changes":[]}');
    const bytes = Buffer.alloc(head.length + 0x20000000 + tail.length, 0x61);
    head.copy(bytes, 0);
    tail.copy(bytes, bytes.length - tail.length);
    const err = inputErrorOf(() => parsePlan(bytes, 'huge.json'));
    expect(err.problems[0]).toMatchObject({ file: 'huge.json', line: 1 });
    expect(err.problems[0].message).toMatch(/holds a single value here longer than the 512 MiB of text a JavaScript string can hold/);
  }, 60_000);
});

describe('hostile resource shapes', () => {
  it('a resource type named like a member of Object.prototype is an unsupported type, not a crash', () => {
    const plan = buildPlanJson({
      resources: ['constructor.a', 'toString.b', 'hasOwnProperty.c', 'valueOf.d', '__proto__.e', 'aws_instance.web'].map((address) => ({ address, values: { tags: { 'topogate-role': 'front-end' } } })),
    });
    const servers = environmentsOf({ plans: { 'plan.json': JSON.stringify(plan) } }).flatMap((e) => e.servers.map((s) => s.name));
    expect(servers).toEqual(['aws_instance.web']);
  });

  it('module nesting past 100 levels in a resource address is a located input error, before any per-level work', () => {
    // 30,000 levels (540 KB): registering every enclosing module was quadratic (minutes, gigabytes).
    const modules = Array(30_000).fill('module.m').join('.');
    const text = JSON.stringify({ format_version: '1.2', resource_changes: [{ address: `${modules}.aws_instance.x`, module_address: modules, mode: 'managed', type: 'aws_instance', name: 'x', change: { actions: ['create'], before: null, after: { tags: {} }, after_unknown: {} } }] });
    const e = inputErrorOf(() => environmentsOf({ plans: { 'deep.json': text } }));
    expect(e.problems).toEqual([{ file: 'deep.json', line: 1, column: expect.any(Number), message: expect.stringMatching(/^module\.m\.module\.m\..{100,}…: modules are nested more than 100 deep in this resource address/) }]);
    // 100 levels is still a plan.
    const hundred = Array(100).fill('module.m').join('.');
    const ok = JSON.stringify({ format_version: '1.2', resource_changes: [{ address: `${hundred}.aws_instance.x`, module_address: hundred, mode: 'managed', type: 'aws_instance', name: 'x', change: { actions: ['create'], before: null, after: { tags: { 'topogate-role': 'front-end' } }, after_unknown: {} } }] });
    expect(environmentsOf({ plans: { 'ok.json': ok } }).flatMap((env) => env.servers)).toHaveLength(1);
  });
});

describe('values in a shape no provider schema gives (hand-edited plans)', () => {
  const web = (values: Record<string, unknown>, type = 'aws_instance') => JSON.stringify(buildPlanJson({ resources: [{ address: `${type}.web`, values }] }));
  const at = (text: string, type = 'aws_instance') => ({ file: 'plan.json', line: 1, column: text.indexOf(`"address":"${type}.web"`) + 1 });

  it.each([
    ['tags as a list', { tags: ['topogate-role=front-end'] }, /^tags of aws_instance\.web is a list, where a map of strings belongs/],
    ['tags_all as a string', { tags_all: 'topogate-role=front-end' }, /^tags_all of aws_instance\.web is a string, where a map of strings belongs/],
    ['the role tag as a list', { tags: { 'topogate-role': ['front-end'] } }, /^tags\.topogate-role of aws_instance\.web is a list, where a string belongs/],
    ['the role tag as a number', { tags: { 'topogate-role': 7 } }, /^tags\.topogate-role of aws_instance\.web is a number, where a string belongs/],
  ])('%s on a server is a located input error, not a server without tags', (_name, values, message) => {
    const text = web(values);
    const err = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': text } }));
    expect(err.problems[0]).toMatchObject(at(text));
    expect(err.problems[0].message).toMatch(message);
    expect(err.problems[0].message).toMatch(/hand-edited\? Make it again with `terraform show -json plan\.out > plan\.json`/);
  });

  it.each([
    ['aws_security_group', 'ingress', { r: { protocol: 'tcp', from_port: 22, to_port: 22, cidr_blocks: ['0.0.0.0/0'] } }, /^ingress of aws_security_group\.web is an object, where a list of rule blocks belongs/],
    ['aws_security_group', 'egress', 'all', /^egress of aws_security_group\.web is a string, where a list of rule blocks belongs/],
    ['aws_security_group', 'ingress', ['x'], /^ingress\[0\] of aws_security_group\.web is a string, where a rule block \(an object\) belongs/],
    ['aws_network_acl', 'ingress', 7, /^ingress of aws_network_acl\.web is a number, where a list of rule blocks belongs/],
    ['azurerm_network_security_group', 'security_rule', { name: 'ssh' }, /^security_rule of azurerm_network_security_group\.web is an object, where a list/],
    ['google_compute_firewall', 'allow', [true], /^allow\[0\] of google_compute_firewall\.web is a boolean, where a rule block/],
  ])('%s %s in a shape no provider writes is a located input error, not "no rules" (a forbidden port would pass)', (type, attribute, value, message) => {
    const text = web({ [attribute]: value }, type);
    const err = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': text } }));
    expect(err.problems[0]).toMatchObject(at(text, type));
    expect(err.problems[0].message).toMatch(message);
    expect(err.problems[0].message).toMatch(/hand-edited\? Make it again/);
  });

  it('a number for a database engine is an input error, not a database of no engine (which is no server)', () => {
    const text = web({ engine: 5, tags: {} }, 'aws_db_instance');
    const err = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': text } }));
    expect(err.problems[0]).toMatchObject(at(text, 'aws_db_instance'));
    expect(err.problems[0].message).toMatch(/^engine of aws_db_instance\.web is a number, where a string belongs/);
  });

  it('labels of a GCP instance are checked; its tags, a list of network tags in the schema, are not', () => {
    const text = web({ tags: ['web'], labels: ['topogate-role'] }, 'google_compute_instance');
    expect(inputErrorOf(() => environmentsOf({ plans: { 'plan.json': text } })).problems[0].message).toMatch(/^labels of google_compute_instance\.web is a list/);
    expect(() => environmentsOf({ plans: { 'plan.json': web({ tags: ['web'], labels: { 'topogate-role': 'front-end' } }, 'google_compute_instance') } })).not.toThrow();
  });

  it('a null tag value, which a map of strings can hold, is no tag', () => {
    expect(serverOf({ plans: { 'plan.json': web({ tags: { 'topogate-role': 'front-end', Owner: null } }) } }, 'aws_instance.web').roles).toEqual(['front-end']);
  });

  it('a create without "after" makes every attribute unknown until apply: roles unknown, not a server that passes', () => {
    const plan = buildPlanJson({ resources: [{ address: 'aws_instance.web', values: { tags: { 'topogate-role': 'front-end' } } }] }) as { resource_changes: Array<{ change: Record<string, unknown> }> };
    plan.resource_changes[0].change.after = null;
    const server = serverOf({ plans: { 'plan.json': JSON.stringify(plan) } }, 'aws_instance.web');
    expect(server.roles).toEqual([]);
    expect(server.rolesUnknown).toMatch(/^tags of aws_instance\.web are not known until apply/);
  });

  const configured = (edit: (root: Record<string, unknown>) => void) => {
    const plan = buildPlanJson({ resources: [{ address: 'aws_instance.web', values: { tags: { 'topogate-role': 'front-end' } } }], modules: { 'module.net': { source: './net' } } }) as { configuration: { root_module: Record<string, unknown> } };
    edit(plan.configuration.root_module);
    return JSON.stringify(plan, null, 1);
  };
  it.each([
    ['resources as null', (root: Record<string, unknown>) => (root.resources = null), 'configuration.root_module.resources must be a list', '"resources": null'],
    ['a resource without a type', (root: Record<string, unknown>) => delete (root.resources as Array<Record<string, unknown>>)[0].type, 'configuration.root_module.resources.0 must be an object with a string "type" and "name"', '"address": "aws_instance.web"', -1],
    ['expressions as a list', (root: Record<string, unknown>) => ((root.resources as Array<Record<string, unknown>>)[0].expressions = []), 'configuration.root_module.resources.0.expressions must be an object', '"expressions": []'],
    ['module_calls as a list', (root: Record<string, unknown>) => (root.module_calls = []), 'configuration.root_module.module_calls must be an object', '"module_calls": []'],
    ['a module call as a string', (root: Record<string, unknown>) => ((root.module_calls as Record<string, unknown>).net = './net'), 'configuration.root_module.module_calls.net must be an object', '"net": "./net"'],
  ])('configuration with %s is a located input error, not references lost', (_name, edit, message, written, lineDelta = 0) => {
    const text = configured(edit);
    const err = inputErrorOf(() => environmentsOf({ plans: { 'plan.json': text } }));
    const before = text.slice(0, text.indexOf(written, text.indexOf('"configuration"')));
    expect(err.problems[0].message).toContain(`${message}: this is not what \`terraform show -json\` writes`);
    // An error naming a whole entry points at its opening brace, a line above its address (lineDelta -1).
    expect(err.problems[0].line).toBe(before.split('\n').length + lineDelta);
  });
});
