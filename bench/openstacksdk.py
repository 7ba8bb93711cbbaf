#!/usr/bin/python3
"""The same work as bench/object-store.ts, done with the Python openstacksdk (Debian's
python3-openstacksdk), as the baseline it is compared with. Called by that script:

    /usr/bin/python3 bench/openstacksdk.py CLOUD LIST_CONTAINER UPLOAD_CONTAINER FILE SMALL_COUNT

Prints one JSON line of seconds (and the peak RSS in MiB). Uses the high-level calls an
openstacksdk user makes: create_object, which hashes the file (MD5 and SHA-256) before a
single PUT, and uploads segments in parallel for a large object.
"""
import json
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import openstack

MiB = 1024 * 1024


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main():
    cloud, list_container, container, path, small = sys.argv[1:6]
    conn = openstack.connect(cloud=cloud)
    conn.object_store.get_endpoint()  # log in before timing anything
    count, list_s = timed(lambda: sum(1 for _ in conn.object_store.objects(list_container)))
    _, single_s = timed(lambda: conn.create_object(container, 'py-single.bin', filename=path))
    _, slo_s = timed(lambda: conn.create_object(container, 'py-slo.bin', filename=path, segment_size=64 * MiB))
    data = b'\x07' * 4096

    def small_uploads():
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda i: conn.create_object(container, 'py-small/%04d' % i, data=data), range(int(small))))

    _, small_s = timed(small_uploads)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({'count': count, 'list': list_s, 'single': single_s, 'slo': slo_s, 'small': small_s, 'rss': rss}))


if __name__ == '__main__':
    main()
