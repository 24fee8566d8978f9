package seqpool.p2p.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import seqpool.api.common.Bytes;
import seqpool.api.p2p.Channel;

class HelloTest {

    @Test
    void buildsFromProtocolStringsInOrderOfFirstAppearance() {
        Hello h = Hello.fromProtocols(List.of("mpc/1", "consensus/2", "consensus/1", "l2/1"));
        assertEquals(List.of(new ChannelOffer(Channel.MPC, List.of(1)), new ChannelOffer(Channel.CONSENSUS, List.of(1, 2)),
                new ChannelOffer(Channel.L2, List.of(1))), h.offers());
        assertEquals(Optional.of(2), h.channelIdOf(Channel.CONSENSUS));
        assertEquals(Channel.L2, h.offerOf(3).orElseThrow().channel());
        assertTrue(h.offerOf(0).isEmpty());
        assertTrue(h.offerOf(4).isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"consensus", "consensus/", "/1", "consensus/x", "consensus/0", "consensus/65536", "Bad/1"})
    void rejectsMalformedProtocolStrings(String p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hello.fromProtocols(List.of(p)));
        assertTrue(e.getMessage().contains(p.startsWith("Bad") ? "Bad" : p), e.getMessage());
    }

    @Test
    void encodingRoundTripsAndIsCanonical() throws Exception {
        Hello h = Hello.fromProtocols(List.of("consensus/1", "consensus/2", "mpc/1", "l2/7"));
        Bytes enc = HelloCodec.encode(h);
        assertEquals(h, HelloCodec.decode(enc));
        assertEquals("7371706801" + "03" + "09" + Bytes.utf8("consensus").toHex() + "02" + "0001" + "0002"
                + "03" + Bytes.utf8("mpc").toHex() + "01" + "0001" + "02" + Bytes.utf8("l2").toHex() + "01" + "0007", enc.toHex());
    }

    @ParameterizedTest
    @CsvSource({
        "'', truncated",
        "7371706901 00, bad magic",
        "7371706802 00, unsupported hello format",
        "7371706801 01, truncated",
        "7371706801 00 00, trailing",
        "7371706801 01 02 6c32 00, invalid hello",
        "7371706801 01 02 6c32 02 0002 0001, invalid hello",
        "7371706801 01 02 4c32 01 0001, invalid hello",
        "7371706801 02 02 6c32 01 0001 02 6c32 01 0002, invalid hello",
    })
    void rejectsMalformedHellos(String hex, String expected) {
        HelloFormatException e = assertThrows(HelloFormatException.class, () -> HelloCodec.decode(Bytes.fromHex(hex.replace(" ", ""))));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @ParameterizedTest(name = "{0} vs {1} -> consensus {2}")
    @CsvSource(delimiter = '|', value = {
        "consensus/1                           | consensus/1             | 1",
        "consensus/1,consensus/2               | consensus/1,consensus/2 | 2",
        "consensus/1,consensus/2,consensus/3   | consensus/2,consensus/4 | 2",
        "consensus/1                           | consensus/2             | 0",
        "mpc/1                                 | consensus/1             | 0",
    })
    void negotiatesTheHighestCommonVersion(String local, String remote, int expected) {
        NegotiatedChannels n = NegotiatedChannels.negotiate(Hello.fromProtocols(List.of(local.trim().split(","))),
                Hello.fromProtocols(List.of(remote.trim().split(","))));
        assertEquals(expected == 0 ? OptionalInt.empty() : OptionalInt.of(expected), n.versionOf(Channel.CONSENSUS));
    }

    @Test
    void mapsChannelIdsByEachSidesOwnHello() {
        Hello local = Hello.fromProtocols(List.of("consensus/1", "mpc/1", "l2/1"));
        Hello remote = Hello.fromProtocols(List.of("l2/1", "gossip/1", "consensus/1"));
        NegotiatedChannels n = NegotiatedChannels.negotiate(local, remote);
        assertEquals(OptionalInt.of(1), n.outboundIdOf(Channel.CONSENSUS));
        assertEquals(OptionalInt.of(3), n.outboundIdOf(Channel.L2));
        assertEquals(OptionalInt.empty(), n.outboundIdOf(Channel.MPC), "the remote does not speak mpc");
        assertEquals(Optional.of(Channel.L2), n.inboundChannelOf(1));
        assertEquals(Optional.empty(), n.inboundChannelOf(2), "gossip is not agreed");
        assertEquals(Optional.of(Channel.CONSENSUS), n.inboundChannelOf(3));
        assertEquals(Optional.empty(), n.inboundChannelOf(4));
        assertEquals(Optional.empty(), n.inboundChannelOf(0));
    }
}
