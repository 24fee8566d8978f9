package seqpool.node.admin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.framework.BundleContext;

import com.sun.net.httpserver.HttpExchange;

import seqpool.node.runtime.ModuleInfo;
import seqpool.node.runtime.ModuleInventory;
import seqpool.node.swap.ModuleSwapper;
import seqpool.node.swap.SwapReport;

/** Request handlers of the admin API; replies are JSON. Thread-safe (the swapper serialises swaps). */
final class AdminHandlers {
    private static final System.Logger LOG = System.getLogger(AdminHandlers.class.getName());

    private final BundleContext context;
    private final ModuleSwapper swapper;
    private final byte[] token;
    private final PeerReport peers;
    private final PoolReport pool;
    private final java.util.function.Supplier<seqpool.api.consensus.ConsensusEngine> consensus;

    AdminHandlers(BundleContext context, ModuleSwapper swapper, String token, PeerReport peers, PoolReport pool,
            java.util.function.Supplier<seqpool.api.consensus.ConsensusEngine> consensus) {
        this.context = context;
        this.peers = peers;
        this.pool = pool;
        this.consensus = consensus;
        this.swapper = swapper;
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code GET /peers}: this node's signer address and the peers its p2p transport is connected to now. */
    void peers(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                reply(ex, 405, Map.of("error", "use GET"));
                return;
            }
            reply(ex, 200, peers.snapshot());
        }
    }

    /** {@code GET /status}: the pool as this node's modules see it (absent modules are left out). */
    void status(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                reply(ex, 405, Map.of("error", "use GET"));
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("p2p", peers.snapshot());
            body.putAll(pool.snapshot());
            reply(ex, 200, body);
        }
    }

    /**
     * {@code POST /evidence} with the hex encoding of two conflicting signed votes (as CometBFT's broadcast_evidence):
     * the engine checks both signatures against the validator set of that height before it keeps and gossips it.
     */
    void evidence(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"POST".equals(ex.getRequestMethod())) {
                reply(ex, 405, Map.of("error", "use POST"));
                return;
            }
            if (!authorized(ex)) {
                reply(ex, 401, Map.of("error", "admin token required (Authorization: Bearer <contents of admin.tokenFile>)"));
                return;
            }
            var engine = consensus.get();
            if (engine == null) {
                reply(ex, 503, Map.of("error", "no consensus engine running"));
                return;
            }
            byte[] body = Replies.body(ex);
            if (body == null) {
                return;
            }
            seqpool.api.consensus.DuplicateVoteEvidence ev;
            try {
                ev = EvidenceText.parse(new String(body, StandardCharsets.US_ASCII).strip());
            } catch (IllegalArgumentException e) {
                reply(ex, 400, Map.of("error", "not evidence: " + e.getMessage()));
                return;
            }
            var r = engine.submitEvidence(ev);
            LOG.log(Level.WARNING, "operator submitted evidence against {0}: {1}", ev.offender(), r);
            reply(ex, r == seqpool.api.consensus.SubmitResult.REJECTED ? 400 : 200, Map.of("result", r.name(),
                    "offender", ev.offender().toHex()));
        }
    }

    void modules(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            if (path.equals("/modules") && "GET".equals(ex.getRequestMethod())) {
                reply(ex, 200, Map.of("modules", ModuleInventory.list(context).stream().map(ModuleInfo::toMap).toList()));
            } else if (path.equals("/modules/update") && "POST".equals(ex.getRequestMethod())) {
                update(ex);
            } else {
                reply(ex, 404, Map.of("error", "no such endpoint: " + ex.getRequestMethod() + " " + path));
            }
        }
    }

    private void update(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            reply(ex, 401, Map.of("error", "admin token required (Authorization: Bearer <contents of admin.tokenFile>)"));
            return;
        }
        Map<String, String> q = query(ex.getRequestURI().getRawQuery());
        String name = q.get("name");
        String file = q.get("file");
        if (name == null || name.isBlank() || file == null || file.isBlank()) {
            reply(ex, 400, Map.of("error", "parameters name and file are required"));
            return;
        }
        LOG.log(Level.WARNING, "operator hot swap (off-protocol) of {0} from {1}", name, file);
        SwapReport report = swapper.swap(name, Path.of(file));
        int status = switch (report.outcome()) {
            case SWAPPED -> 200;
            case ROLLED_BACK -> 409;
            case REJECTED -> 400;
            case FAILED -> 500;
        };
        reply(ex, status, ModuleSwapper.describe(report));
    }

    private boolean authorized(HttpExchange ex) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || !h.startsWith("Bearer ")) {
            return false;
        }
        return MessageDigest.isEqual(token, h.substring(7).trim().getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, String> query(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(part.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void reply(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        Replies.json(ex, status, body);
    }
}
