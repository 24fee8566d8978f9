package seqpool.bridge.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Hash;

import seqpool.api.common.Address;
import seqpool.api.common.Hash32;
import seqpool.bridge.follow.EventKinds;
import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.ForcedInclusionQueue;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.ModuleRegistry;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SequencerSet;

/** Event names from the wrappers' Event definitions, per contract; everything else is Unknown. */
class FollowedContractsTest {
    static final DeployedContracts DEPLOYED = new DeployedContracts(31337, 5,
            "0x00000000000000000000000000000000000000a0", "0x00000000000000000000000000000000000000a1",
            "0x00000000000000000000000000000000000000a2", "0x00000000000000000000000000000000000000a3",
            "0x00000000000000000000000000000000000000a4", "0x00000000000000000000000000000000000000a5",
            "0x00000000000000000000000000000000000000a6");
    private final FollowedContracts followed = FollowedContracts.of(DEPLOYED);
    private final Address pool = Address.fromHex(DEPLOYED.lockingPool());

    @Test
    void namesEventsByTopicZero() {
        // independent of the wrapper: keccak-256 of the Solidity signature
        Hash32 locked = Hash32.fromHex(Hash.sha3String("Locked(uint256,address,address,uint256,bytes,uint64)"));
        assertEquals("Locked", followed.kindOf(pool, locked));
        assertEquals("EpochCommitted", followed.kindOf(Address.fromHex(DEPLOYED.sequencerSet()),
                Hash32.fromHex(EventEncoder.encode(SequencerSet.EPOCHCOMMITTED_EVENT))));
        assertEquals("PoolKeyRegistered", followed.kindOf(Address.fromHex(DEPLOYED.poolKeyRegistry()),
                Hash32.fromHex(EventEncoder.encode(PoolKeyRegistry.POOLKEYREGISTERED_EVENT))));
        assertEquals("ModuleApproved", followed.kindOf(Address.fromHex(DEPLOYED.moduleRegistry()),
                Hash32.fromHex(EventEncoder.encode(ModuleRegistry.MODULEAPPROVED_EVENT))));
        assertEquals("OwnershipTransferred", followed.kindOf(pool,
                Hash32.fromHex(EventEncoder.encode(LockingPool.OWNERSHIPTRANSFERRED_EVENT))), "inherited events");
    }

    @Test
    void unknownTopicOrContractIsUnknown() {
        Hash32 epoch = Hash32.fromHex(EventEncoder.encode(SequencerSet.EPOCHCOMMITTED_EVENT));
        assertEquals(EventKinds.UNKNOWN, followed.kindOf(pool, epoch), "an event of another contract");
        assertEquals(EventKinds.UNKNOWN, followed.kindOf(pool, Hash32.ZERO));
        assertEquals(EventKinds.UNKNOWN, followed.kindOf(Address.fromHex(DEPLOYED.batchInbox()), epoch));
    }

    @Test
    void followsTheFourContractsAndNamesTheSource() {
        assertEquals(List.of(DEPLOYED.lockingPool(), DEPLOYED.sequencerSet(), DEPLOYED.poolKeyRegistry(),
                DEPLOYED.moduleRegistry()), followed.addresses().stream().map(Address::toHex).toList());
        String source = followed.source();
        assertTrue(source.startsWith("chainId=31337 "), source);
        assertTrue(source.contains("LockingPool=" + DEPLOYED.lockingPool()), source);
        assertTrue(!source.contains(DEPLOYED.batchInbox()), source);
    }

    @Test
    void followsTheForcedInclusionQueueWhenTheFileNamesIt() {
        String queue = "0x00000000000000000000000000000000000000a7";
        DeployedContracts withQueue = new DeployedContracts(31337, 5, DEPLOYED.stakeToken(), DEPLOYED.poolKeyRegistry(),
                DEPLOYED.lockingPool(), DEPLOYED.sequencerSet(), DEPLOYED.batchInbox(), DEPLOYED.moduleRegistry(),
                DEPLOYED.timelock(), java.util.Optional.of(queue));
        FollowedContracts f = FollowedContracts.of(withQueue);
        assertEquals(queue, f.addresses().get(4).toHex());
        assertEquals("ForcedTransactionQueued", f.kindOf(Address.fromHex(queue),
                Hash32.fromHex(EventEncoder.encode(ForcedInclusionQueue.FORCEDTRANSACTIONQUEUED_EVENT))));
        assertTrue(f.source().contains("ForcedInclusionQueue=" + queue), f.source());
        assertTrue(!followed.source().contains("ForcedInclusionQueue"), "a file without the queue keeps its source, "
                + "so a bridge record written before the queue existed stays usable");
    }

    @Test
    void refusesTwoFollowedContractsAtOneAddress() {
        DeployedContracts same = new DeployedContracts(31337, 5, DEPLOYED.stakeToken(), DEPLOYED.lockingPool(),
                DEPLOYED.lockingPool(), DEPLOYED.sequencerSet(), DEPLOYED.batchInbox(), DEPLOYED.moduleRegistry(),
                DEPLOYED.timelock());
        assertThrows(IllegalArgumentException.class, () -> FollowedContracts.of(same));
    }
}
