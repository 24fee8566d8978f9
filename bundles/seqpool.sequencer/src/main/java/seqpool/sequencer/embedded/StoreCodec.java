package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.store.typed.Serializer;
import seqpool.store.typed.Serializers;

/**
 * Store encodings of the embedded engine's records: fixed-width big-endian fields, lists and byte strings prefixed by a
 * 4-byte count. Decoding rejects short or trailing input with {@link IllegalArgumentException}.
 */
final class StoreCodec {
    /** An account's value before a block (for undo); {@link Account#EMPTY} = it did not exist. */
    record Change(Address address, Account before) {
    }

    static final Serializer<Account> ACCOUNT = Serializers.of(Account::encode, Account::decode);
    static final Serializer<BlockInfo> BLOCK = Serializers.of(StoreCodec::encodeBlock, StoreCodec::decodeBlock);
    static final Serializer<StoredTx> TX = Serializers.of(StoreCodec::encodeTx, StoreCodec::decodeTx);
    static final Serializer<List<Change>> UNDO = Serializers.of(StoreCodec::encodeUndo, StoreCodec::decodeUndo);

    private StoreCodec() {
    }

    /** The account-history key: address (20) ‖ block number (8, big-endian), ordered by address then number. */
    static Bytes historyKey(Address a, long number) {
        return Bytes.wrap(ByteBuffer.allocate(28).put(a.value().toArray()).putLong(number).array());
    }

    static Bytes encodeBlock(BlockInfo b) {
        ByteBuffer out = ByteBuffer.allocate(8 + 32 + 32 + 8 + 20 + 32 * 3 + 8 + 8 + 32 + 4
                + 32 * b.transactions().size());
        out.putLong(b.number()).put(b.hash().value().toArray()).put(b.parentHash().value().toArray())
                .putLong(b.timestampMillis()).put(b.miner().value().toArray()).put(b.stateRoot().value().toArray())
                .put(b.transactionsRoot().value().toArray()).put(b.receiptsRoot().value().toArray())
                .putLong(b.gasUsed()).putLong(b.gasLimit()).put(Words.word(b.baseFeePerGas()))
                .putInt(b.transactions().size());
        for (Hash32 h : b.transactions()) {
            out.put(h.value().toArray());
        }
        return Bytes.wrap(out.array());
    }

    static BlockInfo decodeBlock(Bytes bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes.toArray());
        try {
            long number = in.getLong();
            Hash32 hash = hash(in);
            Hash32 parent = hash(in);
            long ts = in.getLong();
            Address miner = address(in);
            Hash32 state = hash(in);
            Hash32 txRoot = hash(in);
            Hash32 receiptsRoot = hash(in);
            long gasUsed = in.getLong();
            long gasLimit = in.getLong();
            BigInteger baseFee = word(in);
            int n = count(in, 32);
            List<Hash32> txs = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                txs.add(hash(in));
            }
            end(in);
            return new BlockInfo(number, hash, parent, ts, miner, state, txRoot, receiptsRoot, gasUsed, gasLimit,
                    baseFee, txs);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated block record", e);
        }
    }

    static Bytes encodeTx(StoredTx t) {
        ByteBuffer out = ByteBuffer.allocate(4 + t.raw().size() + 20 + 8 + 4 + 1 + 8 + 8 + 32);
        out.putInt(t.raw().size()).put(t.raw().toArray()).put(t.from().value().toArray()).putLong(t.blockNumber())
                .putInt(t.index()).put((byte) t.status()).putLong(t.gasUsed()).putLong(t.cumulativeGasUsed())
                .put(Words.word(t.effectiveGasPrice()));
        return Bytes.wrap(out.array());
    }

    static StoredTx decodeTx(Bytes bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes.toArray());
        try {
            byte[] raw = new byte[count(in, 1)];
            in.get(raw);
            StoredTx t = new StoredTx(Bytes.wrap(raw), address(in), in.getLong(), in.getInt(), in.get() & 0xff,
                    in.getLong(), in.getLong(), word(in));
            end(in);
            return t;
        } catch (java.nio.BufferUnderflowException e) {
            throw new IllegalArgumentException("truncated transaction record", e);
        }
    }

    static Bytes encodeUndo(List<Change> changes) {
        ByteBuffer out = ByteBuffer.allocate(4 + changes.size() * (20 + Account.ENCODED_SIZE));
        out.putInt(changes.size());
        for (Change c : changes) {
            out.put(c.address().value().toArray()).put(c.before().encode().toArray());
        }
        return Bytes.wrap(out.array());
    }

    static List<Change> decodeUndo(Bytes bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes.toArray());
        int n = count(in, 20 + Account.ENCODED_SIZE);
        List<Change> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Address a = address(in);
            byte[] acct = new byte[Account.ENCODED_SIZE];
            in.get(acct);
            out.add(new Change(a, Account.decode(Bytes.wrap(acct))));
        }
        end(in);
        return out;
    }

    private static int count(ByteBuffer in, int itemSize) {
        int n = in.getInt();
        if (n < 0 || (long) n * itemSize > in.remaining()) {
            throw new IllegalArgumentException("count " + n + " with " + in.remaining() + " bytes left");
        }
        return n;
    }

    private static Hash32 hash(ByteBuffer in) {
        byte[] b = new byte[32];
        in.get(b);
        return new Hash32(Bytes.wrap(b));
    }

    private static Address address(ByteBuffer in) {
        byte[] b = new byte[Address.SIZE];
        in.get(b);
        return new Address(Bytes.wrap(b));
    }

    private static BigInteger word(ByteBuffer in) {
        byte[] b = new byte[32];
        in.get(b);
        return new BigInteger(1, b);
    }

    private static void end(ByteBuffer in) {
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " trailing bytes");
        }
    }
}
