package seqpool.consensus.node;

import java.nio.ByteBuffer;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.consensus.Block;
import seqpool.api.store.StoreException;
import seqpool.codec.wire.MalformedMessageException;
import seqpool.consensus.round.RoundStep;
import seqpool.consensus.wire.MessageCodec;

/**
 * Entries of the write-ahead log: an accepted message (sender + payload), a fired timeout (step, round) or the value
 * this node proposes (round + block). Replaying them in order through the deterministic driver rebuilds the state.
 * The step of a timeout is stored as an explicit code ({@link #stepCode}), never as the enum's position: a later
 * version that reorders {@link RoundStep} must still replay an older log (pinned by {@code WalEntryGoldenTest}).
 */
final class WalEntry {
    static final int MESSAGE = 1, TIMEOUT = 2, VALUE = 3;

    private WalEntry() {
    }

    static Bytes message(Address from, Bytes payload) {
        return Bytes.of((byte) MESSAGE).concat(from.value()).concat(payload);
    }

    static Bytes timeout(RoundStep step, int round) {
        return Bytes.wrap(ByteBuffer.allocate(6).put((byte) TIMEOUT).put(stepCode(step)).putInt(round).array());
    }

    static Bytes value(int round, Block block) {
        return Bytes.wrap(ByteBuffer.allocate(5).put((byte) VALUE).putInt(round).array())
                .concat(Bytes.wrap(MessageCodec.encodeBlock(block)));
    }

    /** The stored code of each step (they happen to equal the 1.0 enum positions, so older logs replay). */
    static byte stepCode(RoundStep step) {
        return switch (step) {
            case UNSTARTED -> 0;
            case PROPOSE -> 1;
            case PREVOTE -> 2;
            case PRECOMMIT -> 3;
            case COMMIT -> 4;
        };
    }

    static RoundStep stepOf(byte code) throws StoreException {
        return switch (code) {
            case 0 -> RoundStep.UNSTARTED;
            case 1 -> RoundStep.PROPOSE;
            case 2 -> RoundStep.PREVOTE;
            case 3 -> RoundStep.PRECOMMIT;
            case 4 -> RoundStep.COMMIT;
            default -> throw new StoreException("write-ahead log timeout with unknown step code " + code);
        };
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
                    RoundStep step = stepOf(b.get());
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
