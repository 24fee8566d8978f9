package seqpool.sequencer.node;

/** Whether this node holds the committed assignment for head + 1, and the last block that assignment covers. */
public record ProducerStatus(boolean producing, long producingUntil) {
    public static final ProducerStatus IDLE = new ProducerStatus(false, -1);
}
