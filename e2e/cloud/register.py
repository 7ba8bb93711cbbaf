#!/usr/bin/python3
"""Idempotent bootstrap of the local cloud, called by up.sh.

  register.py identity    roles, projects, users, service users, catalog,
                          application credential of demo, clouds.yaml, and
                          what a service needs in keystone (IDENTITY: heat's domain)
  register.py resources   flavors, image, networks + router; waits until
                          nova-compute / cinder-volume / swift are usable
  register.py outputs     cloud.json (ids, passwords, services that are up)

Input comes from REG_* environment variables set by up.sh. One python process
per step instead of dozens of `openstack` CLI runs.
"""
import json
import os
import sys
import time

from keystoneauth1 import exceptions as ks_exc
from keystoneauth1 import session as ks_session
from keystoneauth1.identity import v3

E = os.environ
STATE = E['REG_STATE']
HOST = E['REG_HOST']
REGION = E['REG_REGION']
KS_URL = E['REG_KS_URL'] + '/v3'
ADMIN_PW = E['REG_ADMIN_PASSWORD']
DEMO_PW = E['REG_DEMO_PASSWORD']
SERVICE_PW = E['REG_SERVICE_PASSWORD']
APPCRED_SECRET = E['REG_APPCRED_SECRET']
APPCRED_NAME = 'local-demo-appcred'
DOMAIN = 'default'
# (key in cloud.json / clouds.yaml suffix, user name, project name)
PEOPLE = (('demo', 'demo', 'demo'), ('altDemo', 'alt-demo', 'alt-demo'))


def log(*a):
    print(time.strftime('%H:%M:%S'), *a, flush=True)


def session(user, password, project=None, system=False):
    kw = dict(auth_url=KS_URL, username=user, password=password,
              user_domain_id=DOMAIN)
    if system:
        kw['system_scope'] = 'all'
    else:
        kw.update(project_name=project, project_domain_id=DOMAIN)
    return ks_session.Session(auth=v3.Password(**kw), timeout=60)


class Keystone(object):
    """Minimal idempotent keystone v3 client over a keystoneauth session."""

    def __init__(self, sess):
        self.s = sess

    def req(self, method, path, **kw):
        kw.setdefault('endpoint_override', KS_URL)
        return self.s.request(path, method, **kw)

    def find(self, coll, **filters):
        q = '&'.join('%s=%s' % kv for kv in filters.items())
        r = self.req('GET', '/%s?%s' % (coll, q)).json()[coll]
        return r[0] if r else None

    def ensure(self, coll, key, body, **filters):
        obj = self.find(coll, **filters)
        if obj:
            return obj
        log('create', coll, filters)
        return self.req('POST', '/' + coll, json={key: body}).json()[key]

    def grant(self, project_id, user_id, role_id):
        self.req('PUT', '/projects/%s/users/%s/roles/%s'
                 % (project_id, user_id, role_id))


def identity():
    ks = Keystone(session('admin', ADMIN_PW, 'admin'))
    roles = {}
    for r in ('admin', 'member', 'reader', 'service', 'ResellerAdmin',
              'swiftoperator', 'creator'):
        roles[r] = ks.ensure('roles', 'role', {'name': r}, name=r)['id']
    admin_p = ks.find('projects', name='admin', domain_id=DOMAIN)
    admin_u = ks.find('users', name='admin', domain_id=DOMAIN)
    for r in ('admin', 'member', 'reader'):
        ks.grant(admin_p['id'], admin_u['id'], roles[r])
    # system-scoped admin (keystone bootstrap grants it too; make sure)
    ks.req('PUT', '/system/users/%s/roles/%s' % (admin_u['id'], roles['admin']))

    service_p = ks.ensure('projects', 'project',
                          {'name': 'service', 'domain_id': DOMAIN,
                           'description': 'service users'},
                          name='service', domain_id=DOMAIN)
    for uname in E.get('REG_USERS', '').split():
        u = ks.ensure('users', 'user',
                      {'name': uname, 'domain_id': DOMAIN, 'password': SERVICE_PW,
                       'enabled': True}, name=uname, domain_id=DOMAIN)
        ks.grant(service_p['id'], u['id'], roles['admin'])
        ks.grant(service_p['id'], u['id'], roles['service'])

    if not ks.find('regions', id=REGION):
        ks.ensure('regions', 'region', {'id': REGION}, id=REGION)
    for line in E.get('REG_CATALOG', '').splitlines():
        if not line.strip():
            continue
        name, stype, url = line.split(None, 2)
        svc = ks.ensure('services', 'service',
                        {'name': name, 'type': stype, 'enabled': True},
                        type=stype)
        for iface in ('public', 'internal', 'admin'):
            ep = ks.find('endpoints', service_id=svc['id'], interface=iface)
            if ep and ep['url'] != url:
                ks.req('PATCH', '/endpoints/' + ep['id'],
                       json={'endpoint': {'url': url}})
            elif not ep:
                log('create endpoint', stype, iface, url)
                ks.req('POST', '/endpoints', json={'endpoint': {
                    'service_id': svc['id'], 'interface': iface, 'url': url,
                    'region_id': REGION, 'enabled': True}})

    # demo and alt-demo: a user each, in a project of the same name
    for _key, name, project in PEOPLE:
        p = ks.ensure('projects', 'project', {'name': project, 'domain_id': DOMAIN},
                      name=project, domain_id=DOMAIN)
        u = ks.ensure('users', 'user',
                      {'name': name, 'domain_id': DOMAIN, 'password': DEMO_PW,
                       'default_project_id': p['id'], 'enabled': True},
                      name=name, domain_id=DOMAIN)
        for r in ('member', 'reader', 'creator'):
            ks.grant(p['id'], u['id'], roles[r])

    # application credential of demo, created by demo itself
    demo = Keystone(session('demo', DEMO_PW, 'demo'))
    demo_u = ks.find('users', name='demo', domain_id=DOMAIN)
    path = '/users/%s/application_credentials' % demo_u['id']
    acs = demo.req('GET', path + '?name=' + APPCRED_NAME).json()['application_credentials']
    if not acs:
        log('create application credential', APPCRED_NAME)
        demo.req('POST', path, json={'application_credential': {
            'name': APPCRED_NAME, 'secret': APPCRED_SECRET,
            'description': 'application credential of the demo user',
            'unrestricted': False}})
    for name in E.get('REG_SERVICES', '').split():
        fn = IDENTITY.get(name)
        if fn:
            fn(ks, roles)
    write_clouds_yaml(ks)


def heat_identity(ks, roles):
    """Heat's stack domain (users it creates for wait conditions and signals), its admin,
    and the roles heat's policy and its stack users know."""
    for r in ('heat_stack_owner', 'heat_stack_user'):
        roles[r] = ks.ensure('roles', 'role', {'name': r}, name=r)['id']
    dom = ks.ensure('domains', 'domain', {'name': 'heat', 'enabled': True,
                                          'description': 'users and projects heat creates'},
                    name='heat')
    u = ks.ensure('users', 'user', {'name': 'heat_domain_admin', 'domain_id': dom['id'],
                                    'password': SERVICE_PW, 'enabled': True},
                  name='heat_domain_admin', domain_id=dom['id'])
    ks.req('PUT', '/domains/%s/users/%s/roles/%s' % (dom['id'], u['id'], roles['admin']))


def facts(ks):
    """Ids of everything clients need, looked up in keystone."""
    users, projects = {}, {}
    for key, name, project in (('admin', 'admin', 'admin'),) + PEOPLE:
        u = ks.find('users', name=name, domain_id=DOMAIN)
        p = ks.find('projects', name=project, domain_id=DOMAIN)
        users[key] = {'name': name, 'password': ADMIN_PW if key == 'admin' else DEMO_PW,
                      'id': u['id'], 'projectName': project, 'projectId': p['id'],
                      'userDomainName': 'Default', 'projectDomainName': 'Default'}
        projects[key] = {'name': project, 'id': p['id']}
    svc = ks.find('projects', name='service', domain_id=DOMAIN)
    projects['service'] = {'name': 'service', 'id': svc['id']}
    ac = ks.req('GET', '/users/%s/application_credentials?name=%s'
                % (users['demo']['id'], APPCRED_NAME)).json()['application_credentials'][0]
    appcred = {'id': ac['id'], 'name': APPCRED_NAME, 'secret': APPCRED_SECRET,
               'userId': users['demo']['id'], 'projectId': ac['project_id'],
               'unrestricted': ac.get('unrestricted', False)}
    return users, projects, appcred


def write_atomic(name, text):
    path = os.path.join(STATE, name)
    with open(path + '.tmp', 'w') as f:
        f.write(text)
    os.replace(path + '.tmp', path)


def write_clouds_yaml(ks):
    import yaml
    users, _projects, appcred = facts(ks)

    def base(auth, **extra):
        d = {'auth': dict(auth_url=KS_URL, **auth), 'region_name': REGION,
             'interface': 'public', 'identity_api_version': 3}
        d.update(extra)
        return d

    def pw(u):
        return base({'username': u['name'], 'password': u['password'],
                     'project_name': u['projectName'],
                     'user_domain_name': 'Default', 'project_domain_name': 'Default'},
                    auth_type='password')
    clouds = {
        'local-admin': pw(users['admin']),
        'local-demo': pw(users['demo']),
        'local-alt-demo': pw(users['altDemo']),
        'local-appcred': base({'application_credential_id': appcred['id'],
                               'application_credential_secret': APPCRED_SECRET},
                              auth_type='v3applicationcredential'),
        'local-system-admin': base({'username': 'admin', 'password': ADMIN_PW,
                                    'user_domain_name': 'Default',
                                    'system_scope': 'all'},
                                   auth_type='password'),
    }
    write_atomic('clouds.yaml', '# local test cloud; written by e2e/cloud/up.sh\n'
                 + yaml.safe_dump({'clouds': clouds}, default_flow_style=False,
                                  sort_keys=False))
    write_atomic('env', 'export OS_CLIENT_CONFIG_FILE=%s/clouds.yaml\n'
                 'export OS_CLOUD=${OS_CLOUD:-local-demo}\n' % STATE)


def outputs():
    ks = Keystone(session('admin', ADMIN_PW, 'admin'))
    users, projects, appcred = facts(ks)
    endpoints = {}
    for ep in ks.req('GET', '/endpoints?interface=public').json()['endpoints']:
        svc = ks.req('GET', '/services/' + ep['service_id']).json()['service']
        endpoints[svc['type']] = ep['url']
    data = {
        'authUrl': KS_URL,
        'region': REGION,
        'interface': 'public',
        'identityApiVersion': '3',
        'domain': {'id': DOMAIN, 'name': 'Default'},
        'users': users,
        'projects': projects,
        'appCredential': appcred,
        'clouds': {'admin': 'local-admin', 'demo': 'local-demo',
                   'altDemo': 'local-alt-demo', 'appCredential': 'local-appcred',
                   'systemAdmin': 'local-system-admin'},
        'systemAdmin': {'name': 'admin', 'password': ADMIN_PW,
                        'id': users['admin']['id'], 'systemScope': 'all'},
        'services': E.get('REG_SERVICES', '').split(),
        'endpoints': endpoints,
        'corsAllowedOrigins': E.get('REG_CORS_ORIGINS', '*'),
        'stateDir': STATE,
        'cloudsYaml': os.path.join(STATE, 'clouds.yaml'),
        'writtenAt': time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime()),
    }
    write_atomic('cloud.json', json.dumps(data, indent=2) + '\n')


def wait(what, fn, timeout=240, interval=0.5):
    t0 = time.time()
    last = None
    while time.time() - t0 < timeout:
        try:
            r = fn()
            if r:
                log('ready:', what, '(%.1fs)' % (time.time() - t0))
                return r
        except Exception as e:  # noqa: BLE001 - any failure means "not yet"
            last = e
        time.sleep(interval)
    raise SystemExit('timeout waiting for %s (last error: %r)' % (what, last))


def resources():
    services = E.get('REG_SERVICES', '').split()
    os.environ['OS_CLIENT_CONFIG_FILE'] = os.path.join(STATE, 'clouds.yaml')
    import openstack
    conn = openstack.connect(cloud='local-admin', api_timeout=120)
    for name in services:
        fn = RESOURCES.get(name)
        if fn:
            fn(conn)


def swift_resources(conn):
    wait('swift account', lambda: conn.object_store.get_account_metadata() is not None)


def glance_resources(conn):
    if not conn.image.find_image('cirros-fake'):
        log('upload image cirros-fake')
        # 1 MiB of zeros: the fake virt driver never reads it
        conn.image.create_image(
            name='cirros-fake', disk_format='raw', container_format='bare',
            visibility='public', data=b'\0' * (1 << 20),
            properties={'description': 'image for the fake virt driver'})


def nova_resources(conn):
    flavors = {f.name for f in conn.compute.flavors()}
    for fid, name, ram, vcpus, disk in (('42', 'm1.nano', 128, 1, 1),
                                        ('84', 'm1.micro', 192, 1, 1),
                                        ('1', 'm1.tiny', 512, 1, 1),
                                        ('2', 'm1.small', 2048, 1, 20),
                                        ('3', 'm1.medium', 4096, 2, 40)):
        if name not in flavors:
            log('create flavor', name)
            conn.compute.create_flavor(id=fid, name=name, ram=ram, vcpus=vcpus,
                                       disk=disk, is_public=True)
    wait('nova-compute up', lambda: [
        s for s in conn.compute.services()
        if s.binary == 'nova-compute' and s.state == 'up'])
    wait('hypervisor registered', lambda: list(conn.compute.hypervisors()))
    # nova-scheduler maps new compute hosts to cell1 every 2 s; until then a boot
    # fails with "Host ... is not mapped to any cell": read the mapping directly
    import configparser
    import sqlalchemy
    cp = configparser.RawConfigParser(strict=False)
    cp.read(os.path.join(STATE, 'etc/nova/nova.conf'))
    engine = sqlalchemy.create_engine(cp.get('api_database', 'connection'),
                                      poolclass=sqlalchemy.pool.NullPool)

    def host_mapped():
        with engine.connect() as db:
            return db.execute(sqlalchemy.text('select host from host_mappings')).fetchall()
    wait('compute host mapped to cell1', host_mapped)
    wait('placement inventory of the compute host', lambda: [
        rp for rp in conn.placement.resource_providers()
        if conn.placement.get('/resource_providers/%s/inventories' % rp.id,
                              microversion='1.0').json().get('inventories')])


def neutron_resources(conn):
    net = conn.network
    demo = conn.identity.find_project('demo', domain_id=DOMAIN)
    public = net.find_network('public')
    if not public:
        log('create network public (external, flat)')
        public = net.create_network(name='public', is_router_external=True,
                                    provider_network_type='flat',
                                    provider_physical_network='public',
                                    is_default=True, is_shared=False)
    if not net.find_subnet('public-subnet'):
        net.create_subnet(name='public-subnet', network_id=public.id, ip_version=4,
                          cidr='172.24.4.0/24', gateway_ip='172.24.4.1',
                          is_dhcp_enabled=False,
                          allocation_pools=[{'start': '172.24.4.10',
                                             'end': '172.24.4.250'}])
    private = net.find_network('private', project_id=demo.id)
    if not private:
        log('create network private (demo)')
        private = net.create_network(name='private', project_id=demo.id)
    sub = net.find_subnet('private-subnet', project_id=demo.id)
    if not sub:
        sub = net.create_subnet(name='private-subnet', network_id=private.id,
                                project_id=demo.id, ip_version=4,
                                cidr='10.0.0.0/24', gateway_ip='10.0.0.1')
    if not net.find_router('router1', project_id=demo.id):
        log('create router1 (demo): private -> public')
        router = net.create_router(name='router1', project_id=demo.id,
                                   external_gateway_info={'network_id': public.id})
        net.add_interface_to_router(router, subnet_id=sub.id)


def cinder_resources(conn):
    for binary in ('cinder-volume', 'cinder-backup'):
        wait(binary + ' up', lambda: [
            s for s in conn.block_storage.get('/os-services').json()['services']
            if s['binary'] == binary and s['state'] == 'up'])


def heat_resources(conn):
    # the API answers before heat-engine consumes its RPC queue
    wait('heat-engine up', lambda: [
        s for s in conn.orchestration.get('/services').json()['services']
        if s['binary'] == 'heat-engine' and s['status'] == 'up'])


def senlin_resources(conn):
    wait('senlin-engine and senlin-conductor up', lambda: len([
        s for s in conn.clustering.get('/services').json()['services']
        if s['binary'] in ('senlin-engine', 'senlin-conductor') and s['state'] == 'up']) == 2)


IDENTITY = {'heat': heat_identity}

RESOURCES = {'swift': swift_resources, 'glance': glance_resources,
             'nova': nova_resources, 'neutron': neutron_resources,
             'cinder': cinder_resources, 'heat': heat_resources,
             'senlin': senlin_resources}

if __name__ == '__main__':
    try:
        {'identity': identity, 'resources': resources, 'outputs': outputs}[sys.argv[1]]()
    except ks_exc.ClientException as e:
        raise SystemExit('keystone error: %s' % e)
