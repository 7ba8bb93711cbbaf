"""ML2 mechanism driver for an API-only cloud: binds any port, plugs nothing."""
from neutron_lib.api.definitions import portbindings
from neutron_lib.plugins.ml2 import api


class NoopMechanismDriver(api.MechanismDriver):
    def initialize(self):
        pass

    def bind_port(self, context):
        for segment in context.segments_to_bind:
            context.set_binding(segment[api.ID], portbindings.VIF_TYPE_OVS,
                                {portbindings.CAP_PORT_FILTER: True,
                                 portbindings.OVS_HYBRID_PLUG: False},
                                status='ACTIVE')
            return
