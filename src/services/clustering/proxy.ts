import * as v from 'valibot';
import { ResponseError, ValidationError } from '../../base/errors.js';
import type { CallOptions, OpenStackResponse, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { declaredProxy, type DeleteOptions } from '../../resource/declare.js';
import type { ListOptions, Ref } from '../../resource/proxy.js';
import type { Paged } from '../../resource/paginate.js';
import { toQuery } from '../../resource/query.js';
import type { WaitOptions } from '../../resource/wait.js';
import * as r from './resources.js';
import * as s from './schemas.js';

/** Options of `deleteCluster`/`deleteNode`: `force` takes the resource's lock from any action holding it (microversion 1.8). */
export type ForceDeleteOptions = DeleteOptions & { force?: boolean };

/** An action given by id, as the answer of a change (`{ action_id }`), or as the action itself. */
export type ActionLike = string | s.ActionRef | { id: string };

/** Statuses a cluster settles in when an operation did not end with every node active. */
const CLUSTER_FAILURES = ['ERROR', 'CRITICAL', 'WARNING'] as const;
const NODE_FAILURES = ['ERROR', 'WARNING'] as const;
const ACTION_FAILURES = ['FAILED', 'CANCELLED'] as const;

const nodeCount = v.pipe(v.number(), v.integer(), v.minValue(1));
const refList = v.pipe(v.array(v.union([v.pipe(v.string(), v.nonEmpty()), v.looseObject({ id: v.pipe(v.string(), v.nonEmpty()) })])), v.minLength(1));

/**
 * `conn.clustering`: Senlin v1, clusters of nodes made from profiles, with policies, receivers,
 * events and actions. Profiles, policies, receivers, events and the listing of everything are
 * declared in `resources.ts`; here are the changes Senlin carries out in the background (each
 * resolves to something with the `action_id` of the action doing it, for `waitForAction`), the
 * cluster and node waits, and the cluster operations.
 */
export class ClusteringProxy extends declaredProxy(r) {
  // ---- clusters ----

  /** Creates a cluster of `desired_capacity` nodes of a profile; resolves to the cluster (status `INIT`) and the creating action's id. */
  async createCluster(attrs: s.ClusterAttrs, opts: CallOptions = {}): Promise<s.Cluster & s.ActionRef> {
    const body = validateInput(s.ClusterCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/clusters', body: { cluster: body } });
    return { ...this.one(r.clusters, res.data), action_id: actionIdOf(res) };
  }

  /** Changes a cluster's name, metadata, timeout, config or profile; resolves to the cluster and the updating action's id. */
  async updateCluster(cluster: Ref, attrs: s.ClusterUpdateAttrs, opts: CallOptions = {}): Promise<s.Cluster & s.ActionRef> {
    const body = validateInput(s.ClusterUpdate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'PATCH', path: clusterPath(cluster), body: { cluster: body } });
    return { ...this.one(r.clusters, res.data), action_id: actionIdOf(res) };
  }

  /**
   * Deletes a cluster and its nodes; resolves to the deleting action's id (undefined when it was
   * missing and `ignoreMissing`). `force` deletes it even while another action holds it (one stuck
   * waiting for a node that never comes up).
   */
  async deleteCluster(cluster: Ref, opts: ForceDeleteOptions = {}): Promise<s.ActionRef | undefined> {
    return this.#delete(clusterPath(cluster), opts);
  }

  /** Polls until the cluster has the status (`ACTIVE` unless told); `ERROR`, `CRITICAL` and `WARNING` end the wait with the cluster's `status_reason` in the error. */
  async waitForCluster(cluster: Ref, opts: WaitOptions<s.Cluster> = {}): Promise<s.Cluster> {
    return this._waitFor(r.clusters, idOf(cluster, 'cluster'), { status: 'ACTIVE', failures: CLUSTER_FAILURES, reason: 'status_reason', ...opts });
  }

  /** Polls until the cluster is gone; `ERROR` ends the wait with its `status_reason` in the error. */
  async waitForClusterDelete(cluster: Ref, opts: Omit<WaitOptions<s.Cluster>, 'status'> = {}): Promise<void> {
    return this._waitForDelete(r.clusters, idOf(cluster, 'cluster'), { failures: ['ERROR'], reason: 'status_reason', ...opts });
  }

  /**
   * Resizes a cluster: `{ adjustment_type: 'EXACT_CAPACITY', number: 3 }`, a change by a number or
   * a percentage, and/or new `min_size`/`max_size`; checked before anything is sent.
   */
  async resizeCluster(cluster: Ref, attrs: s.ClusterResizeAttrs, opts?: CallOptions): Promise<s.ActionRef> {
    const body = validateInput(s.ClusterResize, attrs, 'attrs');
    return this.#clusterAction(cluster, 'resize', body, opts);
  }

  /** Adds `count` nodes (1, or what a scaling policy says, when not given). */
  async scaleOutCluster(cluster: Ref, count?: number, opts?: CallOptions): Promise<s.ActionRef> {
    return this.#clusterAction(cluster, 'scale_out', count === undefined ? {} : { count: validateInput(nodeCount, count, 'count') }, opts);
  }

  /** Removes `count` nodes (1, or what a scaling policy says, when not given); a deletion policy picks which. */
  async scaleInCluster(cluster: Ref, count?: number, opts?: CallOptions): Promise<s.ActionRef> {
    return this.#clusterAction(cluster, 'scale_in', count === undefined ? {} : { count: validateInput(nodeCount, count, 'count') }, opts);
  }

  /** Adds nodes of no cluster (`ACTIVE`, of the cluster's profile type) to the cluster. */
  async addNodesToCluster(cluster: Ref, nodes: readonly Ref[], opts?: CallOptions): Promise<s.ActionRef> {
    const ids = validateInput(refList, nodes, 'nodes').map((n) => idOf(n, 'nodes'));
    return this.#clusterAction(cluster, 'add_nodes', { nodes: ids }, opts);
  }

  /** Takes nodes out of the cluster; they are kept as nodes of no cluster unless `destroy` is true. */
  async removeNodesFromCluster(cluster: Ref, nodes: readonly Ref[], opts: CallOptions & { destroy?: boolean } = {}): Promise<s.ActionRef> {
    const { destroy, ...call } = opts;
    const ids = validateInput(refList, nodes, 'nodes').map((n) => idOf(n, 'nodes'));
    return this.#clusterAction(cluster, 'del_nodes', { nodes: ids, ...(destroy === undefined ? {} : { destroy_after_deletion: destroy }) }, call);
  }

  /** Swaps nodes of the cluster for nodes of no cluster: `{ [oldNodeId]: newNodeId }`. */
  async replaceNodesInCluster(cluster: Ref, replacements: Record<string, string>, opts?: CallOptions): Promise<s.ActionRef> {
    const nodes = validateInput(v.pipe(v.record(v.pipe(v.string(), v.nonEmpty()), v.pipe(v.string(), v.nonEmpty())), v.check((x) => Object.keys(x).length > 0, 'name at least one node to replace')), replacements, 'replacements');
    return this.#clusterAction(cluster, 'replace_nodes', { nodes }, opts);
  }

  /** Attaches a policy to the cluster (enabled unless `enabled: false`). */
  async attachPolicyToCluster(cluster: Ref, policy: Ref, opts: CallOptions & { enabled?: boolean } = {}): Promise<s.ActionRef> {
    const { enabled, ...call } = opts;
    return this.#clusterAction(cluster, 'policy_attach', { policy_id: idOf(policy, 'policy'), ...(enabled === undefined ? {} : { enabled }) }, call);
  }

  /** Detaches a policy from the cluster. */
  async detachPolicyFromCluster(cluster: Ref, policy: Ref, opts?: CallOptions): Promise<s.ActionRef> {
    return this.#clusterAction(cluster, 'policy_detach', { policy_id: idOf(policy, 'policy') }, opts);
  }

  /** Enables or disables a policy attached to the cluster. */
  async updateClusterPolicy(cluster: Ref, policy: Ref, attrs: { enabled: boolean }, opts?: CallOptions): Promise<s.ActionRef> {
    const { enabled } = validateInput(v.strictObject({ enabled: v.boolean() }), attrs, 'attrs');
    return this.#clusterAction(cluster, 'policy_update', { policy_id: idOf(policy, 'policy'), enabled }, opts);
  }

  /** The policies attached to a cluster, with whether each is enabled (filters: `policy_name`, `policy_type`, `enabled`, `sort`). */
  clusterPolicies(cluster: Ref, filters: Query = {}, opts?: ListOptions): Paged<s.ClusterPolicy> {
    return this._list(r.clusterPolicies, toQuery(filters), opts, `${clusterPath(cluster)}/policies`);
  }

  /** One policy as attached to a cluster. */
  async getClusterPolicy(cluster: Ref, policy: Ref, opts?: CallOptions): Promise<s.ClusterPolicy> {
    return this._get(r.clusterPolicies, policy, opts, `${clusterPath(cluster)}/policies/${seg(idOf(policy, 'policy'))}`);
  }

  /** Checks the health of every node (a node whose physical resource is gone goes to `ERROR`). */
  async checkCluster(cluster: Ref, params: Record<string, unknown> = {}, opts?: CallOptions): Promise<s.ActionRef> {
    return this.#clusterAction(cluster, 'check', validateInput(v.record(v.string(), v.unknown()), params, 'params'), opts);
  }

  /** Recovers the cluster's nodes that are not healthy (`RECREATE` unless `operation` says). */
  async recoverCluster(cluster: Ref, params: s.RecoverAttrs = {}, opts?: CallOptions): Promise<s.ActionRef> {
    return this.#clusterAction(cluster, 'recover', validateInput(s.ClusterRecover, params, 'params'), opts);
  }

  // ---- nodes ----

  /** One node by id or name; `details: true` adds what its profile reports of the physical resource. */
  async getNode(node: Ref, opts: CallOptions & { details?: boolean } = {}): Promise<s.Node> {
    const { details, ...call } = opts;
    return this._get(r.nodes, node, { ...call, query: details ? { show_details: true } : undefined }, nodePath(node));
  }

  /** Creates a node (in `cluster_id`, or on its own); resolves to the node (status `INIT`) and the creating action's id. */
  async createNode(attrs: s.NodeAttrs, opts: CallOptions = {}): Promise<s.Node & s.ActionRef> {
    const body = validateInput(s.NodeCreate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/nodes', body: { node: body } });
    return { ...this.one(r.nodes, res.data), action_id: actionIdOf(res) };
  }

  /** Changes a node's name, role, metadata or profile; resolves to the node and the updating action's id. */
  async updateNode(node: Ref, attrs: s.NodeUpdateAttrs, opts: CallOptions = {}): Promise<s.Node & s.ActionRef> {
    const body = validateInput(s.NodeUpdate, attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'PATCH', path: nodePath(node), body: { node: body } });
    return { ...this.one(r.nodes, res.data), action_id: actionIdOf(res) };
  }

  /** Deletes a node (and its physical resource; `force` even while another action holds it); resolves to the deleting action's id (undefined when it was missing and `ignoreMissing`). */
  async deleteNode(node: Ref, opts: ForceDeleteOptions = {}): Promise<s.ActionRef | undefined> {
    return this.#delete(nodePath(node), opts);
  }

  /** Polls until the node has the status (`ACTIVE` unless told); `ERROR` and `WARNING` end the wait with its `status_reason` in the error. */
  async waitForNode(node: Ref, opts: WaitOptions<s.Node> = {}): Promise<s.Node> {
    return this._waitFor(r.nodes, idOf(node, 'node'), { status: 'ACTIVE', failures: NODE_FAILURES, reason: 'status_reason', ...opts });
  }

  /** Polls until the node is gone; `ERROR` ends the wait with its `status_reason` in the error. */
  async waitForNodeDelete(node: Ref, opts: Omit<WaitOptions<s.Node>, 'status'> = {}): Promise<void> {
    return this._waitForDelete(r.nodes, idOf(node, 'node'), { failures: ['ERROR'], reason: 'status_reason', ...opts });
  }

  /** Checks whether the node's physical resource is healthy. */
  async checkNode(node: Ref, params: Record<string, unknown> = {}, opts?: CallOptions): Promise<s.ActionRef> {
    return this.#nodeAction(node, 'check', validateInput(v.record(v.string(), v.unknown()), params, 'params'), opts);
  }

  /** Recovers the node (`RECREATE` unless `operation` says). */
  async recoverNode(node: Ref, params: s.RecoverAttrs = {}, opts?: CallOptions): Promise<s.ActionRef> {
    return this.#nodeAction(node, 'recover', validateInput(s.ClusterRecover, params, 'params'), opts);
  }

  // ---- specs, receivers, actions ----

  /** Checks a profile spec without creating anything; resolves to the profile it would make. */
  async validateProfile(attrs: { spec: s.Spec }, opts: CallOptions = {}): Promise<s.ProfileDraft> {
    const body = validateInput(v.strictObject({ spec: s.Spec }), attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/profiles/validate', body: { profile: body } });
    return parseResponse(s.ProfileDraft, (res.data as { profile?: unknown } | undefined)?.profile, 'profile');
  }

  /** Checks a policy spec without creating anything; resolves to the policy it would make. */
  async validatePolicy(attrs: { spec: s.Spec }, opts: CallOptions = {}): Promise<s.PolicyDraft> {
    const body = validateInput(v.strictObject({ spec: s.Spec }), attrs, 'attrs');
    const res = await this.request({ ...opts, method: 'POST', path: '/policies/validate', body: { policy: body } });
    return parseResponse(s.PolicyDraft, (res.data as { policy?: unknown } | undefined)?.policy, 'policy');
  }

  /**
   * Posts to a webhook receiver's URL (no token needed, as an alarm would), with `params` overriding
   * the receiver's; resolves to the id of the action it started.
   */
  async triggerReceiver(receiver: Ref | s.Receiver, params: Record<string, unknown> = {}, opts: CallOptions = {}): Promise<s.ActionRef> {
    const extra = validateInput(v.record(v.string(), v.unknown()), params, 'params');
    const known = typeof receiver === 'object' && 'channel' in receiver ? (receiver as s.Receiver) : await this.getReceiver(receiver, opts);
    const url = known.channel?.alarm_url;
    if (!url) throw new ValidationError('this receiver has no webhook URL (only webhook receivers can be triggered)', 'receiver');
    const res = await this.request({ ...opts, method: 'POST', path: url, authenticated: false, body: Object.keys(extra).length ? { params: extra } : {} });
    return { action_id: actionIdOf(res) };
  }

  /**
   * Polls the action until it has the status (`SUCCEEDED` unless told); `FAILED` and `CANCELLED`
   * end the wait with the action's `status_reason` in the error. Takes what a change resolved to.
   */
  async waitForAction(action: ActionLike, opts: WaitOptions<s.Action> = {}): Promise<s.Action> {
    const id = typeof action === 'object' && action && 'action_id' in action ? action.action_id : idOf(action as Ref, 'action');
    return this._waitFor(r.actions, idOf(id, 'action'), { status: 'SUCCEEDED', failures: ACTION_FAILURES, reason: 'status_reason', ...opts });
  }

  /** Versions of the Senlin API and engine. */
  async getBuildInfo(opts: CallOptions = {}): Promise<s.BuildInfo> {
    const res = await this.request({ ...opts, path: '/build-info' });
    return parseResponse(s.BuildInfo, (res.data as { build_info?: unknown } | undefined)?.build_info, 'build info');
  }

  async #clusterAction(cluster: Ref, name: string, params: unknown, opts: CallOptions = {}): Promise<s.ActionRef> {
    const res = await this.request({ ...opts, method: 'POST', path: `${clusterPath(cluster)}/actions`, body: { [name]: params } });
    return { action_id: actionIdOf(res) };
  }

  async #nodeAction(node: Ref, name: string, params: unknown, opts: CallOptions = {}): Promise<s.ActionRef> {
    const res = await this.request({ ...opts, method: 'POST', path: `${nodePath(node)}/actions`, body: { [name]: params } });
    return { action_id: actionIdOf(res) };
  }

  async #delete(path: string, opts: ForceDeleteOptions): Promise<s.ActionRef | undefined> {
    const { ignoreMissing = false, force, ...call } = opts;
    const query = force ? { force: true } : undefined;
    const res = await this.request({ ...call, method: 'DELETE', path, query, okStatuses: ignoreMissing ? [404] : undefined, minMicroversion: force ? '1.8' : undefined });
    if (res.status === 404) return undefined;
    return { action_id: actionIdOf(res) };
  }
}

function clusterPath(cluster: Ref): string {
  return `/clusters/${seg(idOf(cluster, 'cluster'))}`;
}
function nodePath(node: Ref): string {
  return `/nodes/${seg(idOf(node, 'node'))}`;
}

/** The id of the action Senlin started: from `Location: .../actions/<id>`, else the body's `action`. */
export function actionIdOf(res: OpenStackResponse<unknown>): string {
  const location = res.headers.get('location');
  const fromHeader = location ? /\/actions\/([^/?#]+)/.exec(location)?.[1] : undefined;
  if (fromHeader) return decodeURIComponent(fromHeader);
  const fromBody = (res.data as { action?: unknown } | null | undefined)?.action;
  if (typeof fromBody === 'string' && fromBody) return fromBody;
  throw new ResponseError(`Senlin accepted the request but named no action (status ${res.status}, no Location header)`);
}

