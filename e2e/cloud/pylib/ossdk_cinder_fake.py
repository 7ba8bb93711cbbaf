"""Cinder's fake volume driver, with data.

Each volume is a sparse file under <state_path>/volumes, exported as a local
device (os-brick's LOCAL connector): cinder-backup's posix driver can read and
restore it, and nova's fake virt driver attaches it like any other volume.
"""
import os
import subprocess

from oslo_config import cfg

from cinder.tests import fake_driver

GiB = 1 << 30


def _path(kind, obj_id):
    return os.path.join(cfg.CONF.state_path, 'volumes', '%s-%s' % (kind, obj_id))


def _sparse(path, size_gb):
    with open(path, 'ab') as f:
        f.truncate(max(os.path.getsize(path), size_gb * GiB))


def _copy(src, dst, size_gb=None):
    if os.path.exists(src):
        subprocess.run(['cp', '--sparse=always', src, dst], check=True)
    else:
        open(dst, 'wb').close()
    if size_gb is not None:
        _sparse(dst, size_gb)


def _unlink(path):
    if os.path.exists(path):
        os.unlink(path)


class FileBackedFakeDriver(fake_driver.FakeLoggingVolumeDriver):

    def do_setup(self, context):
        super().do_setup(context)
        os.makedirs(os.path.join(cfg.CONF.state_path, 'volumes'), exist_ok=True)

    def create_volume(self, volume):
        update = super().create_volume(volume)
        open(_path('volume', volume.id), 'wb').close()
        _sparse(_path('volume', volume.id), volume.size)
        return update

    def delete_volume(self, volume):
        _unlink(_path('volume', volume.id))

    def extend_volume(self, volume, new_size):
        _sparse(_path('volume', volume.id), new_size)

    def create_snapshot(self, snapshot):
        _copy(_path('volume', snapshot.volume_id), _path('snapshot', snapshot.id))

    def delete_snapshot(self, snapshot):
        _unlink(_path('snapshot', snapshot.id))

    def create_cloned_volume(self, volume, src_vref):
        _copy(_path('volume', src_vref.id), _path('volume', volume.id), volume.size)

    def copy_image_to_volume(self, context, volume, image_service, image_id, disable_sparse=False):
        # The image's bytes as they are (no qemu-img conversion: test images are raw).
        path = _path('volume', volume.id)
        with open(path, 'r+b') as f:
            image_service.download(context, image_id, data=f)
        _sparse(path, volume.size)

    def create_volume_from_snapshot(self, volume, snapshot):
        _copy(_path('snapshot', snapshot.id), _path('volume', volume.id), volume.size)

    def initialize_connection(self, volume, connector):
        info = super().initialize_connection(volume, connector)
        path = _path('volume', volume['id'])
        if not os.path.exists(path):
            open(path, 'wb').close()
            _sparse(path, volume['size'])
        return {'driver_volume_type': 'local',
                'data': {'device_path': path,
                         'access_mode': info['data']['access_mode']}}
