import type { AddressSet } from './net/cidr.js';
import type { PortSet } from './net/ports.js';

/**
 * The environment model every input is turned into, and every check reads.
 * Topology files and Terraform plans both build these plain objects; the flow
 * engine and the policy checks never look at the inputs themselves.
 */

export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Protocols a rule can name; `all` matches every protocol. Other IP protocols keep their number. */
export type RuleProtocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all' | `proto-${number}`;

/** Protocols a required or forbidden flow can name. */
export type FlowProtocol = 'tcp' | 'udp';

/** Where a rule, server or layer comes from, in the words a reviewer knows it by. */
export interface Origin {
  /** `opening end-users -> role:front-end tcp/80,443` or `aws_security_group.fe ingress[0]`. */
  label: string;
  location: SourceLocation;
}

/**
 * The other side of a rule: the source of an ingress rule, the destination of an
 * egress rule. It matches an address in `addresses`, or a whole endpoint that
 * carries one of `identities` (security-group membership, network tags, roles).
 */
export interface Peer {
  addresses: AddressSet;
  identities: readonly string[];
  /** Set when the peer could not be resolved (unknown until apply): the reason, naming the attribute. */
  unknown?: string;
  /** How the input wrote it: `end-users`, `sg-web`, `10.0.0.0/8`. */
  label: string;
  /**
   * Identities it does not cover although their addresses lie in its own: Azure's Internet
   * tag holds 168.63.129.16, not the health probes the platform sends from it.
   */
  exceptIdentities?: readonly string[];
}

export interface Rule {
  action: 'allow' | 'deny';
  /** Lower is evaluated first (Azure, GCP); rules of equal priority: deny first. Allow-only sets use 0. */
  priority: number;
  protocol: RuleProtocol;
  /** Ports for tcp/udp; ignored for other protocols. */
  ports: PortSet;
  /** Set when the rule's ports are unknown until apply. */
  portsUnknown?: string;
  peer: Peer;
  /**
   * The endpoint side of the rule, where the rule narrows it: the destination of an
   * ingress rule (Azure `destination_address_prefix`), the source of an egress rule.
   * Absent: the rule applies to every endpoint its layer is attached to.
   */
  local?: Peer;
  /**
   * Set when the rule may not apply at all (its group is one of several that a condition
   * picks between, until apply): what it allows is possible, never certain. The reason.
   */
  uncertain?: string;
  origin: Origin;
}

/**
 * One filter a packet must pass: a security-group set, an NSG, the topology firewall.
 * Rules are first-match by priority; what no rule matches gets `defaultAction`.
 * An endpoint with several layers (Azure subnet NSG and NIC NSG) needs all to allow.
 */
export interface FilterLayer {
  /** `security groups sg-fe, sg-common`, `NSG nsg-web (subnet)`, `firewall of production`. */
  name: string;
  rules: readonly Rule[];
  defaultAction: 'allow' | 'deny';
  /** Set when the layer's rules cannot be known (e.g. an unresolved group id): then anything may be allowed. */
  unknown?: string;
  /** Where a fix belongs: the security group or NSG to add a rule to. Absent: the target itself. */
  fixLocation?: SourceLocation;
  /** How a fix is written in this layer. */
  fix?: LayerFix;
  /**
   * A stateless filter (an AWS network ACL): it does not remember connections, so the
   * responses of a connection must get through it as traffic of their own.
   */
  stateless?: boolean;
  /**
   * Applies only to traffic addressed to the endpoint itself (it has no public address):
   * not to what a balancer forwards to it keeping the client's address.
   */
  directOnly?: boolean;
  /**
   * Filters of which one applies to each connection, in place of `rules` (then empty).
   * `one`: exactly one applies, which one is not known (a database in one of the subnets of
   * its group, under different network ACLs): what all let through gets through, what none
   * does is blocked, the rest is unknown. `each`: every one applies to some connections (a
   * balancer with a node in each subnet, a client reaching any): a required flow must get
   * through all of them, a forbidden one gets in through any.
   */
  alternatives?: readonly FilterLayer[];
  alternativesApply?: 'one' | 'each';
}

/** How to word a fix for a layer: a topology opening, or a rule on a cloud resource. */
export type LayerFix =
  | { kind: 'topology'; environment: string }
  | { kind: 'resource'; address: string; rule: string }
  /** A fix that is not a rule to add (give the server a public address): the sentence itself. */
  | { kind: 'advice'; text: string };

export interface Endpoint {
  /** Unique in its environment: the topology name or the Terraform address. */
  name: string;
  /**
   * Where the endpoint's addresses lie. With `addressesExact` every address of the set is
   * the endpoint's; without it the endpoint's address is somewhere in the set (known only
   * after apply, e.g. anywhere in its subnet). Empty and inexact: nothing is known.
   */
  addresses: AddressSet;
  addressesExact: boolean;
  /** Labels rules can select the endpoint by: `server:fe-1`, `role:front-end`, `sg:<address>`, `tag:web`. */
  identities: readonly string[];
  /**
   * Set when the endpoint may carry identities beyond `identities` that are not known until
   * apply (a security group list that is unknown): the reason. A rule naming an identity the
   * endpoint lacks may then still match it, so the verdict is unknown rather than fail or pass.
   */
  identitiesUnknown?: string;
  /** True where the model knows the endpoint has no IPv6 address (nothing reaches it over IPv6 directly). */
  noIpv6?: boolean;
  /** Filters on traffic into the endpoint. Empty: nothing filters it. */
  ingress: readonly FilterLayer[];
  /** Filters on traffic out of it. Empty: the model has no egress rules for it (allowed). */
  egress: readonly FilterLayer[];
  location: SourceLocation;
}

export interface Server extends Endpoint {
  kind: 'server';
  roles: readonly string[];
  /**
   * Set where the server stands for several instances that reach each other (a launch
   * template an autoscaling group keeps two or more of, an instance template of managed
   * instance groups, a scale set): why. Flows between servers of a role then include the
   * pair of the server with itself.
   */
  fleet?: string;
  provider?: string;
  region?: string;
  /** Database engine, for role `database`: `sqlserver` | `oracle` | other. */
  engine?: string;
  /** Database listener port, where declared or known. */
  port?: number;
  /** Where the server's provider is stated (for a mixed-provider finding). */
  providerLocation?: SourceLocation;
  /** Where the server's region is stated (for a mixed-region finding). */
  regionLocation?: SourceLocation;
  /** Where each role comes from, e.g. `role cache-invalidation: held by the controller by default`. */
  roleNotes?: Readonly<Record<string, string>>;
  /** The Terraform resource behind the server, when it comes from a plan. */
  resource?: { address: string; type: string };
  /**
   * Set when the server may hold roles beyond `roles` that are not known until apply (its
   * `topogate-role` tag, or the tags a selector reads): the reason, naming the attribute.
   * Checks then count it as a possible holder of any role, never as certainly not one.
   */
  rolesUnknown?: string;
  /**
   * With `rolesUnknown`, when only some roles can be among those not known: the roles of the
   * topology selectors that may match it (whose tags they read are unknown). Absent: any role
   * (its `topogate-role` tag is unknown).
   */
  possibleRoles?: readonly string[];
  /**
   * Roles in `roles` that the server holds only if something not known until apply turns out
   * one way: the role and why. The controller holds cache-invalidation by default, unless a
   * server whose roles are not known until apply declares it.
   */
  roleDoubts?: Readonly<Record<string, string>>;
  /**
   * Set on the servers of `Environment.possibleServers`: why the server may not belong to the
   * environment (its `topogate-environment` tag, or whether it is a server at all, is not
   * known until apply), naming the attribute.
   */
  membershipUnknown?: string;
  /** The private network (VPC, VNet) the server's address is in, where a plan says. */
  network?: PrivateNetwork;
}

/**
 * A cloud's private network: its addresses route to themselves and to the networks peered
 * with it, nowhere else (peering is not transitive).
 */
export interface PrivateNetwork {
  /** The network's address in the plan (`google_compute_network.a`), or its name outside the plan. */
  key: string;
  /**
   * The networks its private addresses reach: itself and those a peering of the plan joins
   * it to. Undefined when the plan routes it in ways topogate does not read (gateways, VPN,
   * transit) or a peering's ends are not known: then nothing is concluded.
   */
  reaches?: ReadonlySet<string>;
}

export interface Listener {
  port: number;
  protocol: RuleProtocol;
  /** Names of the servers it forwards to. */
  targets: readonly string[];
  /** Set when the targets cannot be known. */
  targetsUnknown?: string;
  targetPort: number;
  /**
   * Overrides the balancer's `preservesClientAddress` for this listener: on AWS client IP
   * preservation is a setting of each NLB target group.
   */
  preservesClientAddress?: boolean;
  /**
   * What the balancer does itself where the listener forwards nowhere: "redirects to
   * HTTPS:443", "answers with a fixed response". Set only when it certainly forwards to no target.
   */
  answers?: string;
  /**
   * The health probe the balancer sends each target (Azure Load Balancer's, from the
   * AzureLoadBalancer service tag): a target whose filters block it is marked down and gets
   * no new connections, so a path through the listener needs it to get through too.
   */
  healthProbe?: HealthProbe;
  /**
   * Layers on the second hop to some of its targets, by target name: an AWS balancer sends
   * nothing to a target in an Availability Zone it is not enabled in.
   */
  targetLayers?: Readonly<Record<string, FilterLayer>>;
  location: SourceLocation;
}

/** A balancer's health probe: where it comes from, and the port it checks on each target. */
export interface HealthProbe {
  /** How messages name it: `azurerm_lb_probe.https (tcp/443)`. */
  name: string;
  /** Who sends it: its name in messages and fixes (`AzureLoadBalancer`), addresses and identities (what rules match). */
  source: { name: string; addresses: AddressSet; identities: readonly string[] };
  protocol: FlowProtocol;
  /** The port it checks: the backend port where the probe or its port is not known. */
  port: number;
  /** Why the port it checks is not known (then whether it gets through is not either). */
  portUnknown?: string;
  location: SourceLocation;
}

/** Traffic the platform must get into a balancer itself for it to run: Application Gateway v2's GatewayManager. */
export interface ControlPlaneAccess {
  /** Who sends it: its name in messages and fixes (`GatewayManager`), addresses (somewhere in them) and identities. */
  source: { name: string; addresses: AddressSet; identities: readonly string[] };
  protocol: FlowProtocol;
  ports: PortSet;
  /** The filters it meets (the NSGs of the gateway's subnet). */
  ingress: readonly FilterLayer[];
  /** What happens without it: `Azure does not run an Application Gateway v2 whose subnet blocks it`. */
  why: string;
}

export interface LoadBalancer extends Endpoint {
  kind: 'load-balancer';
  listeners: readonly Listener[];
  /** What the platform must get in for the balancer to run: every path through it needs it. */
  controlPlane?: ControlPlaneAccess;
  /**
   * True when targets see the client's own address (an AWS NLB without security groups,
   * Azure Load Balancer): the second hop is then the client to the target. False for a
   * proxy (ALB, Application Gateway, a topology balancer), where the balancer's addresses
   * reach the targets.
   */
  preservesClientAddress?: boolean;
  /**
   * Identities the traffic it forwards still carries when it keeps the client's address:
   * an AWS NLB's security groups, which target rules can name to admit what it forwards.
   */
  forwardedIdentities?: readonly string[];
  provider?: string;
  resource?: { address: string; type: string };
}

/** A named source outside the environment: a list of CIDRs. */
export interface Client {
  name: string;
  addresses: AddressSet;
  /** Absent for a client that a pack defaults (nothing in the input declares it). */
  location?: SourceLocation;
  /** Where the default comes from, when defaulted: `default of pack outsystems-11`. */
  defaultedBy?: string;
}

export interface Environment {
  name: string;
  location: SourceLocation;
  provider?: string;
  region?: string;
  clients: ReadonlyMap<string, Client>;
  servers: readonly Server[];
  /**
   * Servers that may belong to the environment, or not (`membershipUnknown` says why): a
   * verdict they could change is unknown, never pass. They are not counted among `servers`.
   */
  possibleServers?: readonly Server[];
  loadBalancers: readonly LoadBalancer[];
}

export type Severity = 'error' | 'warning' | 'notice';
export type FindingStatus = 'fail' | 'unknown' | 'pass' | 'waived';

export interface Finding {
  policy: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
  environment: string;
  subject: string;
  message: string;
  location: SourceLocation;
  source: string;
  /** Why a waived finding is waived, or why a waiver no longer applies. */
  waiver?: { reason: string; expires?: string; location: SourceLocation; expired?: boolean };
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, notice: 1 };

/** The port a database listens on where it declares none, by engine (the built-in pack's two). */
export const DATABASE_DEFAULT_PORTS: Readonly<Record<string, number>> = { sqlserver: 1433, oracle: 1521 };
