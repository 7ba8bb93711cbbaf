#!/usr/bin/python3
"""The baseline of the benchmark (bench/run.ts): one case done with the Python openstacksdk
(Debian's python3-openstacksdk), in a fresh process so that its peak RSS is its own.

    /usr/bin/python3 bench/openstacksdk.py CLOUD CASE ARGS...

    login                           nothing more (the peak RSS of a process that logs in)
    list CONTAINER                  objects listed by object_store.objects()
    put CONTAINER NAME FILE         create_object(filename=FILE): hashes the file (MD5 and
                                    SHA-256), then one PUT, or 1 GiB segments above 1 GiB
    small CONTAINER COUNT           COUNT create_object(data=4 KiB) calls in 8 threads
    download CONTAINER NAME FILE    get_object(outfile=FILE, resp_chunk_size=65536)
    image_upload NAME FILE          create_image(filename=FILE, raw/bare): creates the image,
                                    then PUT /file (no hash: validate_checksum is False by default)
    image_download ID FILE          image.download_image(output=FILE, chunk_size=65536)

Logs in before the clock starts. Prints one JSON line: wall seconds, the client's CPU over the case
(user + system seconds, from resource.getrusage(RUSAGE_SELF) deltas), the process's peak RSS in
MiB, and what the case gives back (count, id).
"""
import json
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import openstack

CHUNK = 64 * 1024


def case_list(conn, container):
    return {'count': sum(1 for _ in conn.object_store.objects(container))}


def case_put(conn, container, name, path):
    conn.create_object(container, name, filename=path)
    return {}


def case_small(conn, container, count):
    data = b'\x07' * 4096
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda i: conn.create_object(container, 'small/%04d' % i, data=data), range(int(count))))
    return {}


def case_download(conn, container, name, path):
    conn.get_object(container, name, outfile=path, resp_chunk_size=CHUNK)
    return {}


def case_image_upload(conn, name, path):
    image = conn.create_image(name, filename=path, disk_format='raw', container_format='bare')
    return {'id': image.id}


def case_image_download(conn, image_id, path):
    conn.image.download_image(image_id, output=path, chunk_size=CHUNK)
    return {}


CASES = {
    'login': lambda conn: {},
    'list': case_list,
    'put': case_put,
    'small': case_small,
    'download': case_download,
    'image_upload': case_image_upload,
    'image_download': case_image_download,
}


def main():
    cloud, case, *args = sys.argv[1:]
    conn = openstack.connect(cloud=cloud)
    # log in and find the endpoints before timing anything
    if case.startswith('image'):
        conn.image.get_endpoint()
    else:
        conn.object_store.get_endpoint()
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    extra = CASES[case](conn, *args)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({'seconds': seconds, 'cpu': cpu, 'rss_mib': after.ru_maxrss / 1024, **extra}))


if __name__ == '__main__':
    main()
