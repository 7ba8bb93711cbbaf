/** The request id a service put on its answer, whichever header name it uses. */
export function requestIdOf(headers: Headers): string | undefined {
  return (
    headers.get('x-openstack-request-id') ??
    headers.get('x-compute-request-id') ??
    headers.get('x-trans-id') ??
    headers.get('x-request-id') ??
    undefined
  );
}
