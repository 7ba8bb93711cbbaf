/** Everything public that is not a service: shared by the full and the slim entry. */
export { ConnectionCore, AuthHandle, connectionWith, type ConnectionOptions, type ConnectionClass } from './connection.js';
export { defineService, type ServicePlugin, type ServicesOf, type MergeServices } from './plugin.js';
export { defineAuth, type AuthPlugin, type AuthProvider, type AuthContext, type GetAuthOptions } from './base/auth-provider.js';
export { CachedAuth } from './auth/cached-auth.js';
export {
  KeystoneV3Auth,
  AuthReceiptRequiredError,
  normalizeAuthUrl,
  type ScopeOptions,
  type UserOptions,
  type KeystoneCommon,
} from './auth/keystone-v3.js';
export { PasswordAuth, type PasswordAuthOptions } from './auth/password.js';
export { TokenAuth, type TokenAuthOptions } from './auth/token.js';
export { ApplicationCredentialAuth, type ApplicationCredentialAuthOptions } from './auth/application-credential.js';
export { TotpAuth, MultiFactorAuth, type TotpAuthOptions, type MultiFactorAuthOptions, type Passcode } from './auth/totp.js';
export { StaticStateAuth } from './auth/static-state.js';
export { builtinAuthPlugins, type AuthOptions } from './auth/builtin.js';
export { totpCode } from './auth/totp-code.js';
export { findEndpoint, type Interface } from './base/catalog.js';
export type { AuthState, CatalogEntry } from './base/auth-state.js';
export * from './base/errors.js';
export { Session, type ServiceDescriptor, type SessionOptions } from './session/session.js';
export { ServiceClient } from './session/service-client.js';
export { ServiceProxy, type ResourceDef, type Ref, type ListOptions, type OperationOptions, type Resource, type ServiceContext } from './resource/proxy.js';
export {
  declaredProxy,
  defineResource,
  filters,
  type DeclaredResource,
  type Operation,
  type ResourceMethods,
  type MethodsOf,
  type ListFilters,
  type DeleteOptions,
  type FindCallOptions,
} from './resource/declare.js';
export { toQuery, type QueryDialect } from './resource/query.js';
export { paginate, type Paged, type PageSpec } from './resource/paginate.js';
export { waitForStatus, waitForDelete, type WaitOptions } from './resource/wait.js';
export { findResource, type FindOptions } from './resource/find.js';
export { validateInput, parseResponse, idOf } from './base/validate.js';
export { seg, joinUrl, withQuery } from './base/url.js';
export { Redactor, REDACTED } from './base/redact.js';
export type { MicroversionSpec, MicroversionRange } from './session/microversion.js';
export { compareMicroversions } from './session/microversion.js';
export type { RetryOptions } from './session/retry.js';
export type { CallOptions, Query, QueryValue, RequestSpec, OpenStackResponse, LogEvent, LogHook, FetchLike, ResponseType } from './base/types.js';
export { fromCloudConfig, fromEnv, type CloudsFile, type CloudConfig } from './config/index.js';
