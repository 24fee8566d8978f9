package seqpool.bridge.l1;

import java.net.URI;

/**
 * How an L1 URL appears in logs and status: scheme, host and port only. Hosted RPC URLs often carry an API key in
 * the path, query or user info, which must not reach logs.
 */
public final class RpcUrls {
    private RpcUrls() {
    }

    public static String redact(String url) {
        try {
            URI u = URI.create(url.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return "<invalid L1 URL>";
            }
            String base = u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
            boolean more = (u.getRawPath() != null && !u.getRawPath().isEmpty() && !u.getRawPath().equals("/"))
                    || u.getRawQuery() != null || u.getRawUserInfo() != null;
            return more ? base + "/…" : base;
        } catch (IllegalArgumentException e) {
            return "<invalid L1 URL>";
        }
    }
}
