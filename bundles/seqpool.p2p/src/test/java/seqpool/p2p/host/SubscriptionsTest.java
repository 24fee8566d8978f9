package seqpool.p2p.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;
import seqpool.api.p2p.InboundMessage;
import seqpool.api.p2p.MessageListener;
import seqpool.api.p2p.Subscription;

class SubscriptionsTest {
    private static final Address PEER = Address.fromHex("0x1000000000000000000000000000000000000001");

    @Test
    void deliversPerChannelSurvivesFailingListenersAndStopsOnClose() {
        Subscriptions subs = new Subscriptions();
        List<String> got = new ArrayList<>();
        MessageListener recorder = m -> got.add(m.channel().name() + ":" + new String(m.payload().toArray()));
        Subscription first = subs.add(Channel.CONSENSUS, recorder);
        subs.add(Channel.CONSENSUS, m -> {
            throw new IllegalStateException("listener bug");
        });
        Subscription second = subs.add(Channel.CONSENSUS, recorder); // the same listener twice: two subscriptions
        subs.add(Channel.MPC, recorder);

        subs.deliver(new InboundMessage(PEER, Channel.CONSENSUS, Bytes.utf8("a")));
        subs.deliver(new InboundMessage(PEER, Channel.MPC, Bytes.utf8("b")));
        subs.deliver(new InboundMessage(PEER, Channel.L2, Bytes.utf8("nobody listens")));
        assertEquals(List.of("consensus:a", "consensus:a", "mpc:b"), got);

        first.close();
        first.close(); // idempotent
        subs.deliver(new InboundMessage(PEER, Channel.CONSENSUS, Bytes.utf8("c")));
        assertEquals(List.of("consensus:a", "consensus:a", "mpc:b", "consensus:c"), got);
        second.close();
        subs.deliver(new InboundMessage(PEER, Channel.CONSENSUS, Bytes.utf8("d")));
        assertEquals(4, got.size());
        assertThrows(IllegalArgumentException.class, () -> subs.add(null, recorder));
    }
}
