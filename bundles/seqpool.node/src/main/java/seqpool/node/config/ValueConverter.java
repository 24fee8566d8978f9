package seqpool.node.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Converts one YAML value to its key's type and checks its range; errors name the key. Stateless. */
final class ValueConverter {
    private ValueConverter() {
    }

    static Object convert(ConfigKey key, Object raw) throws ConfigException {
        Object value = switch (key.type()) {
            case STRING, PATH -> text(key, raw);
            case INT -> (int) number(key, raw);
            case LONG -> number(key, raw);
            case BOOL -> bool(key, raw);
            case ENUM -> word(key, raw);
            case STRING_LIST -> list(key, raw);
        };
        checkSpecific(key, value);
        return value;
    }

    private static String text(ConfigKey key, Object raw) throws ConfigException {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new ConfigException(key.path(), "must be a string, got " + describe(raw));
    }

    private static long number(ConfigKey key, Object raw) throws ConfigException {
        long v;
        if (raw instanceof Integer || raw instanceof Long) {
            v = ((Number) raw).longValue();
        } else if (raw instanceof java.math.BigInteger) {
            throw new ConfigException(key.path(), "must be " + key.min() + ".." + key.max() + ", got " + raw);
        } else {
            throw new ConfigException(key.path(), "must be a whole number, got " + describe(raw));
        }
        if (v < key.min() || v > key.max()) {
            throw new ConfigException(key.path(), "must be " + key.min() + ".." + key.max() + ", got " + v);
        }
        return v;
    }

    private static boolean bool(ConfigKey key, Object raw) throws ConfigException {
        if (raw instanceof Boolean b) {
            return b;
        }
        throw new ConfigException(key.path(), "must be true or false, got " + describe(raw));
    }

    private static String word(ConfigKey key, Object raw) throws ConfigException {
        String s = raw instanceof String str ? str.toLowerCase(Locale.ROOT) : null;
        if (s == null || !key.allowed().contains(s)) {
            throw new ConfigException(key.path(), "must be one of " + String.join(", ", key.allowed()) + ", got "
                    + describe(raw));
        }
        return s;
    }

    private static List<String> list(ConfigKey key, Object raw) throws ConfigException {
        if (!(raw instanceof List<?> items)) {
            throw new ConfigException(key.path(), "must be a list, got " + describe(raw));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String s)) {
                throw new ConfigException(key.path() + "[" + i + "]", "must be a string, got " + describe(item));
            }
            out.add(s);
        }
        return List.copyOf(out);
    }

    private static void checkSpecific(ConfigKey key, Object value) throws ConfigException {
        switch (key.path()) {
            case "p2p.peers" -> {
                List<?> peers = (List<?>) value;
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (int i = 0; i < peers.size(); i++) {
                    String address = PeerSpec.check(key.path() + "[" + i + "]", (String) peers.get(i));
                    if (!seen.add(address)) {
                        throw new ConfigException(key.path() + "[" + i + "]", "lists peer " + address + " twice");
                    }
                }
            }
            case "p2p.protocols" -> {
                List<?> protocols = (List<?>) value;
                for (int i = 0; i < protocols.size(); i++) {
                    checkProtocol(key.path() + "[" + i + "]", (String) protocols.get(i));
                }
            }
            case "admin.host" -> checkLoopback(key.path(), (String) value);
            case "l1.rpcUrl" -> checkUrl(key.path(), (String) value, List.of("http", "https", "ws", "wss"));
            case "staking.rpcUrl" -> checkUrl(key.path(), (String) value, List.of("http", "https"));
            case "node.name", "node.dataDir", "p2p.listenHost" -> {
                if (((String) value).isBlank()) {
                    throw new ConfigException(key.path(), "must not be empty");
                }
            }
            default -> {
                // no key-specific rule
            }
        }
    }

    private static void checkProtocol(String path, String protocol) throws ConfigException {
        if (!protocol.matches("[a-z][a-z0-9-]{0,31}/[0-9]{1,5}")) {
            throw new ConfigException(path, "must be channel/version (e.g. consensus/1), got \"" + protocol + "\"");
        }
    }

    private static void checkLoopback(String path, String host) throws ConfigException {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new ConfigException(path, "must be a loopback address (the admin API is local only), got " + host);
            }
        } catch (UnknownHostException e) {
            throw new ConfigException(path, "unknown host " + host);
        }
    }

    private static void checkUrl(String path, String url, List<String> schemes) throws ConfigException {
        try {
            String scheme = URI.create(url).getScheme();
            if (scheme == null || !schemes.contains(scheme.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(path, "must be a URL with scheme " + String.join(", ", schemes) + ", got \""
                        + url + "\"");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(path, "must be a URL, got \"" + url + "\"");
        }
    }

    static String describe(Object raw) {
        if (raw == null) {
            return "nothing (null)";
        }
        if (raw instanceof String s) {
            return "\"" + s + "\"";
        }
        if (raw instanceof java.util.Map) {
            return "a section/map";
        }
        if (raw instanceof List) {
            return "a list";
        }
        return raw.toString();
    }
}
