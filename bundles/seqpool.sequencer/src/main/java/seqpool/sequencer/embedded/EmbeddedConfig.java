package seqpool.sequencer.embedded;

import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;

/**
 * The fixed parameters of an embedded ledger. Every node of a pool must use the same values (the genesis block's hash
 * binds the chain id, genesis number, gas limit, initial base fee and allocations, and a store made with others is
 * refused).
 *
 * @param chainId the L2 chain id transactions must be signed for (EIP-155 / typed {@code chainId})
 * @param genesisNumber the number of the genesis block ({@code genesisL2Block - 1}); the first executed block is the
 *     next one
 * @param blockGasLimit the gas limit of every block (default 30,000,000)
 * @param initialBaseFee the genesis block's base fee (default 1 gwei); later blocks follow EIP-1559
 * @param coinbase the fee recipient of every block: the API's {@code produce}/{@code replay} do not name the producer,
 *     so priority fees go to this fixed, configured address (default the zero address)
 * @param rewindDepth how many of the latest blocks keep undo records and account history (default 256)
 * @param senderCacheSize how many recovered transactions are kept between admission and inclusion (default 32,768,
 *     about 1 KiB each)
 * @param parallelRecovery whether a replayed block's signatures are recovered on several threads (common pool)
 * @param alloc genesis balances in wei (zero balances are ignored)
 */
public record EmbeddedConfig(long chainId, long genesisNumber, long blockGasLimit, BigInteger initialBaseFee,
        Address coinbase, int rewindDepth, int senderCacheSize, boolean parallelRecovery,
        SortedMap<Address, BigInteger> alloc) {
    public static final long DEFAULT_BLOCK_GAS_LIMIT = 30_000_000L;
    public static final int DEFAULT_REWIND_DEPTH = 256;
    public static final int DEFAULT_SENDER_CACHE_SIZE = 32_768;
    public static final Address ZERO_ADDRESS = new Address(Bytes.wrap(new byte[Address.SIZE]));

    public EmbeddedConfig {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be > 0, got " + chainId);
        }
        if (genesisNumber < 0) {
            throw new IllegalArgumentException("genesisNumber must be >= 0, got " + genesisNumber);
        }
        if (blockGasLimit < TxRules.TX_GAS) {
            throw new IllegalArgumentException("blockGasLimit must be >= 21000, got " + blockGasLimit);
        }
        if (initialBaseFee == null || initialBaseFee.signum() < 0 || initialBaseFee.bitLength() > 256) {
            throw new IllegalArgumentException("initialBaseFee out of range: " + initialBaseFee);
        }
        if (coinbase == null) {
            throw new IllegalArgumentException("coinbase is required");
        }
        if (rewindDepth < 1 || senderCacheSize < 1) {
            throw new IllegalArgumentException("rewindDepth and senderCacheSize must be >= 1");
        }
        TreeMap<Address, BigInteger> copy = new TreeMap<>();
        BigInteger total = BigInteger.ZERO;
        for (Map.Entry<Address, BigInteger> e : alloc.entrySet()) {
            BigInteger v = e.getValue();
            if (e.getKey() == null || v == null || v.signum() < 0) {
                throw new IllegalArgumentException("invalid genesis allocation " + e);
            }
            total = total.add(v);
            if (v.signum() > 0) {
                copy.put(e.getKey(), v);
            }
        }
        if (total.compareTo(Account.MAX_UINT256) > 0) {
            throw new IllegalArgumentException("genesis allocations sum above 2^256 - 1");
        }
        alloc = Collections.unmodifiableSortedMap(copy);
    }

    /** Defaults for everything but the chain id and the genesis balances. */
    public static EmbeddedConfig of(long chainId, Map<Address, BigInteger> alloc) {
        return new EmbeddedConfig(chainId, 0, DEFAULT_BLOCK_GAS_LIMIT, BaseFee.INITIAL, ZERO_ADDRESS,
                DEFAULT_REWIND_DEPTH, DEFAULT_SENDER_CACHE_SIZE, true, new TreeMap<>(alloc));
    }

    public EmbeddedConfig withGenesisNumber(long n) {
        return new EmbeddedConfig(chainId, n, blockGasLimit, initialBaseFee, coinbase, rewindDepth, senderCacheSize,
                parallelRecovery, alloc);
    }

    public EmbeddedConfig withBlockGasLimit(long gas) {
        return new EmbeddedConfig(chainId, genesisNumber, gas, initialBaseFee, coinbase, rewindDepth,
                senderCacheSize, parallelRecovery, alloc);
    }

    public EmbeddedConfig withInitialBaseFee(BigInteger wei) {
        return new EmbeddedConfig(chainId, genesisNumber, blockGasLimit, wei, coinbase, rewindDepth, senderCacheSize,
                parallelRecovery, alloc);
    }

    public EmbeddedConfig withCoinbase(Address a) {
        return new EmbeddedConfig(chainId, genesisNumber, blockGasLimit, initialBaseFee, a, rewindDepth,
                senderCacheSize, parallelRecovery, alloc);
    }

    public EmbeddedConfig withRewindDepth(int blocks) {
        return new EmbeddedConfig(chainId, genesisNumber, blockGasLimit, initialBaseFee, coinbase, blocks,
                senderCacheSize, parallelRecovery, alloc);
    }

    public EmbeddedConfig withSenderCacheSize(int entries) {
        return new EmbeddedConfig(chainId, genesisNumber, blockGasLimit, initialBaseFee, coinbase, rewindDepth,
                entries, parallelRecovery, alloc);
    }

    public EmbeddedConfig withParallelRecovery(boolean on) {
        return new EmbeddedConfig(chainId, genesisNumber, blockGasLimit, initialBaseFee, coinbase, rewindDepth,
                senderCacheSize, on, alloc);
    }
}
