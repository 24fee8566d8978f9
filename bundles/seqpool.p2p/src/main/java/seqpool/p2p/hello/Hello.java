package seqpool.p2p.hello;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import seqpool.api.p2p.Channel;

/**
 * The channels a node speaks, in the order that defines its channel ids: the offer at index i has channel id i + 1 in
 * the frames this node sends. No channel appears twice; at most {@link #MAX_CHANNELS} channels.
 */
public record Hello(List<ChannelOffer> offers) {
    public static final int MAX_CHANNELS = 255;

    public Hello {
        if (offers == null) {
            throw new IllegalArgumentException("offers are required");
        }
        offers = List.copyOf(offers);
        if (offers.size() > MAX_CHANNELS) {
            throw new IllegalArgumentException("at most " + MAX_CHANNELS + " channels, got " + offers.size());
        }
        Set<Channel> seen = new HashSet<>();
        for (ChannelOffer offer : offers) {
            if (!seen.add(offer.channel())) {
                throw new IllegalArgumentException("channel " + offer.channel().name() + " offered twice");
            }
        }
    }

    /**
     * Builds a hello from protocol strings such as {@code "consensus/1"}, {@code "consensus/2"}, {@code "mpc/1"}:
     * channels in order of first appearance, versions sorted.
     *
     * @throws IllegalArgumentException naming the malformed entry
     */
    public static Hello fromProtocols(List<String> protocols) {
        Map<Channel, TreeSet<Integer>> versions = new LinkedHashMap<>();
        for (String p : protocols) {
            int slash = p == null ? -1 : p.lastIndexOf('/');
            if (slash <= 0 || slash == p.length() - 1) {
                throw new IllegalArgumentException("protocol '" + p + "' is not of the form channel/version");
            }
            Channel channel = new Channel(p.substring(0, slash).trim());
            int version;
            try {
                version = Integer.parseInt(p.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("protocol '" + p + "' has no numeric version", e);
            }
            if (version < 1 || version > 0xffff) {
                throw new IllegalArgumentException("protocol '" + p + "': version must be in 1..65535");
            }
            versions.computeIfAbsent(channel, c -> new TreeSet<>()).add(version);
        }
        List<ChannelOffer> offers = new ArrayList<>();
        versions.forEach((c, v) -> offers.add(new ChannelOffer(c, new ArrayList<>(v))));
        return new Hello(offers);
    }

    /** The channel id this node uses for a channel in the frames it sends, if it offers the channel. */
    public Optional<Integer> channelIdOf(Channel channel) {
        for (int i = 0; i < offers.size(); i++) {
            if (offers.get(i).channel().equals(channel)) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    /** The channel a sender's channel id names, if any. */
    public Optional<ChannelOffer> offerOf(int channelId) {
        return channelId >= 1 && channelId <= offers.size() ? Optional.of(offers.get(channelId - 1)) : Optional.empty();
    }
}
