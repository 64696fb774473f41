import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.js';
import type { Environment, LoadBalancer } from '../src/core/model.js';
import { PortSet } from '../src/core/net/ports.js';
import { reachOnPorts } from '../src/core/flow/reach.js';
import { withBalancerPaths } from '../src/core/flow/balancer-paths.js';
import { requiredFlowVerdict } from '../src/core/flow/verdict.js';
import { loadEnvironments } from '../src/core/run-check.js';
import { defaultClients, parsePack } from '../src/core/policy/pack.js';
import { ROOT, builtinPack } from './helpers/pipeline.js';
import { cidrs } from './helpers/plan-builder.js';

/**
 * The balancers of the real plans in ../shared/corpus/plans: which files hold them, and
 * what each models (listeners, target groups, the instances behind them, security groups).
 */

const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'plans');
const present = existsSync(CORPUS);
if (!present) console.log(`NOTICE: ${CORPUS} is absent; the corpus balancer tests are skipped.`);

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const listenerView = (lb: LoadBalancer) => lb.listeners.map((l) => ({ port: l.port, protocol: l.protocol, targets: l.targets, targetPort: l.targetPort, ...(l.targetsUnknown ? { targetsUnknown: l.targetsUnknown } : {}) }));

describe.skipIf(!present)('balancers in the plan corpus', () => {
  const pack = present ? parsePack(builtinPack()) : undefined;
  const environments = new Map<string, Environment[]>();
  if (present) {
    for (const file of walk(CORPUS)) {
      const rel = path.relative(CORPUS, file).split(path.sep).join('/');
      try {
        environments.set(rel, loadEnvironments({ topologies: [], plans: [{ path: rel, content: readFileSync(file) }] }, defaultClients([pack!])).environments);
      } catch (e) {
        if (!(e instanceof InputError)) throw new Error(`${rel}: ${(e as Error).message}`, { cause: e });
      }
    }
  }
  const balancers = (rel: string) => (environments.get(rel) ?? []).flatMap((e) => e.loadBalancers);
  const balancer = (rel: string, name: string) => {
    const lb = balancers(rel).find((b) => b.name === name);
    if (!lb) throw new Error(`${rel}: no balancer ${name}; have ${balancers(rel).map((b) => b.name).join(', ')}`);
    return lb;
  };

  it('finds the balancers of six real plans and nowhere else', () => {
    const found = [...environments.keys()].filter((rel) => balancers(rel).length > 0).map((rel) => [rel, balancers(rel).map((b) => b.name)]);
    expect(found).toEqual([
      ['checkov/aws-55-resources-db-elb-instance-sg.json', ['aws_elb.weblb']],
      ['infracost/aws-alb-asg-lt-db-sqlserver-tf012.json', ['aws_lb.nlb1', 'aws_alb.alb1', 'aws_elb.elb1']],
      ['terraform-compliance/aws-alb-asg-launchconfig-sg-rules.json', ['module.alb.aws_alb.alb']],
      ['terraform-compliance/aws-asg-elb-instance-launchconfig-sg.json', ['aws_elb.example']],
      ['terraform-compliance/aws-elb-classic.json', ['aws_elb.bar']],
      ['terraform-compliance/aws-lb-listener-sg.json', ['aws_lb.nlb-noncompliant']],
    ]);
  });

  describe('the internal ALB in front of an autoscaling group (terraform-compliance issue 249)', () => {
    const rel = 'terraform-compliance/aws-alb-asg-launchconfig-sg-rules.json';
    const lc = 'module.myapp-asg.aws_launch_configuration.lc';

    it('the HTTPS listener forwards 443 through its target group to the launch configuration\'s instances on 4000', () => {
      const alb = balancer(rel, 'module.alb.aws_alb.alb');
      expect(listenerView(alb)).toEqual([{ port: 443, protocol: 'tcp', targets: [lc], targetPort: 4000 }]);
      expect(alb.identities).toEqual(['lb:module.alb.aws_alb.alb', 'sg:module.alb.aws_security_group.alb']);
      expect(alb.ingress.map((l) => l.name)).toEqual(['internal scheme of module.alb.aws_alb.alb', 'address family of module.alb.aws_alb.alb', 'security group module.alb.aws_security_group.alb']);
      expect(alb.ingress[2].rules.map((r) => r.origin.label)).toEqual(['aws_security_group_rule.inbound (ingress tcp/443 from 10.0.0.0/8)']);
      expect(alb.egress[0].rules.map((r) => r.origin.label)).toEqual(['aws_security_group_rule.outbound_internet_access (egress all traffic to 0.0.0.0/0)']);
    });

    it('the instances admit the ALB group on 4000, so the second hop passes; the internet stops at the internal scheme', () => {
      const [env] = environments.get(rel)!;
      const target = env.servers.find((s) => s.name === lc)!;
      const through = (source: ReturnType<typeof cidrs>) => {
        const segments = withBalancerPaths(env, source, target, 'tcp', reachOnPorts(source, target, 'tcp', PortSet.of(443)), 'listener-port');
        return { verdict: requiredFlowVerdict(source, segments), paths: segments.flatMap((s) => s.paths ?? []) };
      };
      const campus = through(cidrs('campus', '10.1.0.0/16'));
      expect(campus.verdict.status).toBe('pass');
      expect(campus.paths.map((p) => [p.front.status, p.back.status])).toEqual([['pass', 'pass']]);
      expect(campus.paths[0].back.allowedBy.map((o) => o.label)).toContain('aws_security_group_rule.asg-ingress (ingress tcp/4000 from module.alb.aws_security_group.alb)');
      const internet = through(cidrs('internet', '8.8.8.0/24'));
      expect(internet.verdict.status).toBe('fail');
      expect(internet.paths[0].front.blocks.map((b) => b.layer.name)).toEqual(['internal scheme of module.alb.aws_alb.alb']);
    });
  });

  it('a classic ELB in front of an autoscaling group: port 80 to the launch configuration on 8080', () => {
    const elb = balancer('terraform-compliance/aws-asg-elb-instance-launchconfig-sg.json', 'aws_elb.example');
    expect(listenerView(elb)).toEqual([{ port: 80, protocol: 'tcp', targets: ['aws_launch_configuration.example'], targetPort: 8080 }]);
    expect(elb.identities).toEqual(['lb:aws_elb.example', 'sg:aws_security_group.elb']);
  });

  it('a classic ELB over an instance: port 80 to aws_instance.web_host on 8000, from its subnet', () => {
    const elb = balancer('checkov/aws-55-resources-db-elb-instance-sg.json', 'aws_elb.weblb');
    expect(listenerView(elb)).toEqual([{ port: 80, protocol: 'tcp', targets: ['aws_instance.web_host'], targetPort: 8000 }]);
    expect(elb.addresses.toCidrs()).toEqual(['172.16.10.0/24']);
    expect(elb.ingress.map((l) => l.name)).toEqual(['address family of aws_elb.weblb', 'security group aws_security_group.web-node']);
  });

  it('an NLB with a security group and fixed-response listeners: no targets, its group lent to what it forwards', () => {
    const nlb = balancer('terraform-compliance/aws-lb-listener-sg.json', 'aws_lb.nlb-noncompliant');
    expect(listenerView(nlb)).toEqual([
      { port: 80, protocol: 'tcp', targets: [], targetPort: 80 },
      { port: 53, protocol: 'tcp', targets: [], targetPort: 53 },
      { port: 1443, protocol: 'udp', targets: [], targetPort: 1443 },
    ]);
    expect(nlb.forwardedIdentities).toEqual(['sg:aws_security_group.sg-loadBalancer-noncompliant']);
    expect(nlb.addresses.toCidrs()).toEqual(['10.0.0.0/23']);
  });

  it('balancers without groups: an ALB and ELB on their VPC default group (unknown), an NLB filtering nothing', () => {
    const rel = 'infracost/aws-alb-asg-lt-db-sqlserver-tf012.json';
    expect(balancer(rel, 'aws_alb.alb1').ingress.map((l) => l.unknown)).toEqual([undefined, expect.stringMatching(/aws_alb\.alb1 names no security group, so AWS attaches the default security group of its VPC/)]);
    expect(balancer(rel, 'aws_lb.nlb1').ingress.map((l) => l.name)).toEqual(['address family of aws_lb.nlb1']);
    expect(listenerView(balancer(rel, 'aws_elb.elb1'))).toEqual([{ port: 80, protocol: 'tcp', targets: [], targetPort: 80 }]);
    expect(listenerView(balancer('terraform-compliance/aws-elb-classic.json', 'aws_elb.bar'))).toEqual([
      { port: 443, protocol: 'tcp', targets: [], targetPort: 8000 },
      { port: 80, protocol: 'tcp', targets: [], targetPort: 8000 },
    ]);
  });
});
