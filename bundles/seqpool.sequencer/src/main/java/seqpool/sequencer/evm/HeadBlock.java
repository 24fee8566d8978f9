package seqpool.sequencer.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import seqpool.api.common.Hash32;

/**
 * What the engine needs of one of anvil's blocks ({@code eth_getBlockByNumber(n, false)}): number, hash, state root,
 * gas, base fee, timestamp (seconds) and the hashes of its transactions in order.
 */
record HeadBlock(long number, Hash32 hash, Hash32 stateRoot, long gasUsed, long gasLimit, BigInteger baseFee,
        long timestamp, List<Hash32> transactions) {
    HeadBlock {
        transactions = List.copyOf(transactions);
    }

    static HeadBlock fromJson(Object json) {
        if (!(json instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("not a block: " + json);
        }
        List<Hash32> txs = new ArrayList<>();
        if (m.get("transactions") instanceof List<?> list) {
            for (Object t : list) {
                txs.add(Quantity.hash(t));
            }
        } else {
            throw new IllegalArgumentException("block without a transaction list: " + m.get("number"));
        }
        Object baseFee = m.get("baseFeePerGas");
        return new HeadBlock(Quantity.number(m.get("number")), Quantity.hash(m.get("hash")),
                Quantity.hash(m.get("stateRoot")), Quantity.number(m.get("gasUsed")), Quantity.number(m.get("gasLimit")),
                baseFee == null ? BigInteger.ZERO : Quantity.big(baseFee), Quantity.number(m.get("timestamp")), txs);
    }

    /**
     * The base fee of the block after this one, which anvil must use for it: EIP-1559's rule, except after the
     * genesis block, whose successor anvil gives the genesis base fee itself (seen on anvil 1.7.1).
     */
    BigInteger nextBaseFee() {
        return number == 0 ? baseFee : BaseFee.next(baseFee, gasUsed, gasLimit);
    }
}
