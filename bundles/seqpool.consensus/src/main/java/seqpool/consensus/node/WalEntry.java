package seqpool.consensus.node;

import java.nio.ByteBuffer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.Block;
import seqpool.api.store.StoreException;
import seqpool.consensus.round.RoundStep;
import seqpool.consensus.wire.MalformedMessageException;
import seqpool.consensus.wire.MessageCodec;

/**
 * Entries of the write-ahead log: an accepted message (sender + payload), a fired timeout (step, round) or the value
 * this node proposes (round + block). Replaying them in order through the deterministic driver rebuilds the state.
 */
final class WalEntry {
    static final int MESSAGE = 1, TIMEOUT = 2, VALUE = 3;

    private WalEntry() {
    }

    static Bytes message(Address from, Bytes payload) {
        return Bytes.of((byte) MESSAGE).concat(from.value()).concat(payload);
    }

    static Bytes timeout(RoundStep step, int round) {
        return Bytes.wrap(ByteBuffer.allocate(6).put((byte) TIMEOUT).put((byte) step.ordinal()).putInt(round).array());
    }

    static Bytes value(int round, Block block) {
        return Bytes.wrap(ByteBuffer.allocate(5).put((byte) VALUE).putInt(round).array())
                .concat(Bytes.wrap(MessageCodec.encodeBlock(block)));
    }

    static void replay(ConsensusNode node, Bytes entry) throws StoreException {
        try {
            switch (entry.get(0)) {
                case MESSAGE -> {
                    Address from = new Address(entry.slice(1, 21));
                    Bytes payload = entry.slice(21, entry.size());
                    node.handle(from, node.codec.decode(payload), payload, false);
                }
                case TIMEOUT -> {
                    ByteBuffer b = ByteBuffer.wrap(entry.toArray(), 1, 5);
                    RoundStep step = RoundStep.values()[b.get()];
                    int round = b.getInt();
                    node.effects.addAll(node.driver.onTimeout(step, round));
                }
                case VALUE -> {
                    int round = ByteBuffer.wrap(entry.toArray(), 1, 4).getInt();
                    Block block = node.codec.decodeBlock(entry.slice(5, entry.size()));
                    node.pendingValueRound = null;
                    node.effects.addAll(node.driver.onValue(round, block, MessageCodec.blockId(block)));
                }
                default -> throw new StoreException("unknown write-ahead log entry type " + entry.get(0));
            }
        } catch (MalformedMessageException e) {
            throw new StoreException("write-ahead log entry does not decode: " + e.getMessage());
        }
    }
}
