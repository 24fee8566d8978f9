package seqpool.sequencer.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.sequencer.L2Block;

/**
 * Blocks kept for later, by number: those beyond head + 1 (a gap) and those whose assignment is not committed here
 * yet. Bounded: at most {@code capacity} blocks, at most {@link #PER_NUMBER} different ones per number. When full, a
 * block nearer the head displaces the farthest one; otherwise the new block is dropped (sync fetches it again).
 */
final class HeldBlocks {
    static final int PER_NUMBER = 4;

    record Held(L2Block block, Address from) {
    }

    private final int capacity;
    private final TreeMap<Long, List<Held>> byNumber = new TreeMap<>();
    private int size;

    HeldBlocks(int capacity) {
        this.capacity = capacity;
    }

    /** False if the block is already held or there is no room for it. */
    boolean add(L2Block block, Address from) {
        List<Held> same = byNumber.get(block.number());
        if (same != null && (same.size() >= PER_NUMBER
                || same.stream().anyMatch(h -> h.block().hash().equals(block.hash())))) {
            return false;
        }
        if (size >= capacity) {
            Map.Entry<Long, List<Held>> farthest = byNumber.lastEntry();
            if (farthest.getKey() <= block.number()) {
                return false;
            }
            List<Held> list = farthest.getValue();
            list.remove(list.size() - 1);
            size--;
            if (list.isEmpty()) {
                byNumber.remove(farthest.getKey());
            }
        }
        byNumber.computeIfAbsent(block.number(), n -> new ArrayList<>()).add(new Held(block, from));
        size++;
        return true;
    }

    /** Removes and returns every held block numbered {@code <= number}, ascending. */
    List<Held> takeUpTo(long number) {
        List<Held> out = new ArrayList<>();
        Map<Long, List<Held>> head = byNumber.headMap(number, true);
        head.values().forEach(out::addAll);
        size -= out.size();
        head.clear();
        return out;
    }

    /** Removes and returns the blocks held for {@code number}. */
    List<Held> takeAt(long number) {
        List<Held> out = byNumber.remove(number);
        if (out == null) {
            return List.of();
        }
        size -= out.size();
        return out;
    }

    boolean holds(long number) {
        return byNumber.containsKey(number);
    }

    int size() {
        return size;
    }
}
