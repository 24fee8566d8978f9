package seqpool.sequencer.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import seqpool.api.common.Address;
import seqpool.sequencer.derive.ProducerSchedule.Segment;

/** The schedule rebuilt from SequencerSet events follows the contract's rules (commit, recommit, producerAt). */
class ProducerScheduleTest {
    static final Address A = Address.fromHex("0x" + "0a".repeat(20));
    static final Address B = Address.fromHex("0x" + "0b".repeat(20));
    static final Address C = Address.fromHex("0x" + "0c".repeat(20));

    @Test
    void commitsAndRotationsGiveTheProducerOfEachBlock() {
        ProducerSchedule s = ProducerSchedule.of(List.of(
                new EpochEvent.Committed(1, 1, 10, A),
                new EpochEvent.Committed(2, 11, 20, B),
                new EpochEvent.Recommitted(2, 1, 15, 20, B, C),
                new EpochEvent.Recommitted(2, 2, 15, 20, C, A),
                new EpochEvent.Committed(3, 21, 30, C)));
        assertEquals(Optional.of(new Segment(1, 1, 10, A)), s.at(1));
        assertEquals(Optional.of(new Segment(1, 1, 10, A)), s.at(10));
        assertEquals(B, s.at(14).orElseThrow().producer());
        assertEquals(new Segment(2, 15, 20, A), s.at(15).orElseThrow());
        assertEquals(C, s.at(30).orElseThrow().producer());
        assertTrue(s.at(0).isEmpty());
        assertTrue(s.at(31).isEmpty());
        assertEquals(30, s.lastAssigned());
        assertTrue(s.problems().isEmpty(), s.problems().toString());
    }

    @Test
    void eventsTheContractWouldRefuseAreReportedNotApplied() {
        ProducerSchedule s = ProducerSchedule.of(List.of(
                new EpochEvent.Committed(1, 1, 10, A),
                new EpochEvent.Committed(3, 21, 30, B),
                new EpochEvent.Recommitted(1, 1, 11, 10, A, C)));
        assertEquals(2, s.problems().size(), s.problems().toString());
        assertEquals(1, s.segments().size());
        assertTrue(s.at(21).isEmpty());
    }
}
