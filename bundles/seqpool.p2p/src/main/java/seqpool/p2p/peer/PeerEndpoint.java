package seqpool.p2p.peer;

import seqpool.api.common.Address;

/**
 * A configured peer: the address of its signer key and where it listens. Written {@code address@host:port}, e.g.
 * {@code 0x52908400098527886e0f7030069857d2e4169ee7@10.0.0.7:7400} or {@code 0x…@[::1]:7400}.
 */
public record PeerEndpoint(Address address, String host, int port) {
    public PeerEndpoint {
        if (address == null || host == null || host.isBlank()) {
            throw new IllegalArgumentException("address and host are required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be in 1..65535, got " + port);
        }
    }

    /** Parses {@code address@host:port}; the exception message quotes the entry. */
    public static PeerEndpoint parse(String spec) {
        try {
            String s = spec.trim();
            int at = s.indexOf('@');
            int colon = s.lastIndexOf(':');
            if (at <= 0 || colon < at + 2 || colon == s.length() - 1) {
                throw new IllegalArgumentException("expected address@host:port");
            }
            String host = s.substring(at + 1, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            return new PeerEndpoint(Address.fromHex(s.substring(0, at)), host, Integer.parseInt(s.substring(colon + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid peer '" + spec + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return address + "@" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
