package seqpool.node.config;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code p2p.peers} entry format, {@code address@host:port}, as the p2p transport reads it: the peer's signer
 * address (0x and 40 hex digits), a host name or IP literal (IPv6 in brackets) and a port 1..65535. Stateless.
 */
public final class PeerSpec {
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.%]{2,45}");

    private PeerSpec() {
    }

    /** Formats an entry for a peer with signer address {@code address} listening at {@code host:port}. */
    public static String format(String address, String host, int port) {
        return address.toLowerCase(Locale.ROOT) + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * Checks one entry and returns its address in lower case.
     *
     * @throws ConfigException naming {@code path} and quoting the entry
     */
    public static String check(String path, String spec) throws ConfigException {
        String s = spec.trim();
        int at = s.indexOf('@');
        int colon = s.lastIndexOf(':');
        if (at <= 0 || colon < at + 2 || colon == s.length() - 1) {
            throw fail(path, spec, "expected address@host:port");
        }
        String address = s.substring(0, at);
        if (!ADDRESS.matcher(address).matches()) {
            throw fail(path, spec, "address must be 0x and 40 hex digits (the peer's signer address)");
        }
        String host = s.substring(at + 1, colon);
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        if (bracketed ? !IPV6.matcher(host.substring(1, host.length() - 1)).matches()
                : !HOST.matcher(host).matches()) {
            throw fail(path, spec, "host must be a host name or IP address (IPv6 in brackets)");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw fail(path, spec, "port must be a number");
        }
        if (port < 1 || port > 65535) {
            throw fail(path, spec, "port must be 1..65535");
        }
        return address.toLowerCase(Locale.ROOT);
    }

    private static ConfigException fail(String path, String spec, String why) {
        return new ConfigException(path, why + ", got \"" + spec + "\"");
    }
}
