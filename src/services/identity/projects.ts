import * as v from 'valibot';
import type { DeleteOptions } from '../../resource/declare.js';
import type { Ref } from '../../resource/proxy.js';
import type { CallOptions, Query } from '../../base/types.js';
import { seg } from '../../base/url.js';
import { idOf, parseResponse, validateInput } from '../../base/validate.js';
import { IdentityBase } from './base.js';
import * as r from './resources.js';
import * as s from './schemas.js';

const TagList = v.looseObject({ tags: v.array(v.string()) });
const projectPath = (project: Ref) => `/projects/${seg(idOf(project, 'project'))}`;
const tagPath = (project: Ref, tag: string) => `${projectPath(project)}/tags/${seg(validateInput(s.ProjectTag, tag, 'tag'))}`;

/** A project with its place in the hierarchy, and project tags. */
export class ProjectsProxy extends IdentityBase {
  /**
   * A project. `parents`/`subtree` add its ancestors/descendants: `'list'` as projects (only those
   * the caller has a role on, Keystone's rule), `'ids'` as nested ids (all of them).
   */
  async getProject(project: Ref, opts: CallOptions & { parents?: 'list' | 'ids'; subtree?: 'list' | 'ids' } = {}) {
    const { parents, subtree, ...call } = opts;
    const query: Query = {};
    if (parents) query[`parents_as_${parents}`] = true;
    if (subtree) query[`subtree_as_${subtree}`] = true;
    return this._get(r.projects, project, { ...call, query });
  }

  /** A project's tags. */
  async projectTags(project: Ref, opts?: CallOptions): Promise<string[]> {
    const res = await this.request({ ...opts, path: `${projectPath(project)}/tags` });
    return parseResponse(TagList, res.data, 'tag list').tags;
  }
  /** Replaces every tag of a project (an empty list removes them all). */
  async replaceProjectTags(project: Ref, tags: string[], opts?: CallOptions): Promise<string[]> {
    const body = validateInput(v.array(s.ProjectTag), tags, 'tags');
    const res = await this.request({ ...opts, method: 'PUT', path: `${projectPath(project)}/tags`, body: { tags: body } });
    return parseResponse(TagList, res.data, 'tag list').tags;
  }
  /** Adds one tag (no change if the project has it already). */
  async addProjectTag(project: Ref, tag: string, opts?: CallOptions): Promise<void> {
    await this.request({ ...opts, method: 'PUT', path: tagPath(project, tag), responseType: 'none' });
  }
  /** True when the project has this tag. */
  async checkProjectTag(project: Ref, tag: string, opts?: CallOptions): Promise<boolean> {
    return this.check(tagPath(project, tag), opts);
  }
  async removeProjectTag(project: Ref, tag: string, opts?: DeleteOptions) {
    return this._delete(r.projects, project, opts, tagPath(project, tag));
  }
}
