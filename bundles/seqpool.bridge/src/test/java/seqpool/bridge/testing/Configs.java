package seqpool.bridge.testing;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.ServerSocket;
import java.util.Map;

import seqpool.bridge.host.BridgeConfig;

/** A {@link BridgeConfig} as ConfigAdmin would give it: the values given, the defaults for the rest. */
public final class Configs {
    private Configs() {
    }

    public static BridgeConfig bridge(Map<String, Object> values) {
        return (BridgeConfig) Proxy.newProxyInstance(BridgeConfig.class.getClassLoader(),
                new Class<?>[] {BridgeConfig.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (values.containsKey(name)) {
                        return values.get(name);
                    }
                    switch (name) {
                        case "annotationType":
                            return BridgeConfig.class;
                        case "toString":
                            return "BridgeConfig" + values;
                        case "hashCode":
                            return values.hashCode();
                        case "equals":
                            return proxy == args[0];
                        default:
                            break;
                    }
                    Object d = method.getDefaultValue();
                    if (d == null) {
                        throw new IllegalArgumentException("no value for " + name);
                    }
                    return d;
                });
    }

    /** A local port nothing listens on (bound, then released). */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
