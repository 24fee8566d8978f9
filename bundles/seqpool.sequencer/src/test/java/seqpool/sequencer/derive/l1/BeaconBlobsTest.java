package seqpool.sequencer.derive.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.sequencer.derive.L1DataException;

/**
 * The Beacon API paths: {@code /blobs} by beacon root, then by execution block number (anvil), and {@code
 * blob_sidecars} for clients without {@code /blobs}; an endpoint that serves nothing is an error naming what was tried.
 */
class BeaconBlobsTest {
    static final Hash32 ROOT = Hash32.fromHex("0x" + "be".repeat(32));
    static final Hash32 WANTED = Hash32.fromHex("0x01" + "aa".repeat(31));

    HttpServer server;
    final List<String> asked = new CopyOnWriteArrayList<>();

    BeaconBlobs serve(Map<String, String> bodies) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            asked.add(path);
            String body = bodies.get(path);
            byte[] b = (body == null ? "{\"code\":404,\"message\":\"not found\"}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(body == null ? 404 : 200, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        });
        server.start();
        return new BeaconBlobs(new JsonRpcHttp("http://127.0.0.1:" + server.getAddress().getPort(), 1,
                Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aConsensusClientIsAskedByBeaconRoot() throws Exception {
        BeaconBlobs b = serve(Map.of("/eth/v1/beacon/blobs/0x" + ROOT.value().toHex(), "{\"data\":[\"0x0102\"]}"));
        assertEquals(List.of(Bytes.fromHex("0x0102")), b.blobs(7, List.of(WANTED), n -> Optional.of(ROOT)));
        assertEquals(1, asked.size(), asked.toString());
    }

    @Test
    void anvilIsAskedByBlockNumber() throws Exception {
        BeaconBlobs b = serve(Map.of("/eth/v1/beacon/blobs/7", "{\"data\":[\"0x0304\"]}"));
        assertEquals(List.of(Bytes.fromHex("0x0304")), b.blobs(7, List.of(WANTED), n -> Optional.empty()));
    }

    @Test
    void olderClientsServeSidecars() throws Exception {
        BeaconBlobs b = serve(Map.of("/eth/v1/beacon/blob_sidecars/7", "{\"data\":[{\"index\":\"0\",\"blob\":\"0x05\"}]}"));
        assertEquals(List.of(Bytes.fromHex("0x05")), b.blobs(7, List.of(WANTED), n -> Optional.empty()));
    }

    @Test
    void nothingServedIsAnErrorNamingWhatWasTried() throws Exception {
        BeaconBlobs b = serve(Map.of("/eth/v1/beacon/blobs/7", "{\"data\":[]}"));
        L1DataException e = assertThrows(L1DataException.class,
                () -> b.blobs(7, List.of(WANTED), n -> Optional.of(ROOT)));
        assertTrue(e.getMessage().contains("blobs/7: 0 blobs"), e.getMessage());
        assertTrue(e.getMessage().contains("blob_sidecars/7: HTTP 404"), e.getMessage());
    }
}
