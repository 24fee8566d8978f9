package seqpool.node.admin;

import java.lang.reflect.Proxy;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.api.p2p.P2pNetwork;
import seqpool.api.store.KeyValueStore;

/** Stand-ins for the store and the transport: only what the health check and the metrics ask. */
final class FakeServices {
    static final Address SELF = Address.fromHex("0x00000000000000000000000000000000000000aa");

    private FakeServices() {
    }

    static P2pNetwork p2p(int peers) {
        return (P2pNetwork) Proxy.newProxyInstance(P2pNetwork.class.getClassLoader(), new Class<?>[] {P2pNetwork.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "self" -> SELF;
                    case "connectedPeers" -> peers == 0 ? Set.of()
                            : Set.of(Address.fromHex("0x00000000000000000000000000000000000000bb"));
                    case "toString" -> "fake p2p";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static KeyValueStore store() {
        return (KeyValueStore) Proxy.newProxyInstance(KeyValueStore.class.getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("toString")) {
                        return "fake store";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
