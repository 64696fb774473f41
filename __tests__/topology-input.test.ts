import { describe, expect, it } from 'vitest';
import { parseTopology } from '../src/core/topology/parse-topology.js';
import { decodeInput } from '../src/core/input/decode.js';
import { parseYaml } from '../src/core/input/located-yaml.js';
import { readFileSync } from 'node:fs';
import { loadPolicies, loadTopologies } from '../src/core/run-check.js';
import { builtinPack, problemsOf, yaml } from './helpers/pipeline.js';

const parse = (text: string) => parseTopology(text, 'topology.yml', { defaultClients: new Set(['end-users', 'development-tools', 'internet']) });
const firstProblem = (text: string) => problemsOf(() => parse(text))[0];
const parseYamlOnly = (text: string) => ({ doc: parseYaml(text, 'topology.yml') });

const base = yaml`
  version: 1
  environments:
    - name: prod
      servers:
        - name: fe-1
          roles: [front-end]
          addresses: [10.0.2.11]
        - name: db
          roles: [database]
          engine: sqlserver
`;

describe('malformed YAML: one string, one error with its line and column', () => {
  const cases: Array<{ name: string; text: string; line: number; column: number; message: RegExp }> = [
    { name: 'unclosed flow sequence: at its bracket', text: 'version: 1\nenvironments: [\n', line: 2, column: 15, message: /^invalid YAML: the bracket \[ opened here is never closed \(the parser stops at the end of the file: .*\)\. Close it with \] where the value ends\.$/ },
    { name: 'a bracket left open before a comment', text: 'version: 1\nenvironments:\n  - name: a\n    servers: [a, b    # the farm\n    firewall: []\n', line: 4, column: 14, message: /bracket \[ opened here is never closed \(the parser stops at line 5:/ },
    { name: 'a list written over several lines, left open', text: 'version: 1\nenvironments: [\n  { name: a },\n  { name: b }\nwaivers: []\n', line: 2, column: 15, message: /bracket \[ opened here is never closed/ },
    { name: 'a list left open above a good line: at its bracket, not the next line', text: 'version: 1\nenvironments:\n  - name: a\n    servers: [a, b\n    firewall: []\n', line: 4, column: 14, message: /bracket \[ opened here is never closed/ },
    { name: 'a brace left open inside a list', text: 'version: 1\nenvironments: [ { name: a }, { name: b\n', line: 2, column: 30, message: /brace \{ opened here is never closed .* Close it with \} where the value ends\. Then close the bracket \[ at line 2, column 15, which is never closed either\.$/ },
    { name: 'an error raised after parsing (duplicate key) is not blamed on a quote in plain text', text: "version: 1\nreason: legacy, 'cause vendor\nversion: 2\n", line: 3, column: 1, message: /^invalid YAML: duplicated mapping key/ },
    { name: 'a closer that does not match is its own slip: at the closer', text: 'version: 1\nenvironments: [{ name: a], b: 2 }\n', line: 2, column: 25, message: /^invalid YAML: missed comma/ },
    { name: 'a quote the scan wrongly takes for an opener: closing it does not help, so the parser\'s position stands', text: "version: 1\nnote: why? 'cause\nenvironments: [a\n", line: 4, column: 1, message: /^invalid YAML: (?!the)/ },
    { name: 'a bracket closed on a later line is no slip', text: 'version: 1\nenvironments: [\n  a]\nversion: 2\n', line: 4, column: 1, message: /duplicated mapping key/ },
    { name: 'quotes and brackets in plain text, comments and block scalars are text', text: "# it's [\nversion: 1\nnote: it's x[1\ntext: |\n  [draft \"\nenvironments: {\n", line: 6, column: 15, message: /brace \{ opened here/ },
    { name: 'bad indentation', text: 'version: 1\nenvironments:\n  - name: a\n   servers: []\n', line: 4, column: 4, message: /invalid YAML/ },
    { name: 'duplicate key', text: 'version: 1\nversion: 1\n', line: 2, column: 1, message: /duplicated mapping key.*appear once/ },
    { name: 'tab indentation', text: 'version: 1\nenvironments:\n\t- name: a\n', line: 3, column: 1, message: /invalid YAML/ },
    { name: 'unterminated quote: at the quote', text: 'version: 1\nenvironments:\n  - name: "prod\n', line: 3, column: 11, message: /double quote \("\) opened here is never closed/ },
    { name: "unterminated single quote, '' inside", text: "version: 1\nenvironments:\n  - name: 'it''s\n", line: 3, column: 11, message: /single quote \('\) opened here is never closed/ },
    { name: 'two documents', text: 'version: 1\n---\nversion: 1\n', line: 1, column: 1, message: /2 YAML documents/ },
    { name: 'empty file', text: '   \n\n', line: 1, column: 1, message: /the file is empty/ },
    { name: 'a scalar instead of a mapping', text: 'just text\n', line: 1, column: 1, message: /must be a mapping/ },
    { name: 'a YAML tag: as written, and what to do', text: 'version: 1\nenvironments:\n  - name: !!binary cHJvZA==\n', line: 3, column: 11, message: /^invalid YAML: unknown scalar tag !!binary\. YAML tags \(!!binary, !foo\) are not used in topology or policy files: remove the tag and write the value as plain text\.$/ },
    { name: 'a local YAML tag on a mapping', text: 'version: 1\nenvironments: !foo {}\n', line: 2, column: 15, message: /^invalid YAML: unknown mapping tag !foo\. YAML tags/ },
  ];
  it.each(cases)('$name', ({ text, line, column, message }) => {
    const p = firstProblem(text);
    expect(p.file).toBe('topology.yml');
    expect(p.message).toMatch(message);
    expect([p.line, p.column]).toEqual([line, column]);
  });
});

describe('schema errors: every one at once, each on its line, in words', () => {
  it('a waiver reason too short is one problem (its length), not two', () => {
    const text = 'version: 1\nenvironments:\n  - { name: a, servers: [{ name: s, roles: [front-end], addresses: [10.0.0.1] }] }\nwaivers:\n  - { policy: OS11-NET-001, environment: a, reason: x, expires: 2099-01-01 }\n';
    const p = problemsOf(() => parseTopology(text, 'topology.yml'));
    expect(p.map((x) => [x.line, x.message])).toEqual([[5, 'waiver #1 > reason: "reason" needs at least 3 characters. Say why the finding is accepted; the report shows it.']]);
  });

  it('unknown key with a suggestion, wrong type, bad enum, missing key', () => {
    const text = yaml`
      version: 1
      environments:
        - name: prod
          servers:
            - name: fe-1
              roles: [front-end]
              adresses: [10.0.2.11]
            - name: db
              roles: [database]
              engine: postgres
              port: "1433"
            - roles: [controller]
    `;
    const problems = problemsOf(() => parse(text));
    expect(problems.map((p) => [p.line, p.column])).toEqual([[7, 9], [10, 17], [11, 15], [12, 9]]);
    expect(problems[0].message).toBe('environment "prod" > server "fe-1": unknown key "adresses". Did you mean "addresses"?');
    expect(problems[1].message).toMatch(/server "db" > engine: the text "postgres" is not allowed; use one of "sqlserver", "oracle"/);
    expect(problems[2].message).toMatch(/server "db" > port: "port" must be a whole number, not the text "1433"/);
    expect(problems[3].message).toMatch(/server #3: "name" is required/);
    for (const p of problems) expect(p.message).not.toMatch(/\/environments\/0/);
  });

  it('version missing or wrong', () => {
    expect(firstProblem('environments: []\n').message).toMatch(/"version" is required/);
    expect(firstProblem('version: 2\n').message).toMatch(/must be 1.*version: 1/);
  });

  it('a Terraform plan passed as a topology says so', () => {
    expect(firstProblem('{"format_version":"1.2","resource_changes":[]}').message).toMatch(/Terraform plan.*--plan/);
  });
});

describe('a server named like a client', () => {
  it.each([
    ['end-users', 'a loaded pack declares it'],
    ['internet', 'built in: every address'],
  ])('a server named %s is an error at its name: in openings it would stand for the client', (name, owner) => {
    const text = ['version: 1', 'environments:', '  - name: production', '    servers:', `      - { name: ${name}, roles: [front-end], addresses: [10.0.1.10] }`, '    firewall:', `      - { from: ${name}, to: role:front-end, ports: [443] }`, ''].join('\n');
    const p = problemsOf(() => parse(text));
    expect(p.map((x) => [x.line, x.column, x.message])).toEqual([[5, 17, `environment "production": "${name}" is the name of a client (${owner}), so in openings and policies it would mean this server instead. Rename the server.`]]);
  });
});

describe('meaning: references, addresses, ports', () => {
  const withFirewall = (firewall: string) => `${base}    firewall:\n${firewall.split('\n').map((l) => (l ? `      ${l}` : l)).join('\n')}`;
  const cases: Array<{ name: string; firewall: string; line: number; message: RegExp }> = [
    { name: 'unknown server name', firewall: '- from: fe-1\n  to: dbx\n  ports: [1433]\n', line: 13, message: /unknown name "dbx". Did you mean "db"\?/ },
    { name: 'role nobody holds', firewall: '- from: role:front-end\n  to: role:databse\n  ports: [1433]\n', line: 13, message: /no server holds role "databse". Did you mean role:database\?/ },
    { name: 'client as a target', firewall: '- from: fe-1\n  to: end-users\n  ports: [443]\n', line: 13, message: /is a client.*only appear in "from"/ },
    { name: 'CIDR with host bits', firewall: '- from: 10.0.2.11/24\n  to: db\n  ports: [1433]\n', line: 12, message: /host bits set beyond \/24/ },
    { name: 'invalid CIDR', firewall: '- from: 10.0.2.300/24\n  to: db\n  ports: [1433]\n', line: 12, message: /not an IPv4 address/ },
    { name: 'reversed range', firewall: '- from: fe-1\n  to: db\n  ports: ["2000-1000"]\n', line: 14, message: /empty range.*"1000-2000"/ },
    { name: 'port out of range', firewall: '- from: fe-1\n  to: db\n  ports: [70000]\n', line: 14, message: /0 to 65535/ },
    { name: 'ports missing for tcp', firewall: '- from: fe-1\n  to: db\n', line: 12, message: /"ports" is required for tcp/ },
    { name: 'ports with protocol all', firewall: '- from: fe-1\n  to: db\n  protocol: all\n  ports: [1]\n', line: 15, message: /protocol "all" opens every port/ },
  ];
  it.each(cases)('$name', ({ firewall, line, message }) => {
    const p = firstProblem(withFirewall(firewall));
    expect(p.message).toMatch(message);
    expect(p.line).toBe(line);
  });

  it('duplicate names in an environment point at the second one', () => {
    const text = `${base}      - name: db\n        roles: [controller]\n`;
    const p = firstProblem(text);
    expect(p.line).toBe(11);
    expect(p.message).toMatch(/"db" is already used by a server at line 8/);
  });

  it('a plan path may not leave the repository', () => {
    const p = firstProblem(`${base}    terraform:\n      plans: [../../etc/passwd]\n`);
    expect(p.message).toMatch(/inside the repository/);
    expect(p.line).toBe(12);
  });

  it.each([
    ['"   "', /reason: .* is not valid/],
    ['ab', /reason: "reason" needs at least 3 characters/],
  ])('a waiver reason of %s is refused, saying why', (reason, message) => {
    const p = firstProblem(`${base}waivers:\n  - { policy: OS11-NET-001, environment: prod, reason: ${reason}, expires: 2026-12-01 }\n`);
    expect(p.message).toMatch(message);
    expect(p.line).toBe(12);
  });

  it('an empty list item is placed at its list, not at the top of the file, and named as the item', () => {
    const text = `${base}    firewall:\n      -\n`;
    const p = firstProblem(text);
    expect(p.line).toBe(text.split('\n').indexOf('      -') + 1);
    expect(p.message).toMatch(/opening #1: it must be a mapping/);
  });

  it('an invalid waiver date', () => {
    const p = firstProblem(`${base}waivers:\n  - { policy: OS11-NET-001, environment: prod, reason: known, expires: 2026-02-30 }\n`);
    expect(p.message).toMatch(/not a calendar date/);
  });
});

describe('encodings and hostile YAML', () => {
  it('a 100,000-character name is cut in every message that echoes it, with a count, not written out in full', () => {
    const name = `a${'b'.repeat(99_999)}`;
    const problems = problemsOf(() => parse(base.replace('name: fe-1', `name: ${name}`).replace('[front-end]', '[front-end, bad role]')));
    expect(problems.length).toBeGreaterThanOrEqual(2);
    for (const p of problems) {
      expect(p.message.length).toBeLessThan(1_000);
      // The run starts at the opening quote.
      expect(p.message).toContain(`server "a${'b'.repeat(118)}…(99882 more characters)`);
    }
  });

  it.each([
    ['an explicit key', 'version: 1\nenvironments:\n  - name: p\n    servers:\n      - ? [a, b]\n        : 1\n', 5, 11],
    ['a flow sequence as key', 'version: 1\nenvironments:\n  [x, y]: 2\n', 3, 3],
    ['a flow mapping as key', 'version: 1\nenvironments: [ { {x: 1}: 2 } ]\n', 2, 19],
  ])('a complex key (%s) is an error at the key, not at the start of the file', (_name, text, line, column) => {
    expect(problemsOf(() => parse(text))).toEqual([{ file: 'topology.yml', line, column, message: 'invalid YAML: this key is a list or a mapping (a complex key), and keys here are plain words. Write the key as a word, or quote it.' }]);
  });

  it('a key merged in with <<: is placed where the anchor writes it; a key the map writes itself stays the map\'s', () => {
    const text = yaml`
      version: 1
      x-server: &server
        roles: [front-end]
        adress: 10.0.0.1
      x-more: &more
        region: westeurope
        porte: 443
      environments:
        - name: p
          servers:
            - name: fe
              <<: [*server, *more]
              addresses: [10.0.2.11]
              adress: 10.0.0.2
    `;
    const { doc } = parseYamlOnly(text);
    const lineOf = (needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;
    const server = ['environments', 0, 'servers', 0];
    expect(doc.keyAt([...server, 'roles']).line).toBe(lineOf('roles:'));
    expect(doc.keyAt([...server, 'porte']).line).toBe(lineOf('porte:'));
    // Written in the map itself after the merge: that line wins.
    expect(doc.keyAt([...server, 'adress']).line).toBe(lineOf('adress: 10.0.0.2'));
    expect(doc.keyAt([...server, 'addresses']).line).toBe(lineOf('addresses:'));
    const problems = problemsOf(() => parse(text.replace('adress: 10.0.0.2\n', '')));
    expect(problems.find((p) => p.message.includes('"porte"'))?.line).toBe(lineOf('porte:'));
    expect(problems.find((p) => p.message.includes('"adress"'))?.line).toBe(lineOf('adress: 10.0.0.1'));
  });

  it('a long run of text is never cut inside a surrogate pair', async () => {
    const { clipLongRuns } = await import('../src/core/errors.js');
    // The emoji's first half would be the 120th character kept: it goes whole to the rest.
    const clipped = clipLongRuns(`x "${'b'.repeat(118)}😀${'c'.repeat(400)}"`);
    expect(clipped).toBe(`x "${'b'.repeat(118)}…(403 more characters)`);
    expect(clipLongRuns('short words stay as they are')).toBe('short words stay as they are');
  });

  it('accepts a byte-order mark and CRLF line endings, positions unchanged', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(base.replace(/\n/g, '\r\n'))]);
    const parsed = parseTopology(decodeInput(bytes, 't.yml'), 't.yml');
    expect(parsed.environments[0].raw.name).toBe('prod');
    expect(parsed.doc.at(['environments', 0, 'servers', 1, 'engine'])).toEqual({ file: 't.yml', line: 10, column: 17 });
  });

  it.each([
    ['UTF-16LE without a mark', () => Buffer.from(base, 'utf16le'), /UTF-16 text without a byte-order mark\. Save it as UTF-8/],
    ['UTF-16BE without a mark', () => Buffer.from(base, 'utf16le').swap16(), /UTF-16 text without a byte-order mark/],
    ['UTF-32LE with its mark', () => Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from([...base].flatMap((c) => [c.charCodeAt(0), 0, 0, 0]))]), /UTF-32 text\. Save it as UTF-8/],
    ['binary with NUL bytes', () => Buffer.from([1, 0, 2, 0, 0, 0, 9, 7, 0, 0, 3, 4, 5]), /binary file \(contains NUL bytes\)/],
  ])('%s: says what it is', (_name, bytes, message) => {
    let err: unknown;
    try {
      decodeInput(bytes(), 't.yml');
    } catch (e) {
      err = e;
    }
    expect((err as { problems: Array<{ message: string }> }).problems[0].message).toMatch(message);
  });

  it('an alias without an anchor says so, not "too many aliases"', () => {
    const p = firstProblem('version: 1\nenvironments:\n  - name: *nope\n');
    expect(p.message).toMatch(/unidentified alias "nope".*must name an anchor \(&name\) written above it/);
    expect(p.message).not.toMatch(/Too many/);
  });

  it('accepts UTF-16 with a byte-order mark', () => {
    const text = base;
    const buf = new Uint8Array(2 + text.length * 2);
    buf[0] = 0xff;
    buf[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      buf[2 + i * 2] = text.charCodeAt(i) & 0xff;
      buf[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    expect(parse(decodeInput(buf, 't.yml')).environments).toHaveLength(1);
  });

  it('refuses binary files, saying what they are', () => {
    expect(problemsOf(() => decodeInput(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'plan.json'))[0].message).toMatch(/zip archive.*terraform show -json/);
    expect(problemsOf(() => decodeInput(new Uint8Array([0x41, 0, 0x42]), 'x.yml'))[0].message).toMatch(/binary/);
    expect(problemsOf(() => decodeInput(new Uint8Array([0xc3, 0x28]), 'x.yml'))[0].message).toMatch(/not valid UTF-8/);
  });

  it('bytes that are not UTF-8: at the line and column of the first bad one', () => {
    const bytes = (...parts: Array<string | number[]>) => new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
    const at = (b: Uint8Array) => {
      const p = problemsOf(() => decodeInput(b, 'x.yml'))[0];
      return [p.line, p.column, p.message];
    };
    const message = 'this file is not valid UTF-8 text: the character here is in another encoding (Latin-1 or Windows-1252?). Save the file as UTF-8 (or UTF-16 with a byte-order mark).';
    // Latin-1 "é" on line 3, after CRLF, good multi-byte text and an emoji (two columns, as a LineIndex counts).
    expect(at(bytes('version: 1\r\nnote: "é"\nname: "😀p', [0xe9], '"\n'))).toEqual([3, 11, message]);
    // A lone CR ends a line too; a byte-order mark is no column.
    expect(at(bytes([0xef, 0xbb, 0xbf], 'a: 1\rb: ', [0xff, 0xfe]))).toEqual([2, 4, message]);
    // A sequence cut short, an overlong form, a surrogate: at the sequence's first byte.
    expect(at(bytes('ab', [0xc3, 0x28]))).toEqual([1, 3, message]);
    expect(at(bytes('ab', [0xc0, 0xaf]))).toEqual([1, 3, message]);
    expect(at(bytes('a', [0xed, 0xa0, 0x80]))).toEqual([1, 2, message]);
    expect(at(bytes('abc', [0xe2, 0x82]))).toEqual([1, 4, message]);
  });

  it('a file with lone CR line endings: line and column as YAML counts them', () => {
    const p = firstProblem('version: 1\renvironments:\r  - name: p\r    servrs: []\r');
    expect([p.line, p.column, p.message]).toEqual([4, 5, 'environment "p": unknown key "servrs". Did you mean "servers"?']);
    const crlf = firstProblem('version: 1\r\nenvironments:\r\n  - name: p\r\n    servrs: []\r\n');
    expect([crlf.line, crlf.column]).toEqual([4, 5]);
  });

  it.each([
    ['a zero-width space', '\u200b', '\\u200b'],
    ['a byte-order mark', '\ufeff', '\\ufeff'],
    ['a word joiner', '\u2060', '\\u2060'],
    ['a left-to-right mark', '\u200e', '\\u200e'],
    ['a right-to-left isolate', '\u2067', '\\u2067'],
    ['a soft hyphen', '\u00ad', '\\u00ad'],
    ['a tag character', '\u{e0041}', '\\u{e0041}'],
    ['a Hangul filler', '\u3164', '\\u3164'],
  ])('%s in an echoed key is shown as an escape', (_name, invisible, shown) => {
    const p = firstProblem(`version: 1\nenvironments:\n  - name: p\n    servers${invisible}: []\n`);
    expect(p.message).toBe(`environment "p": unknown key "servers${shown}". Did you mean "servers"?`);
  });

  it('an alias bomb is refused quickly', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const started = Date.now();
    const p = problemsOf(() => parseYaml(levels.join('\n'), 'bomb.yml'))[0];
    expect(p.message).toMatch(/expands to more than/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('deep nesting is refused, not a stack overflow', () => {
    const p = problemsOf(() => parseYaml(`${'['.repeat(10000)}${']'.repeat(10000)}`, 'deep.yml'))[0];
    expect(p.message).toMatch(/nested too deeply|maxDepth/);
  });

  it('a file over the size limit is refused before parsing', () => {
    const p = problemsOf(() => parseYaml('a: b\n'.repeat(10), 'big.yml', { maxBytes: 20, maxDepth: 10, maxAliases: 10, maxNodes: 100 }))[0];
    expect(p.message).toMatch(/limited to/);
  });
});

describe('positions of keys and values', () => {
  it('finds values in flow and block collections, and keys', () => {
    const doc = parseYaml('a:\n  b: [1, "two", {c: 3}]\n  d:\n    - e: f\n', 'p.yml');
    expect(doc.at(['a', 'b', 1])).toMatchObject({ line: 2, column: 10 });
    expect(doc.at(['a', 'b', 2, 'c'])).toMatchObject({ line: 2, column: 21 });
    expect(doc.keyAt(['a', 'd'])).toMatchObject({ line: 3, column: 3 });
    expect(doc.at(['a', 'd', 0, 'e'])).toMatchObject({ line: 4, column: 10 });
    expect(doc.at(['a', 'missing', 'deeper'])).toMatchObject({ line: 2, column: 3 });
  });
});

/** The example topology as an input, with the built-in pack's clients. */
function exampleInput() {
  return { clients: loadPolicies([builtinPack()]).clients, input: { path: 'examples/topology.yml', text: readFileSync('examples/topology.yml', 'utf8') } };
}

describe('a topology is parsed once per run', () => {
  it('the plans it lists are read first, then the check reuses the same parse; other clients parse again', () => {
    const { clients, input } = exampleInput();
    const first = loadTopologies([input], clients).files[0];
    expect(loadTopologies([input], clients).files[0]).toBe(first);
    expect(loadTopologies([input], new Map(clients)).files[0]).not.toBe(first);
    expect(loadTopologies([{ ...input }], clients).files[0]).not.toBe(first);
  });
});

describe('filter layers of a topology', () => {
  it('servers the same openings apply to share one layer (the flow engine keeps answers on it); others have their own', () => {
    const { clients, input } = exampleInput();
    const [production] = loadTopologies([input], clients).environments;
    const layer = (name: string) => production.servers.find((s) => s.name === name)!.ingress[0];
    expect(layer('fe-1')).toBe(layer('fe-2'));
    expect(layer('ctl-1')).not.toBe(layer('fe-1'));
    expect(layer('db')).not.toBe(layer('ctl-1'));
    // The rules are the openings, in file order, each once.
    expect(layer('fe-1').rules.map((r) => r.origin.location.line)).toEqual([...new Set(layer('fe-1').rules.map((r) => r.origin.location.line))].sort((a, b) => a - b));
  });
});
