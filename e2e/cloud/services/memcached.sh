# memcached: token cache of keystone and keystonemiddleware, swift's proxy cache
SVC_KIND[memcached]=infra
SVC_PACKAGES[memcached]="memcached"
SVC_PROCS[memcached]="memcached"
PROC_PORT[memcached]=11211

memcached_setup() {
  # -U 0: no UDP listener
  start_bg memcached /usr/bin/memcached -l $HOST -p 11211 -U 0 -m 64 -u root
  wait_port memcached 11211 20
}
