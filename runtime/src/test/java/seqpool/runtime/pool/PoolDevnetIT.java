package seqpool.runtime.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Sign;
import org.web3j.crypto.WalletUtils;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.api.consensus.DuplicateVoteEvidence;
import seqpool.api.consensus.SignedVote;
import seqpool.api.consensus.Vote;
import seqpool.api.consensus.VoteKind;
import seqpool.api.identity.EcdsaSignature;
import seqpool.codec.eip712.ConsensusTypedData;
import seqpool.codec.eip712.Eip712Domain;
import seqpool.codec.evidence.EvidenceBytes;

/**
 * The pool runs itself, end to end, from the executable jar: {@code seqpool devnet --nodes 4 --spare 1} starts anvil,
 * deploys, stakes, and the nodes ingest the stake, run the DKG, get their key on L1 and commit epochs to SequencerSet
 * with pool signatures; the producer is killed with SIGKILL and the pool rotates; a fifth operator locks stake and
 * joins after a reshare (the key on L1 unchanged); an operator unlocks and leaves; an equivocation is slashed on L1.
 * n1's PoS trace is checked against EpochRotation.tla by TLC, and a tampered copy is rejected. Prints
 * {@code FIGURE rotation_ms} and {@code FIGURE epochs_on_l1}.
 */
class PoolDevnetIT {
    private static final Duration LONG = Duration.ofSeconds(150);

    @Test
    void thePoolRunsItselfFromL1Stake() throws Exception {
        // under target/, not a temporary directory: the nodes' logs and traces stay for a look after a failure
        Path dir = Files.createDirectories(Path.of("target", "pool-devnet", Long.toString(System.currentTimeMillis())))
                .toAbsolutePath();
        int base = 20_000 + new java.util.Random().nextInt(11_000);
        try (Devnet net = Devnet.start(dir, "--nodes", "4", "--spare", "1", "--base-port", Integer.toString(base),
                "--epoch-length", "10", "--block-time-ms", "1000", "--producer-timeout-ms", "3000")) {
            net.awaitRunning(Duration.ofSeconds(180));
            try (L1View l1 = new L1View(net.l1(), net.dir.resolve("contracts.yaml"))) {
                Map<String, String> names = names(net);
                stakeDkgKeyAndEpochs(net, l1);
                String killed = killTheProducerAndMeasureRotation(net, names);
                net.restart(killed);
                net.await(killed, "catch up after restart", LONG, s -> height(s) > 0 && epoch(s) >= 1);
                joinAfterReshare(net, l1, names);
                leaveAfterUnlock(net, names);
                slashEquivocation(net, l1, names);
                List<String> trace = PosTraceCheck.posLines(net.dir.resolve("n1/trace.ndjson"));
                Files.write(dir.resolve("pos-trace-n1.ndjson"), trace);
                PosTraceCheck.check(trace, Set.of((String) net.node("n3").get("address")), dir.resolve("tlc"));
            }
        }
    }

    private static void stakeDkgKeyAndEpochs(Devnet net, L1View l1) throws Exception {
        Map<String, Object> s = net.await("n1", "the stake of 4 operators", LONG, st -> members(st).size() == 4);
        for (Map<String, Object> m : members(s)) {
            long power = ((Number) m.get("power")).longValue();
            assertTrue(power >= 30_000 && power <= 33_000, "power = whole tokens of stake: " + m);
        }
        Map<String, Object> key = map(net.await("n1", "the DKG's pool key", LONG, st -> poolKey(st) != null)
                .get("pos"));
        assertEquals(4, ((List<?>) map(key.get("poolKey")).get("committee")).size());
        net.await("n1", "the pool key on L1", LONG, st -> Boolean.TRUE.equals(poolKey(st).get("onL1")));
        assertEquals(1, l1.keyGeneration(), "registered once");
        long deadline = System.currentTimeMillis() + LONG.toMillis();
        while (l1.epochsOnL1() < 3 && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        long epochs = l1.epochsOnL1();
        System.out.println("FIGURE epochs_on_l1 " + epochs);
        assertTrue(epochs >= 3, "3 epochs committed to SequencerSet with pool signatures, got " + epochs + "\n"
                + net.tail(80));
        assertTrue(!l1.producerAt(1).equals("0x0000000000000000000000000000000000000000"));
    }

    /** Kills the producer right after its epoch starts; returns its name. Prints FIGURE rotation_ms. */
    private static String killTheProducerAndMeasureRotation(Devnet net, Map<String, String> names) throws Exception {
        Map<String, Object> s = net.await("n1", "a fresh epoch", LONG, st -> {
            Map<String, Object> a = assignment(st);
            return ((Number) a.get("revision")).intValue() == 0 && l2Head(st) < ((Number) a.get("firstL2Block")).longValue() + 2;
        });
        Map<String, Object> a = assignment(s);
        String producer = names.get((String) a.get("producer"));
        long pid = ((Number) net.node(producer).get("pid")).longValue();
        String watcher = producer.equals("n1") ? "n2" : "n1";
        long headAtKill = l2Head(net.status(watcher).orElseThrow());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
        long killedAt = System.nanoTime();
        Map<String, Object> after = net.await(watcher, "a block by a new producer", Duration.ofSeconds(30), st -> {
            Map<String, Object> now = assignment(st);
            return !names.get((String) now.get("producer")).equals(producer) && l2Head(st) > headAtKill
                    && ((Number) now.get("firstL2Block")).longValue() <= l2Head(st);
        });
        long rotationMs = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.println("FIGURE rotation_ms " + rotationMs);
        assertTrue(rotationMs <= 10_000, "a new producer produces within 10 s of the SIGKILL: " + rotationMs + " ms; "
                + after);
        return producer;
    }

    private static void joinAfterReshare(Devnet net, L1View l1, Map<String, String> names) throws Exception {
        String keyBefore = l1.poolKey();
        String n5 = (String) net.node("n5").get("address");
        net.cli("stake", "lock", "--rpc", net.l1(), "--key", net.dir.resolve("n5/operator.key").toString(),
                "--contracts", net.dir.resolve("contracts.yaml").toString(), "--signer-pubkey",
                Files.readString(net.dir.resolve("n5/signer.pub")).strip(), "--amount", "34000");
        Map<String, Object> s = net.await("n1", "n5 active after a reshare and an epoch boundary", LONG,
                st -> "ACTIVE".equals(member(st, n5).get("status")));
        Map<String, Object> key = poolKey(s);
        assertTrue(((List<?>) key.get("committee")).contains(n5), "n5 holds a share: " + key);
        assertTrue(((Number) key.get("generation")).intValue() >= 2, "a reshare made a new generation: " + key);
        assertEquals(keyBefore, l1.poolKey(), "the pool key on L1 did not change");
        assertEquals(1, l1.keyGeneration());
        net.await("n5", "n5 follows the pool", LONG, st -> epoch(st) >= 1);
    }

    private static void leaveAfterUnlock(Devnet net, Map<String, String> names) throws Exception {
        String n4 = (String) net.node("n4").get("address");
        net.cli("stake", "unlock", "--rpc", net.l1(), "--key", net.dir.resolve("n4/operator.key").toString(),
                "--contracts", net.dir.resolve("contracts.yaml").toString());
        Map<String, Object> s = net.await("n1", "n4 gone after a reshare and an epoch boundary", LONG,
                st -> "EXITED".equals(member(st, n4).get("status")));
        assertTrue(!((List<?>) poolKey(s).get("committee")).contains(n4), "n4 holds no share any more");
    }

    /** n3's key signs two precommits for one height and round; the evidence goes to n1; L1 slashes and jails n3. */
    private static void slashEquivocation(Devnet net, L1View l1, Map<String, String> names) throws Exception {
        String n3 = (String) net.node("n3").get("address");
        long seqId = l1.seqIdOf(n3);
        var before = l1.sequencer(seqId);
        String passphrase = Files.readString(net.dir.resolve("passphrase")).strip();
        Credentials key = WalletUtils.loadCredentials(passphrase, net.dir.resolve("n3/node-key.json").toFile());
        long height = height(net.status("n1").orElseThrow()) - 1;
        Eip712Domain domain = Eip712Domain.seqpool(l1.web3j.ethChainId().send().getChainId().longValueExact(),
                Address.fromHex(l1.c.lockingPool()));
        SignedVote a = vote(key, domain, height, Hash32.fromHex("0x" + "a1".repeat(32)));
        SignedVote b = vote(key, domain, height, Hash32.fromHex("0x" + "b2".repeat(32)));
        String hex = EvidenceBytes.encode(new DuplicateVoteEvidence(a, b)).toHex();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(net.node("n1").get("admin") + "/evidence")).header("Authorization", "Bearer "
                        + net.adminToken("n1")).POST(HttpRequest.BodyPublishers.ofString(hex)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        long deadline = System.currentTimeMillis() + LONG.toMillis();
        while (!l1.sequencer(seqId).jailed && System.currentTimeMillis() < deadline) {
            Thread.sleep(500);
        }
        var after = l1.sequencer(seqId);
        assertTrue(after.jailed, "n3 jailed on L1 for double signing\n" + net.tail(80));
        assertTrue(after.amount.compareTo(before.amount) < 0, "n3 slashed: " + before.amount + " -> " + after.amount);
        net.await("n1", "the pool sees n3 jailed", LONG, st -> "JAILED".equals(member(st, n3).get("status")));
    }

    private static SignedVote vote(Credentials key, Eip712Domain domain, long height, Hash32 blockId) {
        Hash32 digest = ConsensusTypedData.voteDigest(domain, VoteKind.PRECOMMIT.code(), height, 0, blockId);
        Sign.SignatureData sig = Sign.signMessage(digest.value().toArray(), key.getEcKeyPair(), false);
        EcdsaSignature s = new EcdsaSignature(Bytes.wrap(sig.getR()), Bytes.wrap(sig.getS()), sig.getV()[0]);
        return new SignedVote(new Vote(VoteKind.PRECOMMIT, height, 0, blockId, Address.fromHex(key.getAddress())), s);
    }

    private static Map<String, String> names(Devnet net) {
        Map<String, String> m = new java.util.HashMap<>();
        for (Map<String, Object> n : net.nodes()) {
            m.put(((String) n.get("address")).toLowerCase(java.util.Locale.ROOT), (String) n.get("name"));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> members(Map<String, Object> s) {
        return (List<Map<String, Object>>) map(s.get("pos")).get("members");
    }

    static Map<String, Object> member(Map<String, Object> s, String signer) {
        return members(s).stream().filter(m -> signer.equals(m.get("signer"))).findFirst().orElse(Map.of());
    }

    static Map<String, Object> poolKey(Map<String, Object> s) {
        Object k = map(s.get("pos")).get("poolKey");
        return k == null ? null : map(k);
    }

    static Map<String, Object> assignment(Map<String, Object> s) {
        return Objects.requireNonNull(map(map(s.get("pos")).get("assignment")).isEmpty() ? null
                : map(map(s.get("pos")).get("assignment")));
    }

    static long height(Map<String, Object> s) {
        return ((Number) map(s.get("consensus")).get("height")).longValue();
    }

    static long epoch(Map<String, Object> s) {
        return ((Number) map(s.get("pos")).get("epoch")).longValue();
    }

    static long l2Head(Map<String, Object> s) {
        return ((Number) map(s.get("l2")).get("head")).longValue();
    }
}
