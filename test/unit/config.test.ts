import { describe, expect, test } from 'vitest';
import { fromCloudConfig, fromEnv, ValidationError } from '../../src/index.js';

describe('clouds.yaml and OS_* variables', () => {
  const clouds = {
    clouds: {
      prod: {
        auth: { auth_url: 'https://k/v3', username: 'u', project_name: 'p', user_domain_name: 'Default', project_domain_name: 'Default' },
        region_name: 'R1',
        interface: 'internal',
        compute_api_version: '2.60',
        image_api_version: '2',
        block_storage_endpoint_override: 'https://bs/v3/%(project_id)s',
        volume_api_version: '3.50',
        api_timeout: 30,
      },
      app: { auth_type: 'v3applicationcredential', auth: { auth_url: 'https://k', application_credential_id: 'id1', application_credential_secret: 's' } },
    },
  };
  const secure = { clouds: { prod: { auth: { password: 'from-secure' } } } };

  test('a cloud entry merged with secure.yaml, with openstacksdk key names', () => {
    expect(fromCloudConfig(clouds, 'prod', secure)).toEqual({
      auth: {
        type: 'password',
        authUrl: 'https://k/v3',
        username: 'u',
        password: 'from-secure',
        projectName: 'p',
        userDomainName: 'Default',
        projectDomainName: 'Default',
      },
      region: 'R1',
      interface: 'internal',
      timeout: 30_000,
      microversions: { compute: '2.60', 'block-storage': '3.50' },
      endpointOverrides: { 'block-storage': 'https://bs/v3/%(project_id)s' },
    });
    expect(fromCloudConfig(clouds, 'app').auth).toEqual({
      type: 'v3applicationcredential',
      authUrl: 'https://k',
      applicationCredentialId: 'id1',
      applicationCredentialSecret: 's',
    });
  });

  test('an unknown cloud names the ones there are', () => {
    expect(() => fromCloudConfig(clouds, 'nope')).toThrow(/no cloud named 'nope' in clouds.yaml \(it has: prod, app\)/);
  });

  test('OS_* variables', () => {
    const o = fromEnv({
      OS_AUTH_URL: 'http://k:5000/v3',
      OS_USERNAME: 'admin',
      OS_PASSWORD: 'pw',
      OS_PROJECT_NAME: 'admin',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_ID: 'default',
      OS_REGION_NAME: 'RegionOne',
      OS_INTERFACE: 'public',
      OS_COMPUTE_API_VERSION: '2.79',
    });
    expect(o.auth).toMatchObject({ type: 'password', username: 'admin', projectDomainId: 'default' });
    expect(o.microversions).toEqual({ compute: '2.79' });
    expect(() => fromEnv({})).toThrow(ValidationError);
  });
});
