import * as v from 'valibot';

const link = v.looseObject({ href: v.string(), rel: v.optional(v.string()) });
const links = v.optional(v.array(link));
const time = v.optional(v.nullable(v.string()));

/** One output of a stack: its key, value (once the stack is complete) and description. */
export const StackOutput = v.looseObject({
  output_key: v.string(),
  output_value: v.optional(v.unknown()),
  description: v.optional(v.nullable(v.string())),
  /** Why the value could not be resolved, when it could not. */
  output_error: v.optional(v.string()),
});
export type StackOutput = v.InferOutput<typeof StackOutput>;

/**
 * A Heat stack. `stack_status` joins the action and its state (`CREATE_COMPLETE`,
 * `UPDATE_IN_PROGRESS`, `DELETE_FAILED`...); `stack_status_reason` says why. `outputs` and
 * `parameters` come with a stack that is got, not with one that is listed.
 */
export const Stack = v.looseObject({
  id: v.string(),
  stack_name: v.string(),
  stack_status: v.string(),
  stack_status_reason: v.optional(v.nullable(v.string())),
  description: v.optional(v.nullable(v.string())),
  template_description: v.optional(v.nullable(v.string())),
  creation_time: time,
  updated_time: time,
  deletion_time: time,
  stack_owner: v.optional(v.nullable(v.string())),
  stack_user_project_id: v.optional(v.nullable(v.string())),
  /** The parent stack's id, for a nested stack. */
  parent: v.optional(v.nullable(v.string())),
  tags: v.optional(v.nullable(v.array(v.string()))),
  disable_rollback: v.optional(v.boolean()),
  timeout_mins: v.optional(v.nullable(v.number())),
  capabilities: v.optional(v.array(v.unknown())),
  notification_topics: v.optional(v.array(v.unknown())),
  /** Every parameter's value as a string, `OS::stack_id`, `OS::stack_name` and `OS::project_id` included. */
  parameters: v.optional(v.record(v.string(), v.unknown())),
  outputs: v.optional(v.array(StackOutput)),
  links,
});
export type Stack = v.InferOutput<typeof Stack>;

/** What `POST /stacks` answers: the new stack's id and its link. */
export const StackCreated = v.looseObject({ id: v.string(), links });

/** A template: a HOT or CFN document as an object, or its YAML or JSON text (Heat parses it). */
const Template = v.union([v.string(), v.record(v.string(), v.unknown())], 'must be a template object or its YAML or JSON text');
/** An environment (`parameters`, `parameter_defaults`, `resource_registry`...) as an object, or its YAML or JSON text. */
const Environment = v.union([v.string(), v.record(v.string(), v.unknown())], 'must be an environment object or its YAML or JSON text');
const Files = v.record(v.string(), v.string(), 'must map file names to their text');
const Parameters = v.record(v.string(), v.unknown());
const Tags = v.array(v.pipe(v.string(), v.nonEmpty('a tag is required'), v.check((t) => !t.includes(','), 'a tag cannot hold a comma')));
const StackName = v.pipe(
  v.string('a stack name is required'),
  v.regex(/^[a-zA-Z][a-zA-Z0-9_.-]{0,254}$/, 'must start with a letter and hold only letters, digits, `_`, `-` and `.`'),
);

const templateSource = {
  /** The template as an object, or its YAML or JSON text. */
  template: v.optional(Template),
  /** Where Heat fetches the template from (instead of `template`). */
  template_url: v.optional(v.pipe(v.string(), v.url('must be a URL'))),
  /** Files the template reaches with `get_file` or as nested templates, by the name it uses. */
  files: v.optional(Files),
  environment: v.optional(Environment),
  /** Other environments the template's `files` hold, merged in order. */
  environment_files: v.optional(v.array(v.string())),
  parameters: v.optional(Parameters),
};

type TemplateFields = { template?: unknown; template_url?: unknown };
/** Exactly one of `template` and `template_url`. */
const oneTemplate = (a: TemplateFields) => (a.template === undefined) !== (a.template_url === undefined);
const ONE_TEMPLATE = 'give either `template` or `template_url`';
/** At most one of `template` and `template_url`. */
const atMostOneTemplate = (a: TemplateFields) => a.template === undefined || a.template_url === undefined;

const createFields = {
  stack_name: StackName,
  ...templateSource,
  /** Minutes before the create fails. */
  timeout_mins: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Keep what was made when the create fails (Heat's default) instead of rolling it back. */
  disable_rollback: v.optional(v.boolean()),
  tags: v.optional(Tags),
};

/** Attributes of a new stack: its name, and a template as an object, YAML/JSON text or a URL. */
export const StackCreate = v.pipe(v.looseObject(createFields), v.check((a) => oneTemplate(a), ONE_TEMPLATE));
/** The attributes of a new stack: the input of `StackCreate`. */
export type StackAttrs = v.InferInput<typeof StackCreate>;

/** What an adopted stack is made of: its name and the data an abandoned stack left. */
export const StackAdopt = v.looseObject({
  ...createFields,
  /** The data `abandonStack` returned (or its JSON text). */
  adopt_stack_data: v.union([v.string(), v.record(v.string(), v.unknown())], 'must be the data an abandoned stack left'),
});
/** The attributes of an adopted stack: the input of `StackAdopt`. */
export type StackAdoptAttrs = v.InferInput<typeof StackAdopt>;

/**
 * Changes to a stack. With a new `template` (or `template_url`) the stack is replaced (`PUT`):
 * parameters not given go back to their defaults. Without one, or with `existing: true`, the
 * current template and parameters are kept and only what is given changes (`PATCH`).
 */
export const StackUpdate = v.pipe(
  v.looseObject({
    ...templateSource,
    /** Keep the current template, environment and parameters, changing only what is given (`PATCH`). */
    existing: v.optional(v.boolean()),
    /** Parameters that go back to their defaults (with `existing`). */
    clear_parameters: v.optional(v.array(v.string())),
    timeout_mins: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    disable_rollback: v.optional(v.boolean()),
    tags: v.optional(Tags),
    /** Check the real state of every resource against the template first. */
    converge: v.optional(v.boolean()),
  }),
  v.check((a) => atMostOneTemplate(a), 'give either `template` or `template_url`, not both'),
);
/** The changes of a stack update: the input of `StackUpdate`. */
export type StackUpdateAttrs = v.InferInput<typeof StackUpdate>;

/** A template (and what it needs) to validate. */
export const TemplateValidate = v.pipe(
  v.looseObject({
    ...templateSource,
  }),
  v.check((a) => oneTemplate(a), ONE_TEMPLATE),
);
/** What `validateTemplate` takes: the input of `TemplateValidate`. */
export type TemplateValidateAttrs = v.InferInput<typeof TemplateValidate>;

/** What Heat makes of a valid template: its description, parameters (with their types and defaults) and environment. */
export const TemplateValidation = v.looseObject({
  Description: v.optional(v.nullable(v.string())),
  Parameters: v.optional(v.record(v.string(), v.looseObject({ Type: v.optional(v.string()), Description: v.optional(v.string()), Default: v.optional(v.unknown()) }))),
  ParameterGroups: v.optional(v.array(v.unknown())),
  Environment: v.optional(v.record(v.string(), v.unknown())),
});
export type TemplateValidation = v.InferOutput<typeof TemplateValidation>;

/** One resource of a stack. `physical_resource_id` is the id of what it made (the Neutron network...). */
export const StackResource = v.looseObject({
  resource_name: v.string(),
  logical_resource_id: v.optional(v.string()),
  physical_resource_id: v.optional(v.nullable(v.string())),
  resource_type: v.string(),
  resource_status: v.string(),
  resource_status_reason: v.optional(v.nullable(v.string())),
  /** `CREATE`, `UPDATE`... in a preview, where `resource_status` is only the state. */
  resource_action: v.optional(v.string()),
  creation_time: time,
  updated_time: time,
  required_by: v.optional(v.array(v.string())),
  description: v.optional(v.nullable(v.string())),
  /** The resource's attributes (`getStackResource` only). */
  attributes: v.optional(v.record(v.string(), v.unknown())),
  properties: v.optional(v.record(v.string(), v.unknown())),
  /** The nested stack's name, for a nested stack's resource (`nested_depth`). */
  parent_resource: v.optional(v.nullable(v.string())),
  stack_name: v.optional(v.string()),
  links,
});
export type StackResource = v.InferOutput<typeof StackResource>;

/** One event of a stack: a resource (or the stack itself) changed state. */
export const StackEvent = v.looseObject({
  id: v.string(),
  event_time: v.string(),
  resource_name: v.string(),
  logical_resource_id: v.optional(v.string()),
  physical_resource_id: v.optional(v.nullable(v.string())),
  resource_status: v.string(),
  resource_status_reason: v.optional(v.nullable(v.string())),
  resource_type: v.optional(v.string()),
  resource_properties: v.optional(v.unknown()),
  links,
});
export type StackEvent = v.InferOutput<typeof StackEvent>;

/** A stack as it would be made: the stack with every resource it would create (`previewStack`). */
export const StackPreview = v.looseObject({
  stack_name: v.string(),
  description: v.optional(v.nullable(v.string())),
  parameters: v.optional(v.record(v.string(), v.unknown())),
  /** The resources it would make; a nested stack's come as a list of their own. */
  resources: v.array(v.union([StackResource, v.array(v.unknown())])),
});
export type StackPreview = v.InferOutput<typeof StackPreview>;

const changes = v.optional(v.array(v.looseObject({ resource_name: v.string(), resource_type: v.optional(v.string()) })));
/** What an update would do to each resource (`previewStackUpdate`). */
export const StackUpdatePreview = v.looseObject({
  added: changes,
  deleted: changes,
  replaced: changes,
  unchanged: changes,
  updated: changes,
});
export type StackUpdatePreview = v.InferOutput<typeof StackUpdatePreview>;

/** A resource type Heat offers (`OS::Neutron::Net`), with its description when asked for. */
export const ResourceTypeSummary = v.looseObject({
  resource_type: v.string(),
  description: v.optional(v.nullable(v.string())),
});
export type ResourceTypeSummary = v.InferOutput<typeof ResourceTypeSummary>;

/** A resource type's schema: its properties and attributes, and whether it is supported. */
export const ResourceType = v.looseObject({
  resource_type: v.string(),
  properties: v.record(v.string(), v.unknown()),
  attributes: v.record(v.string(), v.unknown()),
  support_status: v.optional(v.looseObject({ status: v.optional(v.string()), message: v.optional(v.nullable(v.string())), version: v.optional(v.nullable(v.string())) })),
  description: v.optional(v.nullable(v.string())),
});
export type ResourceType = v.InferOutput<typeof ResourceType>;

/** A template format Heat reads (`heat_template_version.2018-08-31`, type `hot` or `cfn`). */
export const TemplateVersion = v.looseObject({
  version: v.string(),
  type: v.string(),
  aliases: v.optional(v.array(v.string())),
});
export type TemplateVersion = v.InferOutput<typeof TemplateVersion>;

/** An intrinsic function a template version offers (`get_attr`, `str_replace`...). */
export const TemplateFunction = v.looseObject({
  functions: v.string(),
  description: v.optional(v.nullable(v.string())),
});
export type TemplateFunction = v.InferOutput<typeof TemplateFunction>;

/** The environment a stack was made with (`getStackEnvironment`). */
export const StackEnvironment = v.looseObject({
  parameters: v.optional(v.record(v.string(), v.unknown())),
  parameter_defaults: v.optional(v.record(v.string(), v.unknown())),
  resource_registry: v.optional(v.record(v.string(), v.unknown())),
  event_sinks: v.optional(v.array(v.unknown())),
  encrypted_param_names: v.optional(v.array(v.string())),
});
export type StackEnvironment = v.InferOutput<typeof StackEnvironment>;

/** A snapshot of a stack: the data of every resource at the time, to restore the stack to. */
export const StackSnapshot = v.looseObject({
  id: v.string(),
  name: v.optional(v.nullable(v.string())),
  /** `IN_PROGRESS`, `COMPLETE` or `FAILED`. */
  status: v.string(),
  status_reason: v.optional(v.nullable(v.string())),
  /** The stack's template, environment and each resource's data (null while in progress). */
  data: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  creation_time: time,
});
export type StackSnapshot = v.InferOutput<typeof StackSnapshot>;

/** Attributes of a new stack snapshot. */
export const StackSnapshotCreate = v.looseObject({ name: v.optional(v.string()) });
/** The attributes of a new stack snapshot: the input of `StackSnapshotCreate`. */
export type StackSnapshotAttrs = v.InferInput<typeof StackSnapshotCreate>;

const ConfigIo = v.looseObject({
  name: v.string(),
  type: v.optional(v.string()),
  description: v.optional(v.nullable(v.string())),
  default: v.optional(v.unknown()),
  error_output: v.optional(v.boolean()),
});

/** A software config: a script, a cloud-config or a configuration-tool document servers run through a deployment. */
export const SoftwareConfig = v.looseObject({
  id: v.string(),
  name: v.nullable(v.string()),
  /** The tool that runs it: `script`, `ansible`, `puppet`... (null when not given). */
  group: v.optional(v.nullable(v.string())),
  /** The script or document itself (not in lists). */
  config: v.optional(v.nullable(v.string())),
  inputs: v.optional(v.array(ConfigIo)),
  outputs: v.optional(v.array(ConfigIo)),
  options: v.optional(v.nullable(v.record(v.string(), v.unknown()))),
  creation_time: time,
  project: v.optional(v.string()),
});
export type SoftwareConfig = v.InferOutput<typeof SoftwareConfig>;

/** Attributes of a new software config. */
export const SoftwareConfigCreate = v.looseObject({
  name: v.pipe(v.string('a name is required'), v.nonEmpty('a name is required')),
  config: v.optional(v.string()),
  group: v.optional(v.string()),
  inputs: v.optional(v.array(ConfigIo)),
  outputs: v.optional(v.array(ConfigIo)),
  options: v.optional(v.record(v.string(), v.unknown())),
});
/** The attributes of a new software config: the input of `SoftwareConfigCreate`. */
export type SoftwareConfigAttrs = v.InferInput<typeof SoftwareConfigCreate>;
