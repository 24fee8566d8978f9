package seqpool.sequencer.rpc;

import seqpool.api.common.Hash32;

/** Which block a request means: a tag, a number or a hash (the execution-apis {@code BlockNumberOrTagOrHash}). */
public sealed interface BlockSelector {
    BlockSelector LATEST = new Tagged(BlockTag.LATEST);
    BlockSelector PENDING = new Tagged(BlockTag.PENDING);

    record Tagged(BlockTag tag) implements BlockSelector {
        public Tagged {
            if (tag == null) {
                throw new IllegalArgumentException("tag is null");
            }
        }

        @Override
        public String toString() {
            return tag.wireName();
        }
    }

    record ByNumber(long number) implements BlockSelector {
        public ByNumber {
            if (number < 0) {
                throw new IllegalArgumentException("negative block number " + number);
            }
        }

        @Override
        public String toString() {
            return "0x" + Long.toHexString(number);
        }
    }

    record ByHash(Hash32 hash) implements BlockSelector {
        public ByHash {
            if (hash == null) {
                throw new IllegalArgumentException("hash is null");
            }
        }

        @Override
        public String toString() {
            return hash.toString();
        }
    }
}
