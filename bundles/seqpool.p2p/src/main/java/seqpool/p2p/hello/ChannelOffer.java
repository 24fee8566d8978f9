package seqpool.p2p.hello;

import java.util.List;

import seqpool.api.p2p.Channel;

/**
 * One channel of a hello and the protocol versions the sender speaks on it, strictly increasing, each in 1..65535,
 * at most {@link #MAX_VERSIONS}.
 */
public record ChannelOffer(Channel channel, List<Integer> versions) {
    public static final int MAX_VERSIONS = 16;

    public ChannelOffer {
        if (channel == null || versions == null) {
            throw new IllegalArgumentException("channel and versions are required");
        }
        versions = List.copyOf(versions);
        if (versions.isEmpty() || versions.size() > MAX_VERSIONS) {
            throw new IllegalArgumentException("channel " + channel.name() + " needs 1.." + MAX_VERSIONS + " versions, got " + versions.size());
        }
        int previous = 0;
        for (int v : versions) {
            if (v <= previous || v > 0xffff) {
                throw new IllegalArgumentException("versions of channel " + channel.name()
                        + " must be strictly increasing in 1..65535: " + versions);
            }
            previous = v;
        }
    }

    public int highest() {
        return versions.get(versions.size() - 1);
    }
}
