package seqpool.p2p.hello;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import seqpool.api.p2p.Channel;

/**
 * The outcome of two hellos: for every channel both sides offer with a common version, the highest common version,
 * plus the id mappings in both directions (each side numbers the frames it sends by its own hello). Immutable.
 */
public final class NegotiatedChannels {
    private final Hello local;
    private final Hello remote;
    private final Map<Channel, Integer> versions;

    private NegotiatedChannels(Hello local, Hello remote, Map<Channel, Integer> versions) {
        this.local = local;
        this.remote = remote;
        this.versions = Collections.unmodifiableMap(versions);
    }

    /** Picks, per channel offered by both, the highest version both speak; channels without one are left out. */
    public static NegotiatedChannels negotiate(Hello local, Hello remote) {
        Map<Channel, Integer> versions = new LinkedHashMap<>();
        for (ChannelOffer mine : local.offers()) {
            for (ChannelOffer theirs : remote.offers()) {
                if (mine.channel().equals(theirs.channel())) {
                    highestCommon(mine, theirs).ifPresent(v -> versions.put(mine.channel(), v));
                }
            }
        }
        return new NegotiatedChannels(local, remote, versions);
    }

    private static OptionalInt highestCommon(ChannelOffer a, ChannelOffer b) {
        return a.versions().stream().filter(b.versions()::contains).mapToInt(Integer::intValue).max();
    }

    /** Channel → agreed version, in the local hello's order. */
    public Map<Channel, Integer> versions() {
        return versions;
    }

    public OptionalInt versionOf(Channel channel) {
        Integer v = versions.get(channel);
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** The id to put in frames this node sends on the channel, if the channel was agreed. */
    public OptionalInt outboundIdOf(Channel channel) {
        if (!versions.containsKey(channel)) {
            return OptionalInt.empty();
        }
        return local.channelIdOf(channel).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    /** The agreed channel a received frame's id names, or empty if the id is unknown or its channel was not agreed. */
    public Optional<Channel> inboundChannelOf(int remoteChannelId) {
        return remote.offerOf(remoteChannelId).map(ChannelOffer::channel).filter(versions::containsKey);
    }
}
