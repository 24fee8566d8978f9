package seqpool.api.p2p;

import java.util.regex.Pattern;

/** A named message channel; every protocol has its own so that one cannot flood another's queue. */
public record Channel(String name) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,32}");

    public static final Channel CONSENSUS = new Channel("consensus");
    public static final Channel MPC = new Channel("mpc");
    public static final Channel L2 = new Channel("l2");

    public Channel {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid channel name '" + name + "'");
        }
    }
}
