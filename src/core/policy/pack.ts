import { InputError, ProblemList } from '../errors.js';
import type { Client, Severity, SourceLocation } from '../model.js';
import { AddressSet, INTERNET, parseCidr } from '../net/cidr.js';
import { PortSet, parsePortSpec } from '../net/ports.js';
import { parseYaml } from '../input/located-yaml.js';
import { INTERNET_IS_BUILT_IN, checkAddress } from '../input/address-value.js';
import type { LocatedYaml } from '../input/located-yaml.js';
import { closest } from '../input/closest-word.js';
import { precompiledValidator, validateLocated } from '../input/schema-validation.js';
import { VALIDATOR_NAMES } from '../input/validator-names.js';
import { CHECK_TYPES } from '../checks/index.js';
import { namesInCheck } from './policy-names.js';
import type { PolicyName } from './policy-names.js';

/**
 * Policy packs: a folder with `pack.yaml` and one YAML file per policy. Every file is
 * validated (the envelope, then the schema of its check type) before anything runs.
 */

export interface Policy {
  id: string;
  title: string;
  severity: Severity;
  description?: string;
  source: string;
  rationale?: string;
  remediation?: string;
  check: { type: string } & Record<string, unknown>;
  pack: string;
  file: string;
  location: SourceLocation;
  /** The clients, roles and servers its check names, where the file names them (checked against the inputs). */
  names?: readonly PolicyName[];
}

export interface PolicyPack {
  name: string;
  version: string;
  description: string;
  dir: string;
  /** Clients the pack's policies name, with the addresses they stand for where a topology is silent. */
  clients: ReadonlyMap<string, Client>;
  /** Where pack.yaml writes the pack's name. */
  nameLocation?: SourceLocation;
  /** Where pack.yaml names each client. */
  clientLocations?: ReadonlyMap<string, SourceLocation>;
  policies: Policy[];
}

export interface PackFiles {
  /** The folder as the user named it, for messages. */
  dir: string;
  /** Every YAML file of the folder, `pack.yaml` included; paths as they are reported. */
  files: ReadonlyArray<{ path: string; text: string }>;
}

const validatePack = precompiledValidator(VALIDATOR_NAMES.pack);
const validatePolicy = precompiledValidator(VALIDATOR_NAMES.policy);
const checkValidators = new Map([...CHECK_TYPES.keys()].map((type) => [type, precompiledValidator(VALIDATOR_NAMES.check(type))]));

const KINDS = { cidrs: 'CIDR', ports: 'port', roles: 'role' };

function checkFlowValues(doc: LocatedYaml, check: Record<string, unknown>, problems: ProblemList): void {
  const from = check.from as { cidrs?: string[] } | undefined;
  from?.cidrs?.forEach((c, i) => checkAddress(doc, ['check', 'from', 'cidrs', i], c, 'network', problems));
  if (Array.isArray(check.ports)) {
    check.ports.forEach((p, i) => {
      const r = parsePortSpec(p);
      if (!r.ok) problems.add(doc.at(['check', 'ports', i]), `${r.error}.`);
      // Port 0 alone is no service port: a policy naming it checks nothing (every port is "0-65535").
      else if (r.value.equals(PortSet.of(0))) problems.add(doc.at(['check', 'ports', i]), 'port 0 is no port a service listens on, so the policy would check nothing. For every port write "0-65535"; otherwise list the ports.');
    });
  }
}

function parsePolicyFile(text: string, path: string, pack: string, problems: ProblemList): Policy | undefined {
  let doc: LocatedYaml;
  try {
    doc = parseYaml(text, path, { maxBytes: 1024 * 1024, maxDepth: 32, maxAliases: 100, maxNodes: 50_000 });
  } catch (e) {
    if (e instanceof InputError) {
      problems.addAll(e.problems);
      return undefined;
    }
    throw e;
  }
  const before = problems.size;
  problems.addAll(validateLocated(validatePolicy, doc, KINDS));
  if (problems.size > before) return undefined;
  const raw = doc.value as Omit<Policy, 'pack' | 'file' | 'location'>;
  const checkType = checkValidators.get(raw.check.type);
  if (checkType) problems.addAll(validateLocated(checkType, doc, KINDS, ['check']));
  if (problems.size > before) return undefined;
  checkFlowValues(doc, raw.check, problems);
  if (problems.size > before) return undefined;
  return { ...raw, pack, file: path, location: doc.at(['id']), names: namesInCheck(raw.check, (p) => doc.at(p)) };
}

const isPackFile = (path: string) => /(^|[\\/])pack\.ya?ml$/.test(path);

/** Parses one pack; every problem in every file is reported together. */
export function parsePack(input: PackFiles): PolicyPack {
  const problems = new ProblemList();
  const packFiles = input.files.filter((f) => isPackFile(f.path));
  // pack.yaml beside pack.yml: one of them would be ignored in silence.
  if (packFiles.length > 1) throw InputError.at({ file: packFiles[1].path, line: 1, column: 1 }, `"${input.dir}" holds both ${packFiles.map((f) => f.path.split(/[\\/]/).pop()).join(' and ')}; a pack has one. Keep one and delete the other.`);
  const packFile = packFiles[0];
  if (!packFile) {
    throw InputError.at({ file: input.dir, line: 1, column: 1 }, `"${input.dir}" is not a policy pack: it has no pack.yaml (name, version, description).`);
  }
  const packDoc = parseYaml(packFile.text, packFile.path, { maxBytes: 1024 * 1024, maxDepth: 16, maxAliases: 0, maxNodes: 10_000 });
  problems.addAll(validateLocated(validatePack, packDoc));
  problems.throwIfAny();
  const meta = packDoc.value as { name: string; version: string | number; description: string; clients?: Record<string, string[]> };

  const clients = new Map<string, Client>();
  const clientLocations = new Map<string, SourceLocation>();
  for (const [name, cidrs] of Object.entries(meta.clients ?? {})) {
    if (name === 'internet') problems.add(packDoc.keyAt(['clients', name]), INTERNET_IS_BUILT_IN);
    clientLocations.set(name, packDoc.keyAt(['clients', name]));
    cidrs.forEach((c, i) => checkAddress(packDoc, ['clients', name, i], c, 'network', problems));
    const parsed = cidrs.map((c) => parseCidr(c));
    clients.set(name, {
      name,
      addresses: AddressSet.fromParsed(parsed.flatMap((r) => (r.ok ? [r.value] : []))),
      defaultedBy: `pack ${meta.name} (${packFile.path}:${packDoc.keyAt(['clients', name]).line})`,
    });
  }

  const policies: Policy[] = [];
  for (const f of input.files) {
    if (isPackFile(f.path) || !/\.ya?ml$/i.test(f.path)) continue;
    const policy = parsePolicyFile(f.text, f.path, meta.name, problems);
    if (policy) policies.push(policy);
  }
  if (policies.length === 0 && problems.size === 0) {
    problems.add(packDoc.at([]), `pack "${meta.name}" has no policy files; add one YAML file per policy beside pack.yaml.`);
  }
  problems.throwIfAny();
  policies.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { name: meta.name, version: String(meta.version), description: meta.description, dir: input.dir, clients, clientLocations, nameLocation: packDoc.at(['name']), policies };
}

/** Clients every environment gets unless it declares them: `internet`, then pack defaults. */
export function defaultClients(packs: readonly PolicyPack[]): Map<string, Client> {
  const all = new Map<string, Client>([['internet', { name: 'internet', addresses: INTERNET, defaultedBy: 'topogate (the public address space)' }]]);
  for (const pack of packs) for (const [name, client] of pack.clients) if (!all.has(name)) all.set(name, client);
  return all;
}

/** Policy ids are unique across every loaded pack. */
export function allPolicies(packs: readonly PolicyPack[]): Policy[] {
  const problems = new ProblemList();
  const byId = new Map<string, Policy>();
  for (const pack of packs) {
    for (const p of pack.policies) {
      const prev = byId.get(p.id);
      if (prev) problems.add(p.location, `policy id ${p.id} is already used by ${prev.file}:${prev.location.line} (pack ${prev.pack}); ids are unique across packs.`);
      else byId.set(p.id, p);
    }
  }
  problems.throwIfAny();
  return [...byId.values()];
}

/** For "did you mean" on a policy id written in a waiver or override. */
export function suggestPolicy(id: string, policies: readonly Policy[]): string | undefined {
  return closest(id, policies.map((p) => p.id));
}
