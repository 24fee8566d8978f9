package seqpool.submitter.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.sequencer.L2Block;
import seqpool.api.submitter.BatchCompression;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.api.submitter.Submission;
import seqpool.api.submitter.SubmissionStatus;
import seqpool.codec.crypto.LocalNodeSigner;
import seqpool.contracts.anvil.AnvilProcess;
import seqpool.contracts.digest.PoolMessageDigest;
import seqpool.contracts.testing.Chain;
import seqpool.contracts.testing.Deployment;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.codec.DefaultBatchCodec;
import seqpool.submitter.testing.TestBlocks;

/**
 * The poster on a real L1 (anvil, Prague): a calldata batch (EIP-1559) and a blob batch (EIP-4844 with its sidecar)
 * signed with the pool key land in BatchInbox; with mining paused a stuck transaction is replaced with higher fees and
 * the batch lands once; a batch whose block is reverted away (evm_revert) is posted again.
 */
class BatchPosterIT {
    private final DefaultBatchCodec codec = new DefaultBatchCodec(new BatchEnvelope(TestBlocks.CHAIN_ID,
            BatchCompression.ZLIB, 9, 9), 9);
    private final List<L2Block> blocks = TestBlocks.chain(1, 8, 3, 21);

    @Test
    void postsCalldataAndBlobBatchesBumpsStuckOnesAndRepostsAfterAReorg() throws Exception {
        Path binary = Path.of(System.getProperty("seqpool.anvil.binary"));
        try (AnvilProcess anvil = AnvilProcess.start(binary, Chain.CHAIN_ID, Path.of("target", "anvil-poster.log"),
                List.of("--hardfork", "prague"));
                Chain chain = new Chain(anvil.rpcUrl())) {
            Deployment d = new Deployment(chain);
            Address inbox = Address.fromHex(d.addresses.batchInbox());
            LocalNodeSigner key = LocalNodeSigner.fromPrivateKey(
                    Numeric.toBytesPadded(d.admin.getEcKeyPair().getPrivateKey(), 32));
            HttpService http = new HttpService(anvil.rpcUrl());
            Web3jL1Port l1 = new Web3jL1Port(http, inbox, key.address());
            BatchPoster poster = new BatchPoster(l1, key, inbox, new PostingPolicy(0, 1_500, 100), i -> false);

            BuiltBatchSig first = signed(d, 1, blocks.subList(0, 2), DataCommitment.Kind.CALLDATA);
            poster.offer(first.batch, first.sig, 0, now());
            await(poster, () -> mined(poster, 1), "calldata batch 1 on L1");
            Submission s1 = poster.submission(1).orElseThrow();
            assertTrue(s1.l1TxHash().isPresent() && s1.l1Block().isPresent(), s1.toString());
            assertEquals("0x2", tx(chain, s1).getType(), "calldata travels in an EIP-1559 transaction");

            BuiltBatchSig second = signed(d, 2, blocks.subList(2, 4), DataCommitment.Kind.BLOB);
            poster.offer(second.batch, second.sig, 0, now());
            await(poster, () -> mined(poster, 2), "blob batch 2 on L1");
            var blobTx = tx(chain, poster.submission(2).orElseThrow());
            assertEquals("0x3", blobTx.getType());
            assertEquals(second.batch.header().data().hashes().get(0).toString(), blobTx.getBlobVersionedHashes().get(0));

            // stuck: no mining; the poster replaces its transaction (same nonce, higher fees), then one version lands
            rpc(http, "evm_setAutomine", false);
            BuiltBatchSig third = signed(d, 3, blocks.subList(4, 6), DataCommitment.Kind.BLOB);
            poster.offer(third.batch, third.sig, 0, now());
            await(poster, () -> poster.submission(3).orElseThrow().status() == SubmissionStatus.REPLACED,
                    "a replacement of the stuck batch 3");
            rpc(http, "evm_mine");
            await(poster, () -> index(l1) == 3, "batch 3 on L1 after mining");
            rpc(http, "evm_setAutomine", true);

            // reorg: the block holding batch 4 is reverted away; the poster sees it and posts again
            String snapshot = rpc(http, "evm_snapshot");
            BuiltBatchSig fourth = signed(d, 4, blocks.subList(6, 8), DataCommitment.Kind.CALLDATA);
            poster.offer(fourth.batch, fourth.sig, 0, now());
            await(poster, () -> poster.submission(4).orElseThrow().l1Block().isPresent(), "batch 4 mined");
            long minedIn = poster.submission(4).orElseThrow().l1Block().orElseThrow();
            rpc(http, "evm_setAutomine", false);
            rpc(http, "evm_revert", snapshot);
            assertEquals(3, index(l1), "batch 4 reverted away");
            await(poster, () -> poster.submission(4).orElseThrow().status() == SubmissionStatus.REORGED,
                    "the reorg seen");
            await(poster, () -> poster.submission(4).orElseThrow().status() == SubmissionStatus.SENT,
                    "batch 4 sent again");
            rpc(http, "evm_mine");
            await(poster, () -> mined(poster, 4), "batch 4 mined again");
            assertEquals(4, index(l1));
            assertTrue(poster.submission(4).orElseThrow().l1Block().orElseThrow() <= minedIn + 1);
        }
    }

    private record BuiltBatchSig(BuiltBatch batch, Bytes sig) {
    }

    private BuiltBatchSig signed(Deployment d, long index, List<L2Block> range, DataCommitment.Kind kind) {
        BuiltBatch b = codec.build(index, range, kind);
        var h = b.header();
        byte[] digest = PoolMessageDigest.appendBatch(Chain.CHAIN_ID, d.addresses.batchInbox(), index,
                h.firstL2Block(), h.lastL2Block(), h.blockHashes().value().toArray(), h.postStateRoot().value().toArray(),
                kind == DataCommitment.Kind.BLOB ? 1 : 0, h.data().hashes().stream().map(x -> x.value().toArray())
                        .toList());
        return new BuiltBatchSig(b, Bytes.wrap(d.poolKey.frost(digest)));
    }

    /** The poster saw its transaction for batch {@code i} mined. */
    private static boolean mined(BatchPoster poster, long i) {
        return poster.submission(i).flatMap(Submission::l1Block).isPresent();
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    private static long index(L1Port l1) {
        try {
            return l1.lastBatchIndex();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void await(BatchPoster poster, BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!done.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no " + what + " within 30 s");
            }
            poster.tick(now());
            Thread.sleep(100);
        }
    }

    private static org.web3j.protocol.core.methods.response.Transaction tx(Chain chain, Submission s) throws Exception {
        return chain.web3j().ethGetTransactionByHash(s.l1TxHash().orElseThrow().toString()).send().getTransaction()
                .orElseThrow();
    }

    /** An anvil method; returns its result as a string (the snapshot id), fails on an error. */
    private static String rpc(HttpService http, String method, Object... params) throws Exception {
        Response<?> r = new Request<>(method, List.of(params), http, RawResponse.class).send();
        if (r.hasError()) {
            throw new AssertionError(method + ": " + r.getError().getMessage());
        }
        return String.valueOf(r.getResult());
    }

    /** Any JSON-RPC answer. */
    public static final class RawResponse extends Response<Object> {
    }
}
