"""Trove's fake mode for the local cloud: API and taskmanager in one eventlet process.

  trove_fakemode.py init CONFIG    tables, datastores (mysql 5.7.29, mariadb 10.4) and
                                   their configuration parameters, in one process
  trove_fakemode.py serve CONFIG   the API on bind_host:bind_port (one worker) and the
                                   taskmanager behind the in-memory RPC (fake:/)

Nova, cinder, neutron, swift and the guest agent are trove.tests.fakes (servers go
BUILD -> ACTIVE in memory); glance is the small fake below (remote_glance_client =
trove_fakemode.glance_client). What differs from `trove-fake-mode` and why:
  * trove-manage 18.0.0 calls inspect.getargspec (gone in Python 3.11): init does the
    same work through trove's own functions;
  * trove-fake-mode binds 0.0.0.0 and forks API workers, which the in-memory RPC of the
    parent cannot reach;
  * its taskmanager decrypts the RPC context with an empty key while the API encrypts
    it with taskmanager_rpc_encr_key;
  * the fakes lag behind the 18.0.0 code (keyword arguments they do not take, the
    removed context.tenant, servers reporting HEALTHY instead of ACTIVE), and their
    guest never reports after a resize (see patch_fakes).
"""
import sys


# ---- glance: every image id is an active image -------------------------------------
class _Image(dict):
    __getattr__ = dict.__getitem__


class _Images(object):
    def get(self, image_id, *args, **kwargs):
        return _Image(id=image_id, name='trove-fake-image-' + image_id,
                      status='active', tags=['trove'], min_disk=0, min_ram=0)

    def list(self, *args, **kwargs):
        return iter([self.get('00000000-0000-0000-0000-000000000001')])


class _Glance(object):
    def __init__(self):
        self.images = _Images()


def glance_client(context=None, region_name=None, *args, **kwargs):
    return _Glance()


# ---- fixes of trove.tests.fakes ------------------------------------------------------
def _drop_unknown_kwargs(func):
    """func called with keyword arguments it does not declare: leave them out."""
    import functools
    import inspect
    params = inspect.signature(func).parameters.values()
    if any(p.kind == p.VAR_KEYWORD for p in params):
        return func
    names = {p.name for p in params}
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    varargs = any(p.kind == p.VAR_POSITIONAL for p in params)

    @functools.wraps(func)
    def call(*args, **kwargs):
        if not varargs:
            args = args[:len(positional)]
        return func(*args, **{k: v for k, v in kwargs.items() if k in names})
    return call


def patch_fakes():
    import inspect
    from trove.common import context
    from trove.tests.fakes import guestagent, neutron, nova
    for mod in (nova, guestagent, neutron):
        for cls in list(vars(mod).values()):
            if not inspect.isclass(cls) or cls.__module__ != mod.__name__:
                continue
            for name, func in list(vars(cls).items()):
                if inspect.isfunction(func) and not name.startswith('__'):
                    setattr(cls, name, _drop_unknown_kwargs(func))
    # nova's server status is ACTIVE once the fake server has "booted"
    nova.FakeServer.status = property(
        lambda s: 'ACTIVE' if s._current_status == 'HEALTHY' else s._current_status)
    if not hasattr(context.TroveContext, 'tenant'):
        context.TroveContext.tenant = property(lambda s: s.project_id)
    # A resize pauses the datastore's status and waits for the guest to report again after
    # its server was resized; the fake guest never reports on its own, so it "wakes up" a
    # moment after the pause, as a real guest does on its next heartbeat.
    import eventlet
    from trove.instance.service_status import ServiceStatuses
    from trove.taskmanager import models as tasks
    pause = tasks.BuiltInstanceTasks.set_datastore_status_to_paused

    def pause_then_wake(self):
        pause(self)

        def wake():
            status = tasks.InstanceServiceStatus.find_by(instance_id=self.id)
            if status.status == ServiceStatuses.PAUSED:
                status.status = ServiceStatuses.RUNNING
                status.save()
        eventlet.spawn_after(2, wake)
    tasks.BuiltInstanceTasks.set_datastore_status_to_paused = pause_then_wake


# ---- commands -----------------------------------------------------------------------
DATASTORES = (
    # datastore, version, manager, image id
    ('mysql', '5.7.29', 'mysql', '00000000-0000-0000-0000-000000005729'),
    ('mariadb', '10.4', 'mariadb', '00000000-0000-0000-0000-000000001004'),
)


def init(config):
    import json
    import os
    import trove
    from trove.common import cfg
    from trove.configuration import models as config_models
    from trove.datastore import models
    from trove.db import get_db_api
    cfg.parse_args(['trove-manage', '--config-file', config])
    get_db_api().db_sync(cfg.CONF)
    templates = os.path.join(os.path.dirname(trove.__file__), 'templates')
    for ds, version, manager, image in DATASTORES:
        models.update_datastore(ds, None)
        models.update_datastore_version(ds, version, manager, image, None, '', 1,
                                        version=version)
        models.update_datastore(ds, version)
        # trove-manage db_load_datastore_config_parameters, with the unsigned 64-bit
        # maxima cut to what a sqlite INTEGER holds (2**63 - 1)
        ds_version = models.DatastoreVersion.load(models.Datastore.load(ds), version)
        with open(os.path.join(templates, manager, 'validation-rules.json')) as f:
            rules = json.load(f)['configuration-parameters']
        for p in rules:
            config_models.create_or_update_datastore_configuration_parameter(
                p['name'], ds_version.id, p['restart_required'], p['type'],
                None if p.get('max') is None else min(p['max'], 2 ** 63 - 1),
                p.get('min'))
        print('datastore %s %s ready' % (ds, version), flush=True)


def serve(config):
    import trove.cmd  # noqa: F401  (eventlet monkey patching first)
    sys.argv = ['trove-api', '--config-file', config]
    patch_fakes()
    from trove.cmd.common import initialize
    conf = initialize()
    from trove.common import cfg, wsgi
    from trove.common.rpc import service, version
    cfg.set_api_config_defaults()
    launcher = wsgi.launch('trove', conf.bind_port, conf.find_file(conf.api_paste_config),
                           host=conf.bind_host, workers=1)
    key = conf.taskmanager_rpc_encr_key if conf.enable_secure_rpc_messaging else None
    service.RpcService(key=key, topic=conf.taskmanager_queue, binary='trove-taskmanager',
                       rpc_api_version=version.RPC_API_VERSION,
                       manager='trove.taskmanager.manager.Manager').start()
    launcher.wait()


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('init', 'serve'):
        sys.exit('usage: trove_fakemode.py init|serve CONFIG')
    {'init': init, 'serve': serve}[sys.argv[1]](sys.argv[2])
