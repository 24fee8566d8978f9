package seqpool.submitter.post;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.submitter.BuiltBatch;
import seqpool.api.submitter.DataCommitment;
import seqpool.api.submitter.SubmissionStatus;
import seqpool.submitter.batch.BatchEnvelope;
import seqpool.submitter.codec.DefaultBatchCodec;
import seqpool.submitter.testing.TestBlocks;

/** The poster's rules on a scripted L1: rank delays, no double pay, fee bumps, reorg re-post, L1 outages. */
class BatchPosterTest {
    static final Address INBOX = Address.fromHex("0x00000000000000000000000000000000000000b1");
    final FakeL1 l1 = new FakeL1();
    final Set<Long> committed = new HashSet<>();
    final PostingPolicy policy = new PostingPolicy(6_000, 12_000, 250);
    final BatchPoster poster = new BatchPoster(l1, TestBlocks.PRODUCER, INBOX, policy, committed::contains);

    static BuiltBatch batch(long index) {
        DefaultBatchCodec codec = new DefaultBatchCodec(new BatchEnvelope(TestBlocks.CHAIN_ID,
                seqpool.api.submitter.BatchCompression.ZLIB, 9, 9), 9);
        return codec.build(index, TestBlocks.chain(1, 3, 2, 7), DataCommitment.Kind.CALLDATA);
    }

    @Test
    void designatedSubmitterPostsAtOnceAndTheJobEndsWhenThePoolCommitsIt() {
        poster.offer(batch(1), Bytes.wrap(new byte[129]), 0, 0);
        poster.tick(0);
        assertEquals(1, l1.pool.size(), "sent at once");
        assertEquals(SubmissionStatus.SENT, poster.submission(1).orElseThrow().status());
        assertTrue(poster.submission(1).orElseThrow().l1TxHash().isPresent());
        l1.mine(1);
        poster.tick(250);
        assertEquals(1, l1.lastBatchIndex);
        assertEquals(l1.head, poster.submission(1).orElseThrow().l1Block().orElseThrow());
        committed.add(1L);
        poster.tick(500);
        assertEquals(SubmissionStatus.CONFIRMED, poster.submission(1).orElseThrow().status());
        assertEquals(1, l1.sentAll.size());
        PosterStats stats = poster.stats();
        assertEquals(1, stats.sent());
        assertEquals(1, stats.confirmedOwn());
        assertEquals(0, stats.confirmedOther());
        assertEquals(50_000, stats.confirmedPaid().gas(), "the receipt's gas");
        assertEquals(131_072, stats.confirmedPaid().blobGas());
        assertEquals(java.math.BigInteger.valueOf(50_000 * 10 + 131_072), stats.confirmedPaid().wei(),
                "gas × effective price + blob gas × blob price");
    }

    @Test
    void fallbackWaitsItsRankAndNeverPaysForABatchL1Holds() {
        poster.offer(batch(1), Bytes.wrap(new byte[129]), 2, 0);
        poster.tick(11_999);
        assertEquals(0, l1.sentAll.size(), "rank 2 waits 2 × submitTimeout");
        assertEquals(0, poster.stats().sent());
        l1.lastBatchIndex = 1; // the designated submitter's batch landed meanwhile
        poster.tick(12_000);
        assertEquals(0, l1.sentAll.size(), "L1 holds it: not sent again");
        assertEquals(SubmissionStatus.SENT, poster.submission(1).orElseThrow().status());
        assertTrue(poster.submission(1).orElseThrow().detail().contains("not sent again"));

        l1.lastBatchIndex = 0; // it was reorganised away before the pool committed it: the fallback posts
        poster.tick(12_250);
        assertEquals(1, l1.sentAll.size());
    }

    @Test
    void stuckTransactionIsReplacedWithHigherFeesAndEitherVersionCounts() {
        poster.offer(batch(1), Bytes.wrap(new byte[129]), 0, 0);
        poster.tick(0);
        poster.tick(11_999);
        assertEquals(1, l1.sentAll.size());
        poster.tick(12_000);
        assertEquals(2, l1.sentAll.size(), "bumped after bumpAfterMs");
        assertEquals(1, poster.stats().sent());
        assertEquals(1, poster.stats().replaced());
        assertEquals(SubmissionStatus.REPLACED, poster.submission(1).orElseThrow().status());
        assertEquals(1, l1.pool.size(), "the replacement took the same nonce");
        l1.mine(1);
        poster.tick(12_250);
        assertEquals(SubmissionStatus.SENT, poster.submission(1).orElseThrow().status());
        assertEquals(1, l1.appendsPaid);
    }

    @Test
    void bumpedCapsRiseByAtLeastTheReplacementRules() {
        var fees = new L1Port.Fees(java.math.BigInteger.valueOf(100), java.math.BigInteger.valueOf(10),
                java.math.BigInteger.valueOf(8));
        var first = policy.initial(fees);
        var next = policy.bumped(first, fees);
        assertTrue(next.maxFeePerGas().multiply(java.math.BigInteger.TEN)
                .compareTo(first.maxFeePerGas().multiply(java.math.BigInteger.valueOf(11))) >= 0, "max fee +10 % at least");
        assertTrue(next.maxPriorityFeePerGas().multiply(java.math.BigInteger.TEN)
                .compareTo(first.maxPriorityFeePerGas().multiply(java.math.BigInteger.valueOf(11))) >= 0);
        assertEquals(first.maxFeePerBlobGas().shiftLeft(1), next.maxFeePerBlobGas(), "blob fee doubles");
    }

    @Test
    void reorganisedBatchIsPostedAgain() {
        poster.offer(batch(1), Bytes.wrap(new byte[129]), 0, 0);
        poster.tick(0);
        l1.mine(1);
        poster.tick(250);
        l1.reorg();
        poster.tick(500);
        assertEquals(SubmissionStatus.REORGED, poster.submission(1).orElseThrow().status());
        assertEquals(1, poster.stats().reorged());
        poster.tick(750);
        assertEquals(2, l1.sentAll.size(), "posted again");
        l1.mine(1);
        poster.tick(1_000);
        assertEquals(1, l1.lastBatchIndex);
    }

    @Test
    void aTransactionThatRevertsOnL1IsCountedWithWhatItCost() {
        poster.offer(batch(1), Bytes.wrap(new byte[129]), 0, 0);
        poster.tick(0);
        l1.lastBatchIndex = 1; // another member's transaction for batch 1 was mined first
        l1.mine(1);
        poster.tick(250);
        assertEquals(SubmissionStatus.FAILED, poster.submission(1).orElseThrow().status());
        assertEquals(1, poster.stats().reverted());
        assertEquals(50_000, poster.stats().revertedPaid().gas(), "gas paid for nothing");
        committed.add(1L);
        poster.tick(500);
        assertEquals(SubmissionStatus.CONFIRMED, poster.submission(1).orElseThrow().status());
        assertEquals(1, poster.stats().confirmedOther(), "the pool committed the other member's batch");
        assertEquals(0, poster.stats().confirmedPaid().gas());
    }

    @Test
    void revertingDryRunIsNotPaidForAndL1OutagesAreRetried() {
        l1.revert = "NonContiguousBatch(2, 1, 11, 1)";
        poster.offer(batch(1), Bytes.wrap(new byte[129]), 0, 0);
        poster.tick(0);
        assertEquals(0, l1.sentAll.size());
        assertEquals(SubmissionStatus.FAILED, poster.submission(1).orElseThrow().status());
        assertTrue(poster.submission(1).orElseThrow().detail().contains("NonContiguousBatch"));
        assertEquals(1, poster.stats().dryRunReverts());

        l1.revert = null;
        l1.down = true;
        poster.tick(7_000);
        assertTrue(poster.submission(1).orElseThrow().detail().contains("connection refused"));
        assertEquals(1, poster.stats().l1Errors());
        l1.down = false;
        poster.tick(7_100);
        assertEquals(0, l1.sentAll.size(), "backs off after an outage");
        poster.tick(9_000);
        assertEquals(1, l1.sentAll.size());
    }

    @Test
    void aBatchWaitsForItsPredecessorOnL1() {
        poster.offer(batch(2), Bytes.wrap(new byte[129]), 0, 0);
        poster.tick(0);
        assertEquals(0, l1.sentAll.size());
        assertTrue(poster.submission(2).orElseThrow().detail().contains("waiting for batch 1"));
        List.of(1).forEach(i -> l1.lastBatchIndex = i);
        poster.tick(250);
        assertEquals(1, l1.sentAll.size());
    }
}
