import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import { runCheck } from '../src/core/run-check.js';
import type { Report } from '../src/core/report/report.js';
import { loadEnvironments } from '../src/core/run-check.js';
import { defaultClients, parsePack } from '../src/core/policy/pack.js';
import { ROOT, builtinPack } from './helpers/pipeline.js';

/**
 * Every real plan in ../shared/corpus/plans (114 files from public repositories) goes
 * through the whole pipeline without an exception; the files that are not plans get the
 * input error that says what they are.
 */

const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'plans');
const present = existsSync(CORPUS);
if (!present) console.log(`NOTICE: ${CORPUS} is absent; the corpus sweep is skipped.`);

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Files that are not `terraform show -json` plans, and what the error must say. */
const NOT_PLANS: Record<string, RegExp> = {
  '_malformed/infracost-terraform-wrapper-prefix.json': /^_malformed\/infracost-terraform-wrapper-prefix\.json:1:1: this is the stdout of the hashicorp\/setup-terraform wrapper.*terraform_wrapper: false/,
  '_malformed/terraform-json-invalid-extra-data.json': /^_malformed\/terraform-json-invalid-extra-data\.json:676:29: unexpected "\}," after the end of the JSON: the plan object closes at line 676 column 28/,
  'terraform/tfc-plan-redacted-full.json': /HCP Terraform redacted plan/,
  'terraform/show-json-plan-error.json': /:36:16: this plan is from a terraform plan that failed/,
};

describe.skipIf(!present)('the plan corpus', () => {
  const files = present ? walk(CORPUS).map((f) => path.relative(CORPUS, f).split(path.sep).join('/')) : [];
  const reports = new Map<string, Report>();
  const errors = new Map<string, InputError>();
  for (const rel of files) {
    try {
      reports.set(rel, runCheck({ version: 'corpus', topologies: [], packs: [builtinPack()], today: '2026-06-01', plans: [{ path: rel, content: readFileSync(path.join(CORPUS, rel)) }] }));
    } catch (e) {
      if (e instanceof InputError) errors.set(rel, e);
      else throw new Error(`${rel}: ${(e as Error).message}`, { cause: e });
    }
  }

  it('holds the 114 files the manifest lists', () => {
    expect(files).toHaveLength(114);
  });

  it('parses every plan without an exception; only the files that are not plans are input errors', () => {
    expect([...errors.keys()].sort()).toEqual(Object.keys(NOT_PLANS).sort());
    expect(reports.size).toBe(files.length - Object.keys(NOT_PLANS).length);
  });

  it.each(Object.entries(NOT_PLANS))('%s says what it is', (file, message) => {
    expect(errors.get(file)?.message).toMatch(message);
  });

  it('finds the servers of the real plans, on all three clouds', () => {
    const servers = [...reports.values()].reduce((n, r) => n + r.environments.reduce((m, e) => m + e.servers, 0), 0);
    // 88: with the instance the targeted infracost plan leaves out of its changes (prior_state only), and scalr's four scale sets.
    expect(servers).toBe(88);
    const multi = reports.get('scalr/multicloud-aws-azure-google-vms-wrapped-tfplan-tfrun.json');
    expect(multi?.environments).toEqual([{ name: 'default', providers: ['aws', 'azure', 'gcp'], servers: 16 }]);
    const lat = multi?.findings.find((f) => f.policy === 'OS11-LAT-001');
    expect(lat?.status).toBe('fail');
    // Azure, with its scale sets, now holds the most servers and comes first.
    expect(lat?.message).toMatch(/run under 3 providers: azure \(.*azurerm_linux_virtual_machine_scale_set\.invalid-alvmss.*\); aws \(aws_instance\.invalid_type, .*\); gcp \(.*\)/);
  });

  it('reads the UTF-16 plan exactly as its UTF-8 twin', () => {
    const a = reports.get('checkov/aws-utf16-encoded.json');
    const b = reports.get('checkov/aws-utf8-twin-of-utf16.json');
    expect(a?.summary).toEqual(b?.summary);
  });

  it('models the rules of real plans: the SQL Server database of infracost and its groups', () => {
    const pack = parsePack(builtinPack());
    const load = (rel: string) => loadEnvironments({ topologies: [], plans: [{ path: rel, content: readFileSync(path.join(CORPUS, rel)) }] }, defaultClients([pack])).environments;
    const db = load('infracost/aws-alb-asg-lt-db-sqlserver-tf012.json')[0].servers.find((s) => s.name === 'aws_db_instance.db_sqlserver');
    expect(db).toMatchObject({ roles: ['database'], engine: 'sqlserver', provider: 'aws' });
    const web = load('checkov/aws-55-resources-db-elb-instance-sg.json')[0].servers.find((s) => s.name === 'aws_instance.web_host');
    expect(web?.ingress[0].rules.map((r) => r.origin.label)).toEqual(['aws_security_group.web-node ingress rule tcp/22 from 0.0.0.0/0', 'aws_security_group.web-node ingress rule tcp/80 from 0.0.0.0/0']);
    const azure = load('terraform-compliance/azure-nsg-rules-vm-nic-association.json')[0].servers[0];
    expect(azure.ingress[0].rules.map((r) => `${r.action} ${r.priority}`)).toEqual(['allow 100', 'allow 65000', 'allow 65001', 'deny 65500']);
  });
});
