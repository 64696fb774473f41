import { describe, expect, it } from 'vitest';
import type { Finding } from '../src/core/model.js';
import { check } from './helpers/pipeline.js';

/**
 * Load balancers in topology files: a required client flow is met directly or through a
 * balancer (client -> listener, balancer -> target on the target port), and the finding
 * names both hops; a listener can also expose a forbidden port.
 */

interface Farm {
  lb?: string;
  openings: string[];
  endUsers?: string;
}

function farm({ lb, openings, endUsers }: Farm): string {
  return [
    'version: 1',
    'environments:',
    '  - name: prod',
    '    provider: aws',
    '    region: eu-west-1',
    '    clients:',
    `      end-users: ${endUsers ?? '[0.0.0.0/0, "::/0"]'}`,
    '      development-tools: [198.51.100.0/24]',
    '    servers:',
    // Dual-stack, so that IPv6 clients can also reach them directly.
    '      - { name: fe-1, roles: [front-end], addresses: [10.0.2.11, "fd00:2::11"] }',
    '      - { name: fe-2, roles: [front-end], addresses: [10.0.2.12, "fd00:2::12"] }',
    '    load-balancers:',
    ...(lb ?? '      - { name: public-lb, addresses: [10.0.0.5], listeners: [{ port: 80, to: role:front-end }, { port: 443, to: role:front-end }] }').split('\n'),
    '    firewall:',
    ...openings.map((o) => `      ${o}`),
    '',
  ].join('\n');
}

const TO_LB = '- { from: end-users, to: public-lb, ports: [80, 443] }';
const LB_TO_FE = '- { from: public-lb, to: role:front-end, ports: [80, 443] }';

function findings(text: string, policy: string): Finding[] {
  return check(text).findings.filter((f) => f.policy === policy);
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('required flows through a balancer', () => {
  it('both hops open: passes through the balancer and names both openings', () => {
    const text = farm({ openings: [TO_LB, LB_TO_FE] });
    const f = findings(text, 'OS11-NET-002');
    expect(f.map((x) => [x.subject, x.status])).toEqual([['end-users -> fe-1', 'pass'], ['end-users -> fe-2', 'pass']]);
    expect(f[0].message).toBe(
      'end-users (0.0.0.0/0, ::/0) reaches fe-1 on tcp/443 through public-lb: allowed by opening end-users -> public-lb tcp/80, 443 (topology.yml:15); opening public-lb -> role:front-end tcp/80, 443 (topology.yml:16).',
    );
  });

  it('a direct opening for part of the clients is not cited when the balancer carries them all', () => {
    const direct = '- { from: development-tools, to: role:front-end, ports: [443] }';
    const text = farm({ openings: [direct, TO_LB, LB_TO_FE] });
    const [f] = findings(text, 'OS11-NET-002');
    expect(f.status).toBe('pass');
    expect(f.message).toBe(
      'end-users (0.0.0.0/0, ::/0) reaches fe-1 on tcp/443 through public-lb: allowed by opening end-users -> public-lb tcp/80, 443 (topology.yml:16); opening public-lb -> role:front-end tcp/80, 443 (topology.yml:17).',
    );
  });

  it('where the balancer carries only part of the clients, the direct openings that let in the rest are cited too', () => {
    const toLbPart = '- { from: 203.0.113.0/24, to: public-lb, ports: [443] }';
    const rest = '- { from: end-users, to: role:front-end, ports: [443] }';
    const text = farm({ openings: [toLbPart, LB_TO_FE, rest] });
    const [f] = findings(text, 'OS11-NET-002');
    expect(f.status).toBe('pass');
    expect(f.message).toMatch(/allowed by opening 203.0.113.0\/24 -> public-lb tcp\/443 \(topology.yml:15\); opening public-lb -> role:front-end tcp\/80, 443 \(topology.yml:16\); opening end-users -> role:front-end tcp\/443 \(topology.yml:17\)\.$/);
  });

  it('first hop closed: fails at the listener and proposes the opening to the balancer', () => {
    const text = farm({ openings: ['- { from: end-users, to: public-lb, ports: [80] }', LB_TO_FE] });
    const [f] = findings(text, 'OS11-NET-002');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/directly: firewall of prod: no rule allows it; through public-lb \(listener tcp\/443 to fe-1:443\), end-users cannot reach public-lb on tcp\/443/);
    expect(f.message).toMatch(/Fix: add to the firewall of environment "prod": - \{ from: end-users, to: public-lb, protocol: tcp, ports: \[443\] \}\.$/);
    expect(f.location.line).toBe(lineOf(text, 'name: fe-1'));
  });

  it('second hop closed: fails at the balancer and proposes the opening from it', () => {
    const text = farm({ openings: [TO_LB, '- { from: public-lb, to: role:front-end, ports: [80] }'] });
    const [f] = findings(text, 'OS11-NET-002');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/through public-lb \(listener tcp\/443 to fe-1:443\), end-users reaches public-lb but public-lb cannot reach fe-1 on tcp\/443/);
    expect(f.message).toMatch(/Fix: add to the firewall of environment "prod": - \{ from: public-lb, to: role:front-end, protocol: tcp, ports: \[443\] \}\.$/);
    expect(findings(text, 'OS11-NET-001').map((x) => x.status)).toEqual(['pass', 'pass']);
  });

  it('TLS offload: listener 443 forwards to 80 on the targets', () => {
    const lb = '      - { name: public-lb, addresses: [10.0.0.5], listeners: [{ port: 80, to: role:front-end }, { port: 443, to: role:front-end, target-port: 80 }] }';
    const text = farm({ lb, openings: [TO_LB, '- { from: public-lb, to: role:front-end, ports: [80] }'] });
    expect(findings(text, 'OS11-NET-002').map((x) => x.status)).toEqual(['pass', 'pass']);
  });

  it('an opening by the balancer\'s address works like one by its name', () => {
    const text = farm({ openings: [TO_LB, '- { from: 10.0.0.0/28, to: role:front-end, ports: [80, 443] }'] });
    expect(findings(text, 'OS11-NET-002').map((x) => x.status)).toEqual(['pass', 'pass']);
  });

  it('a balancer without addresses behind a CIDR opening: unknown, not pass', () => {
    const lb = '      - { name: public-lb, listeners: [{ port: 443, to: role:front-end }] }';
    const text = farm({ lb, openings: [TO_LB, '- { from: 10.0.0.0/28, to: role:front-end, ports: [443] }'] });
    const f = findings(text, 'OS11-NET-002');
    expect(f.map((x) => x.status)).toEqual(['unknown', 'unknown']);
  });

  it('direct and balanced paths add up: IPv4 through the balancer, IPv6 directly', () => {
    const text = farm({ openings: ['- { from: 0.0.0.0/0, to: public-lb, ports: [443] }', LB_TO_FE, '- { from: "::/0", to: role:front-end, ports: [443] }'] });
    expect(findings(text, 'OS11-NET-002').map((x) => x.status)).toEqual(['pass', 'pass']);
  });

  it('a listener for one target does not serve the other', () => {
    const lb = '      - { name: public-lb, addresses: [10.0.0.5], listeners: [{ port: 443, to: fe-1 }] }';
    const text = farm({ lb, openings: ['- { from: end-users, to: public-lb, ports: [443] }', LB_TO_FE] });
    expect(findings(text, 'OS11-NET-002').map((x) => [x.subject, x.status])).toEqual([['end-users -> fe-1', 'pass'], ['end-users -> fe-2', 'fail']]);
  });

  it('a balancer that keeps client addresses needs the targets to accept the clients', () => {
    const lb = '      - { name: nlb, preserve-client-address: true, listeners: [{ port: 443, to: role:front-end }] }';
    const open = farm({ lb, openings: ['- { from: end-users, to: nlb, ports: [443] }', '- { from: end-users, to: role:front-end, ports: [443] }'] });
    expect(findings(open, 'OS11-NET-002').map((x) => x.status)).toEqual(['pass', 'pass']);
    const fromBalancer = farm({ lb, openings: ['- { from: end-users, to: nlb, ports: [443] }', '- { from: nlb, to: role:front-end, ports: [443] }'] });
    const [f] = findings(fromBalancer, 'OS11-NET-002');
    expect(f.status).toBe('fail');
    expect(f.message).toMatch(/end-users reaches nlb but end-users's traffic cannot reach fe-1 on tcp\/443.*Fix: add to the firewall of environment "prod": - \{ from: end-users, to: role:front-end/);
  });

  it('a listener naming an unknown server is an error at its line', () => {
    const lb = '      - { name: public-lb, listeners: [{ port: 443, to: fe-9 }] }';
    expect(() => check(farm({ lb, openings: ['- { from: end-users, to: public-lb, ports: [443] }'] }))).toThrow(/topology.yml:13:\d+: environment "prod": unknown name "fe-9"/);
  });
});

describe('forbidden flows through a balancer', () => {
  it('a listener exposing a platform port to the internet fails SEC-001 on the target', () => {
    const lb = '      - { name: public-lb, addresses: [10.0.0.5], listeners: [{ port: 443, to: role:front-end }, { port: 8443, to: fe-1, target-port: 12001 }] }';
    const text = farm({ lb, openings: ['- { from: end-users, to: public-lb, ports: [443, 8443] }', '- { from: public-lb, to: role:front-end, ports: [443, 12001] }'] });
    const f = findings(text, 'OS11-SEC-001');
    expect(f.map((x) => [x.subject, x.status])).toEqual([['internet -> fe-1', 'fail'], ['internet -> fe-2', 'pass']]);
    expect(f[0].message).toMatch(/^fe-1 accepts tcp\/12001 from internet \(through public-lb\): allowed by opening end-users -> public-lb/);
  });
});
