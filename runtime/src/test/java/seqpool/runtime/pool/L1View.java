package seqpool.runtime.pool;

import java.math.BigInteger;
import java.nio.file.Path;

import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

import seqpool.contracts.deploy.DeployedContracts;
import seqpool.contracts.wrappers.LockingPool;
import seqpool.contracts.wrappers.PoolKeyRegistry;
import seqpool.contracts.wrappers.SequencerSet;

/** What L1 itself says about the pool (latest block), read with the contract wrappers, for assertions. */
final class L1View implements AutoCloseable {
    private static final String NOBODY = "0x0000000000000000000000000000000000000000";
    final Web3j web3j;
    final DeployedContracts c;
    final SequencerSet set;
    final PoolKeyRegistry keys;
    final LockingPool pool;

    L1View(String url, Path contractsFile) throws Exception {
        web3j = Web3j.build(new HttpService(url));
        c = DeployedContracts.readFrom(contractsFile);
        var ro = new ReadonlyTransactionManager(web3j, NOBODY);
        set = SequencerSet.load(c.sequencerSet(), web3j, ro, new DefaultGasProvider());
        keys = PoolKeyRegistry.load(c.poolKeyRegistry(), web3j, ro, new DefaultGasProvider());
        pool = LockingPool.load(c.lockingPool(), web3j, ro, new DefaultGasProvider());
    }

    long epochsOnL1() throws Exception {
        return set.currentEpochId().send().longValueExact();
    }

    int rotationsOf(long epoch) throws Exception {
        return set.getEpoch(BigInteger.valueOf(epoch)).send().rotations.intValueExact();
    }

    String producerAt(long l2Block) throws Exception {
        return set.producerAt(BigInteger.valueOf(l2Block)).send();
    }

    long keyGeneration() throws Exception {
        return keys.keyGeneration().send().longValueExact();
    }

    String poolKey() throws Exception {
        return keys.keyX().send().toString(16) + ":" + keys.keyY().send().toString(16);
    }

    LockingPool.Sequencer sequencer(long seqId) throws Exception {
        return pool.getSequencer(BigInteger.valueOf(seqId)).send();
    }

    long seqIdOf(String signer) throws Exception {
        return pool.signerToSequencer(signer).send().longValueExact();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
