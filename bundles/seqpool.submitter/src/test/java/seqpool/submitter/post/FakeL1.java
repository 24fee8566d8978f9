package seqpool.submitter.post;

import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.codec.crypto.Keccak;

/**
 * An L1 with a BatchInbox, for the poster's rules: the account's one pending transaction (a new send replaces it)
 * waits until {@link #mine} includes it; appendBatch advances the inbox only for the next index, {@link #reorg}
 * drops the last blocks, {@link #down} makes every call fail.
 */
final class FakeL1 implements L1Port {
    record Tx(Hash32 hash, long nonce, Bytes raw) {
    }

    long lastBatchIndex;
    long head = 100;
    boolean down;
    String revert;
    final List<Tx> pool = new ArrayList<>();
    final List<Tx> sentAll = new ArrayList<>();
    final Map<Hash32, Receipt> receipts = new HashMap<>();
    final Map<Long, Hash32> blockHashes = new HashMap<>();
    final Map<Long, List<Hash32>> minedIn = new HashMap<>();
    long nonce;
    int appendsPaid;

    @Override
    public long chainId() throws IOException {
        up();
        return 31337;
    }

    @Override
    public long lastBatchIndex() throws IOException {
        up();
        return lastBatchIndex;
    }

    @Override
    public Estimate estimate(Bytes calldata, List<Hash32> blobHashes) throws IOException {
        up();
        return revert != null ? new Estimate(0, Optional.of(revert)) : new Estimate(80_000, Optional.empty());
    }

    @Override
    public Fees fees() throws IOException {
        up();
        return new Fees(BigInteger.valueOf(1_000_000_000), BigInteger.valueOf(1_000_000), BigInteger.ONE);
    }

    @Override
    public long pendingNonce() throws IOException {
        up();
        return nonce + pool.size();
    }

    @Override
    public Optional<String> send(Bytes raw) throws IOException {
        up();
        if (pool.stream().anyMatch(t -> t.raw.equals(raw))) {
            return Optional.of("already known");
        }
        Tx tx = new Tx(Keccak.keccak256(raw), nonce, raw);
        pool.clear(); // one account, one batch in flight: a second send is a replacement of the same nonce
        pool.add(tx);
        sentAll.add(tx);
        return Optional.empty();
    }

    /** Mines one block with the pooled transaction, which appends the next batch if {@code index} is next. */
    void mine(long index) {
        head++;
        Hash32 block = Keccak.keccak256(Bytes.utf8("block " + head + " " + System.nanoTime()));
        blockHashes.put(head, block);
        List<Hash32> in = new ArrayList<>();
        for (Tx t : pool) {
            boolean ok = index == lastBatchIndex + 1;
            if (ok) {
                lastBatchIndex = index;
                appendsPaid++;
            }
            receipts.put(t.hash, new Receipt(ok, head, block, new Cost(50_000, BigInteger.TEN, 131_072, BigInteger.ONE)));
            in.add(t.hash);
            nonce++;
        }
        minedIn.put(head, in);
        pool.clear();
    }

    /** Drops the last block (and its receipts, and the batch it appended). */
    void reorg() {
        for (Hash32 h : minedIn.getOrDefault(head, List.of())) {
            if (receipts.remove(h).ok()) {
                lastBatchIndex--;
            }
            nonce--;
        }
        blockHashes.remove(head);
        head--;
    }

    @Override
    public Optional<Receipt> receipt(Hash32 transaction) throws IOException {
        up();
        return Optional.ofNullable(receipts.get(transaction));
    }

    @Override
    public Optional<Hash32> blockHash(long number) throws IOException {
        up();
        return Optional.ofNullable(blockHashes.get(number));
    }

    @Override
    public long finalizedBlock() throws IOException {
        up();
        return head - 4;
    }

    private void up() throws IOException {
        if (down) {
            throw new IOException("connection refused");
        }
    }
}
