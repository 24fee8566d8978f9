package seqpool.pos.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint64;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SequencerSet;

/** Real ABI encodings of the pool contracts' events, for scripted L1 streams. */
public final class L1Events {
    private final Address lockingPool;
    private final Address sequencerSet;
    private final Address registry;
    private final Address queue;
    private long block = 100;
    private int log;

    public L1Events(Address lockingPool, Address sequencerSet, Address registry) {
        this(lockingPool, sequencerSet, registry, Address.fromHex("0x" + "77".repeat(20)));
    }

    public L1Events(Address lockingPool, Address sequencerSet, Address registry, Address queue) {
        this.lockingPool = lockingPool;
        this.sequencerSet = sequencerSet;
        this.registry = registry;
        this.queue = queue;
    }

    /** Following events go into a new L1 block. */
    public L1Events nextBlock() {
        block++;
        log = 0;
        return this;
    }

    public long block() {
        return block;
    }

    public L1Event locked(long seqId, Address owner, Address signer, BigInteger amount) {
        return event(lockingPool, LockingPool.LOCKED_EVENT, List.of(word(seqId), word(owner), word(signer)),
                List.of(new Uint256(amount), new org.web3j.abi.datatypes.DynamicBytes(new byte[64]), new Uint64(1)));
    }

    public L1Event statusChanged(long seqId, int status) {
        return event(lockingPool, LockingPool.STATUSCHANGED_EVENT, List.of(word(seqId)),
                List.of(new org.web3j.abi.datatypes.generated.Uint8(status), new Uint64(2)));
    }

    public L1Event poolKeyRegistered(BigInteger x, BigInteger y, Address poolAddress) {
        return event(registry, PoolKeyRegistry.POOLKEYREGISTERED_EVENT, List.of(word(poolAddress)),
                List.of(new Uint64(1), new Uint256(x), new Uint256(y)));
    }

    public L1Event epochCommitted(long id, long first, long last, Address producer) {
        return event(sequencerSet, SequencerSet.EPOCHCOMMITTED_EVENT, List.of(word(id), word(producer)),
                List.of(new Uint64(first), new Uint64(last)));
    }

    public L1Event epochRecommitted(long id, int rotation, long from, long last, Address oldProducer, Address newProducer) {
        return event(sequencerSet, SequencerSet.EPOCHRECOMMITTED_EVENT, List.of(word(id), word(oldProducer),
                word(newProducer)), List.of(new org.web3j.abi.datatypes.generated.Uint32(rotation), new Uint64(from),
                new Uint64(last)));
    }

    /** LockingPool's Slashed(seqId, amount, reasonHash, remaining, nonce). */
    public L1Event slashed(long seqId, BigInteger amount, Hash32 reason, BigInteger remaining) {
        return event(lockingPool, LockingPool.SLASHED_EVENT, List.of(word(seqId), reason),
                List.of(new Uint256(amount), new Uint256(remaining), new Uint64(3)));
    }

    /** LockingPool's Jailed(seqId, until, reasonHash, nonce). */
    public L1Event jailed(long seqId, Hash32 reason) {
        return event(lockingPool, LockingPool.JAILED_EVENT, List.of(word(seqId)),
                List.of(new Uint64(10_000), new org.web3j.abi.datatypes.generated.Bytes32(reason.value().toArray()),
                        new Uint64(4)));
    }

    /** ForcedInclusionQueue's ForcedTransactionQueued(index, sender, signedTx). */
    public L1Event forcedQueued(long index, Address sender, Bytes signedTx) {
        return event(queue, seqpool.contracts.wrappers.ForcedInclusionQueue.FORCEDTRANSACTIONQUEUED_EVENT,
                List.of(word(index), word(sender)), List.of(new org.web3j.abi.datatypes.DynamicBytes(signedTx.toArray())));
    }

    private L1Event event(Address contract, Event ev, List<Hash32> indexed, List<Type> data) {
        List<Hash32> topics = new ArrayList<>();
        topics.add(Hash32.fromHex(EventEncoder.encode(ev)));
        topics.addAll(indexed);
        Bytes d = Bytes.fromHex(FunctionEncoder.encodeConstructor(data));
        Hash32 blockHash = Hash32.fromHex(String.format("0x%064x", block));
        Hash32 tx = Hash32.fromHex(String.format("0x%056x%08x", block, log));
        return new L1Event(block, blockHash, tx, log++, contract, ev.getName(), topics, d);
    }

    private static Hash32 word(long v) {
        return Hash32.fromHex(String.format("0x%064x", v));
    }

    private static Hash32 word(Address a) {
        return Hash32.fromHex("0x" + "00".repeat(12) + a.value().toHex());
    }
}
