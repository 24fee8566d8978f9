package seqpool.sequencer.forced;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import seqpool.api.common.Bytes;
import seqpool.api.pos.ForcedMessage;
import seqpool.api.pos.ForcedQueue;
import seqpool.sequencer.chain.ForcedSource;

/**
 * The forced messages a block consumes: those from its parent's forced cursor up to its own, in index order
 * ({@code from} is the first index, {@code transactions} their raw transactions).
 *
 * <p>In the block, the consumed messages that executed are its first transactions, in index order; the others were
 * not executable at their turn and are consumed without effect ("skipped"). {@link #match} finds them: walking the
 * section in order, a message is executed if it equals the next of the block's transactions, else skipped. The
 * rule is a function of the block and the committed queue, so every node derives the same split.
 */
public record ForcedSection(long from, List<Bytes> transactions) {
    /** At most this many messages not due yet go into one block (all due ones always do). */
    public static final int MAX_EARLY_MESSAGES = 64;
    /** At most this many bytes of messages not due yet go into one block. */
    public static final int MAX_EARLY_BYTES = 1 << 20;

    public ForcedSection {
        if (from < 0) {
            throw new IllegalArgumentException("from must be >= 0");
        }
        transactions = List.copyOf(transactions);
    }

    public static ForcedSection empty(long from) {
        return new ForcedSection(from, List.of());
    }

    /** The forced cursor after the block: {@code from + size}. */
    public long cursor() {
        return from + transactions.size();
    }

    /** Which messages of the section a block with {@code blockTransactions} executed and which it skipped. */
    public Match match(List<Bytes> blockTransactions) {
        List<Integer> executed = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < transactions.size(); i++) {
            if (next < blockTransactions.size() && blockTransactions.get(next).equals(transactions.get(i))) {
                executed.add(i);
                next++;
            } else {
                skipped.add(i);
            }
        }
        return new Match(List.copyOf(executed), List.copyOf(skipped));
    }

    /** Section positions (0-based) executed at the start of the block, and those skipped. */
    public record Match(List<Integer> executed, List<Integer> skipped) {
        /** The executed messages before section position {@code position}: the state a skipped one met. */
        public List<Integer> executedBefore(int position) {
            return executed.stream().filter(i -> i < position).toList();
        }
    }

    /**
     * The producer's section for block {@code number}: every committed message from {@code from} on that is due at or
     * before the block, then more (not due yet) while at most {@link #MAX_EARLY_MESSAGES} messages and
     * {@link #MAX_EARLY_BYTES} bytes are taken in all. Empty when the view cannot be read.
     */
    public static Optional<ForcedSection> choose(ForcedSource source, long from, long number) {
        List<Bytes> out = new ArrayList<>();
        long bytes = 0;
        long index = from;
        while (true) {
            Optional<ForcedQueue> page = source.queue(index);
            if (page.isEmpty()) {
                return Optional.empty();
            }
            if (!page.get().enabled() || page.get().messages().isEmpty()) {
                return Optional.of(new ForcedSection(from, out));
            }
            for (ForcedMessage m : page.get().messages()) {
                boolean due = m.dueL2Block() <= number;
                if (!due && (out.size() >= MAX_EARLY_MESSAGES || bytes + m.transaction().size() > MAX_EARLY_BYTES)) {
                    return Optional.of(new ForcedSection(from, out));
                }
                out.add(m.transaction());
                bytes += m.transaction().size();
                index = m.index() + 1;
            }
        }
    }

    /** The messages {@code from .. to - 1} as committed; empty when the view cannot be read or lacks some. */
    public static Optional<ForcedSection> consumed(ForcedSource source, long from, long to) {
        List<Bytes> out = new ArrayList<>();
        long index = from;
        while (index < to) {
            Optional<ForcedQueue> page = source.queue(index);
            if (page.isEmpty() || page.get().messages().isEmpty()) {
                return Optional.empty();
            }
            for (ForcedMessage m : page.get().messages()) {
                if (m.index() >= to) {
                    break;
                }
                out.add(m.transaction());
                index = m.index() + 1;
            }
        }
        return Optional.of(new ForcedSection(from, out));
    }
}
