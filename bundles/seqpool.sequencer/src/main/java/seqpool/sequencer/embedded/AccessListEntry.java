package seqpool.sequencer.embedded;

import java.util.List;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;

/** One entry of an EIP-2930 access list: an address and the storage keys the transaction declares for it. */
public record AccessListEntry(Address address, List<Hash32> storageKeys) {
    public AccessListEntry {
        if (address == null || storageKeys == null) {
            throw new IllegalArgumentException("invalid access list entry");
        }
        storageKeys = List.copyOf(storageKeys);
    }
}
