package seqpool.pos.l1;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

import seqpool.api.bridge.L1Event;
import seqpool.api.common.Address;
import seqpool.api.common.Bytes;
import seqpool.api.common.Hash32;
import seqpool.contracts.wrappers.ForcedInclusionQueue;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SequencerSet;
import seqpool.pos.state.PosParams;

/**
 * Decodes an L1 event by its emitting contract and topic 0 (the event signature), with the generated wrappers. An event
 * of another contract, an unknown signature or undecodable data is {@link PoolEvent.Other}: deterministic on every
 * node, never an exception. Stateless after construction.
 */
public final class PoolEventDecoder {
    private record Rule(Address contract, String topic0, Function<Log, PoolEvent> decode) {
    }

    private final List<Rule> rules;

    public PoolEventDecoder(PosParams p) {
        Address lp = p.lockingPool();
        Address ss = p.sequencerSet();
        Address kr = p.poolKeyRegistry();
        List<Rule> all = new java.util.ArrayList<>(List.of(
                rule(lp, LockingPool.LOCKED_EVENT, l -> {
                    var e = LockingPool.getLockedEventFromLog(l);
                    return new PoolEvent.Locked(e.seqId.longValueExact(), Address.fromHex(e.signer), e.amount);
                }),
                rule(lp, LockingPool.RELOCKED_EVENT, l -> {
                    var e = LockingPool.getRelockedEventFromLog(l);
                    return new PoolEvent.StakeChanged(e.seqId.longValueExact(), e.total);
                }),
                rule(lp, LockingPool.WITHDRAWN_EVENT, l -> {
                    var e = LockingPool.getWithdrawnEventFromLog(l);
                    return new PoolEvent.StakeChanged(e.seqId.longValueExact(), e.total);
                }),
                rule(lp, LockingPool.SLASHED_EVENT, l -> {
                    var e = LockingPool.getSlashedEventFromLog(l);
                    return new PoolEvent.SlashedOnL1(e.seqId.longValueExact(), e.remaining,
                            new Hash32(Bytes.wrap(e.reasonHash)));
                }),
                rule(lp, LockingPool.STATUSCHANGED_EVENT, l -> {
                    var e = LockingPool.getStatusChangedEventFromLog(l);
                    return new PoolEvent.StatusChanged(e.seqId.longValueExact(), e.status.intValueExact());
                }),
                rule(lp, LockingPool.JAILED_EVENT, l -> {
                    var e = LockingPool.getJailedEventFromLog(l);
                    return new PoolEvent.JailedOnL1(e.seqId.longValueExact(), new Hash32(Bytes.wrap(e.reasonHash)));
                }),
                rule(lp, LockingPool.UNJAILED_EVENT, l -> new PoolEvent.UnjailedOnL1(
                        LockingPool.getUnjailedEventFromLog(l).seqId.longValueExact())),
                rule(lp, LockingPool.SIGNERUPDATED_EVENT, l -> {
                    var e = LockingPool.getSignerUpdatedEventFromLog(l);
                    return new PoolEvent.SignerChanged(e.seqId.longValueExact(), Address.fromHex(e.newSigner));
                }),
                rule(lp, LockingPool.DOUBLESIGNPROVEN_EVENT, l -> {
                    var e = LockingPool.getDoubleSignProvenEventFromLog(l);
                    return new PoolEvent.DoubleSignProven(Address.fromHex(e.signer), e.kind.intValueExact(),
                            e.height.longValueExact(), e.round.intValueExact());
                }),
                rule(lp, LockingPool.REWARDSSUBMITTED_EVENT, l -> {
                    var e = LockingPool.getRewardsSubmittedEventFromLog(l);
                    return new PoolEvent.RewardsSubmitted(e.batchId.longValueExact(), e.endEpoch.longValueExact());
                }),
                rule(ss, SequencerSet.EPOCHCOMMITTED_EVENT, l -> new PoolEvent.EpochCommitted(
                        SequencerSet.getEpochCommittedEventFromLog(l).id.longValueExact())),
                rule(ss, SequencerSet.EPOCHRECOMMITTED_EVENT, l -> {
                    var e = SequencerSet.getEpochRecommittedEventFromLog(l);
                    return new PoolEvent.EpochRecommitted(e.id.longValueExact(), e.rotation.intValueExact());
                }),
                rule(kr, PoolKeyRegistry.POOLKEYREGISTERED_EVENT, l -> {
                    var e = PoolKeyRegistry.getPoolKeyRegisteredEventFromLog(l);
                    return new PoolEvent.PoolKeyRegistered(e.x, e.y);
                })));
        p.forcedQueue().ifPresent(q -> all.add(rule(q, ForcedInclusionQueue.FORCEDTRANSACTIONQUEUED_EVENT, l -> {
            var e = ForcedInclusionQueue.getForcedTransactionQueuedEventFromLog(l);
            return new PoolEvent.ForcedQueued(e.index.longValueExact(), Bytes.wrap(e.signedTx));
        })));
        rules = List.copyOf(all);
    }

    private static Rule rule(Address contract, Event event, Function<Log, PoolEvent> decode) {
        return new Rule(contract, EventEncoder.encode(event).toLowerCase(java.util.Locale.ROOT), decode);
    }

    public PoolEvent decode(L1Event e) {
        String topic0 = "0x" + e.topics().get(0).value().toHex().toLowerCase(java.util.Locale.ROOT);
        for (Rule r : rules) {
            if (r.contract.equals(e.contract()) && r.topic0.equals(topic0)) {
                try {
                    return r.decode.apply(toLog(e));
                } catch (RuntimeException malformed) {
                    return new PoolEvent.Other(e.kind());
                }
            }
        }
        return new PoolEvent.Other(e.kind());
    }

    private static Log toLog(L1Event e) {
        Log l = new Log();
        l.setAddress(e.contract().toHex());
        l.setTopics(e.topics().stream().map(t -> "0x" + t.value().toHex()).toList());
        l.setData("0x" + e.data().toHex());
        return l;
    }

}
