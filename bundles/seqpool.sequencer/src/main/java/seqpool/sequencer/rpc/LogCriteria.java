package seqpool.sequencer.rpc;

import java.util.List;
import java.util.Set;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/**
 * Which logs a filter or a {@code logs} subscription wants: emitted by one of {@code addresses} (any address when
 * empty), and for each position i of {@code topics} with topic i among {@code topics.get(i)} (any topic when that list
 * is empty). A log with fewer topics than the filter has positions does not match (as in geth).
 */
public record LogCriteria(List<Address> addresses, List<List<Hash32>> topics) {
    public static final LogCriteria ANY = new LogCriteria(List.of(), List.of());

    public LogCriteria {
        if (addresses == null || topics == null || topics.size() > 4) {
            throw new IllegalArgumentException("invalid log criteria");
        }
        addresses = List.copyOf(addresses);
        topics = topics.stream().map(List::copyOf).toList();
    }

    public boolean matches(RpcLog log) {
        if (!addresses.isEmpty() && !addresses.contains(log.address())) {
            return false;
        }
        if (topics.size() > log.topics().size()) {
            return false;
        }
        for (int i = 0; i < topics.size(); i++) {
            List<Hash32> wanted = topics.get(i);
            if (!wanted.isEmpty() && !Set.copyOf(wanted).contains(log.topics().get(i))) {
                return false;
            }
        }
        return true;
    }
}
