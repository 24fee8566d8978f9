package seqpool.sequencer.rpc;

import java.math.BigInteger;
import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;

/**
 * A signed transaction as the JSON-RPC shows it (execution-apis {@code TransactionInfo}): legacy (type 0), EIP-2930
 * (1), EIP-1559 (2) or EIP-4844 (3) fields, with where it was included ({@code null} while pending).
 *
 * @param to null for a contract creation
 * @param gasPrice the effective gas price once included; for a pending EIP-1559 transaction its max fee per gas
 * @param maxFeePerGas type 2 and 3 only, else null
 * @param maxPriorityFeePerGas type 2 and 3 only, else null
 * @param maxFeePerBlobGas type 3 only, else null
 * @param accessList types 1, 2 and 3 (may be empty), null for legacy
 * @param blobVersionedHashes type 3 only, else null
 * @param chainId null only for a legacy transaction without EIP-155 replay protection
 * @param v legacy: 27/28 or {@code chainId * 2 + 35/36}; typed: the y parity (0 or 1)
 * @param inclusion null while pending
 */
public record RpcTransaction(Hash32 hash, int type, long nonce, Address from, Address to, long gas, BigInteger value,
        Bytes input, BigInteger gasPrice, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas,
        BigInteger maxFeePerBlobGas, List<AccessListEntry> accessList, List<Hash32> blobVersionedHashes,
        Long chainId, BigInteger v, BigInteger r, BigInteger s, Inclusion inclusion) {
    /** Where a transaction sits in the chain. */
    public record Inclusion(Hash32 blockHash, long blockNumber, long blockTimestamp, int index) {
        public Inclusion {
            if (blockHash == null || blockNumber < 0 || blockTimestamp < 0 || index < 0) {
                throw new IllegalArgumentException("invalid inclusion");
            }
        }
    }

    /** One EIP-2930 access list entry. */
    public record AccessListEntry(Address address, List<Hash32> storageKeys) {
        public AccessListEntry {
            if (address == null || storageKeys == null) {
                throw new IllegalArgumentException("invalid access list entry");
            }
            storageKeys = List.copyOf(storageKeys);
        }
    }

    public RpcTransaction {
        if (hash == null || from == null || value == null || input == null || gasPrice == null || v == null
                || r == null || s == null) {
            throw new IllegalArgumentException("missing transaction field");
        }
        if (type < 0 || type > 3 || nonce < 0 || gas < 0) {
            throw new IllegalArgumentException("invalid transaction " + hash + ": type " + type);
        }
        if (type >= 1 && (accessList == null || chainId == null)) {
            throw new IllegalArgumentException("typed transaction " + hash + " needs chainId and accessList");
        }
        if (type >= 2 && (maxFeePerGas == null || maxPriorityFeePerGas == null)) {
            throw new IllegalArgumentException("EIP-1559 transaction " + hash + " needs its fee caps");
        }
        if (type == 3 && (maxFeePerBlobGas == null || blobVersionedHashes == null || to == null)) {
            throw new IllegalArgumentException("blob transaction " + hash + " needs its blob fields and a recipient");
        }
        accessList = accessList == null ? null : List.copyOf(accessList);
        blobVersionedHashes = blobVersionedHashes == null ? null : List.copyOf(blobVersionedHashes);
    }
}
