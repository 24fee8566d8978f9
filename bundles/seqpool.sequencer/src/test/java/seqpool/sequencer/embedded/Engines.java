package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

import org.web3j.crypto.Credentials;

import seqpool.api.common.Address;
import seqpool.api.store.KeyValueStore;
import seqpool.api.store.StoreException;
import seqpool.store.memory.InMemoryKeyValueStore;

/** Engines for tests: the dev accounts funded, plus poor keys {@code EthTxs.key(1..)} with small balances. */
final class Engines {
    static final Address COINBASE = EthTxs.fresh(0xC0);

    private Engines() {
    }

    static Map<Address, BigInteger> alloc() {
        Map<Address, BigInteger> alloc = new TreeMap<>(DevAccounts.genesis());
        alloc.put(EthTxs.address(EthTxs.key(1)), BigInteger.valueOf(1_000)); // cannot pay for any gas
        return alloc;
    }

    static EmbeddedConfig config() {
        return EmbeddedConfig.of(EthTxs.CHAIN, alloc()).withCoinbase(COINBASE).withGenesisNumber(0);
    }

    static EmbeddedEngine open(KeyValueStore kv, EmbeddedConfig config) {
        try {
            return EmbeddedEngine.open(kv, config);
        } catch (StoreException e) {
            throw new AssertionError(e);
        }
    }

    static EmbeddedEngine fresh() {
        return open(new InMemoryKeyValueStore(), config());
    }

    static EmbeddedEngine fresh(EmbeddedConfig config) {
        return open(new InMemoryKeyValueStore(), config);
    }

    static Credentials dev(int i) {
        return EthTxs.DEV.get(i);
    }

    static Address devAddress(int i) {
        return DevAccounts.ADDRESSES.get(i);
    }
}
