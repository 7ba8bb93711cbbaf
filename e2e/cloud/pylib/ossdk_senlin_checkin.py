"""Imported by senlin-engine and senlin-conductor before they start.

Senlin drops some of its sqlite connections without closing them. When the garbage
collector then hands one back to the pool, oslo.db's check-in hook calls time.sleep(0);
inside eventlet's hub that raises ("do not call blocking functions from the mainloop"),
and an exception raised in a finalizer during a green-thread switch leaves greenlet
answering "returned NULL without setting an exception": the green thread running an
action dies, and the action stays WAITING or RUNNING for ever.

The hook only gives other green threads a turn after each query; this small cloud does
not need that, so it becomes a no-op.
"""
import senlin.cmd  # noqa: F401  (eventlet's monkey-patching comes first, as in senlin's own commands)
from oslo_db.sqlalchemy import engines


def _no_yield(dbapi_con, con_record):
    return None


engines._thread_yield = _no_yield
