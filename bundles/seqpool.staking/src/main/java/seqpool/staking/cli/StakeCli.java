package seqpool.staking.cli;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.web3j.crypto.Credentials;
import org.web3j.utils.Numeric;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import seqpool.api.common.Bytes;
import seqpool.api.staking.SequencerId;
import seqpool.api.staking.SequencerStake;
import seqpool.api.staking.StakeSnapshot;

/** The {@code stake} command tree. Each subcommand prints one result line (or a status table) to {@code out}. */
@Command(name = "stake", mixinStandardHelpOptions = true, description = "Operator staking on L1 LockingPool.",
        subcommands = {StakeCli.Lock.class, StakeCli.Relock.class, StakeCli.Withdraw.class, StakeCli.Unlock.class,
                StakeCli.Claim.class, StakeCli.WithdrawRewards.class, StakeCli.Status.class})
final class StakeCli extends Printing implements Callable<Integer> {
    @Override
    public Integer call() {
        out().println("usage: seqpool stake lock|relock|withdraw|unlock|claim|withdraw-rewards|status --help");
        return 2;
    }

    static final class SignerKey {
        @Option(names = "--signer-pubkey", description = "the node's consensus public key: 64-byte hex x||y")
        String pubkeyHex;

        @Option(names = "--signer-key", description = "file holding the node's consensus private key (hex)")
        Path keyFile;

        Bytes pubkey() throws Exception {
            if (pubkeyHex != null) {
                return Bytes.fromHex(pubkeyHex);
            }
            String hex = Files.readString(keyFile, StandardCharsets.US_ASCII).strip();
            return Bytes.wrap(Numeric.toBytesPadded(Credentials.create(hex).getEcKeyPair().getPublicKey(), 64));
        }
    }

    @Command(name = "lock", mixinStandardHelpOptions = true,
            description = "Lock stake for a new sequencer (approves the stake token first if needed).")
    static final class Lock extends Printing implements Callable<Integer> {
        @Mixin
        OperatorSession session;

        @ArgGroup(exclusive = true, multiplicity = "1")
        SignerKey signer;

        @Option(names = "--amount", required = true, description = "tokens to lock (18 decimals), e.g. 20000")
        String amount;

        @Override
        public Integer call() throws Exception {
            try (OperatorSession s = session.open()) {
                BigInteger units = Amounts.parse(amount);
                if (s.operator.allowance().compareTo(units) < 0) {
                    print("approve", s.operator.approveStake(units));
                }
                SequencerId id = s.operator.lock(signer.pubkey(), units);
                out().println("locked " + amount + " tokens: sequencer " + id.value());
                return 0;
            }
        }
    }

    @Command(name = "relock", mixinStandardHelpOptions = true, description = "Add stake (and optionally rewards).")
    static final class Relock extends Printing implements Callable<Integer> {
        @Mixin
        OperatorSession session;

        @Option(names = "--amount", defaultValue = "0", description = "tokens to add (default 0)")
        String amount;

        @Option(names = "--compound", description = "also lock the pending rewards")
        boolean compound;

        @Override
        public Integer call() throws Exception {
            try (OperatorSession s = session.open()) {
                BigInteger units = Amounts.parse(amount);
                if (units.signum() > 0 && s.operator.allowance().compareTo(units) < 0) {
                    print("approve", s.operator.approveStake(units));
                }
                print("relock", s.operator.relock(units, compound));
                return 0;
            }
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true, description = "Withdraw part of the stake (keeps minLock).")
    static final class Withdraw extends Printing implements Callable<Integer> {
        @Mixin
        OperatorSession session;

        @Option(names = "--amount", required = true, description = "tokens to withdraw")
        String amount;

        @Override
        public Integer call() throws Exception {
            try (OperatorSession s = session.open()) {
                print("withdraw", s.operator.withdraw(Amounts.parse(amount)));
                return 0;
            }
        }
    }

    @Command(name = "unlock", mixinStandardHelpOptions = true, description = "Leave the pool; claim after the exit delay.")
    static final class Unlock extends Printing implements Callable<Integer> {
        @Mixin
        OperatorSession session;

        @Override
        public Integer call() throws Exception {
            try (OperatorSession s = session.open()) {
                print("unlock", s.operator.unlock());
                return 0;
            }
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true, description = "Claim the stake after the exit delay.")
    static final class Claim extends Printing implements Callable<Integer> {
        @Mixin
        OperatorSession session;

        @Override
        public Integer call() throws Exception {
            try (OperatorSession s = session.open()) {
                print("claim", s.operator.claim());
                return 0;
            }
        }
    }

    @Command(name = "withdraw-rewards", mixinStandardHelpOptions = true, description = "Pay pending rewards to the recipient.")
    static final class WithdrawRewards extends Printing implements Callable<Integer> {
        @Mixin
        OperatorSession session;

        @Override
        public Integer call() throws Exception {
            try (OperatorSession s = session.open()) {
                print("withdraw-rewards", s.operator.withdrawRewards());
                return 0;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Own sequencer and the active set at the confirmed L1 block.")
    static final class Status extends Printing implements Callable<Integer> {
        @Mixin
        OperatorSession session;

        @Override
        public Integer call() throws Exception {
            try (OperatorSession s = session.open()) {
                StakeSnapshot snap = s.view.snapshot();
                out().println("L1 block " + snap.l1Block() + " (" + s.view.confirmations() + " confirmations), minLock "
                        + Amounts.format(snap.minLock()) + ", maxLock " + Amounts.format(snap.maxLock()));
                var mine = s.operator.sequencer();
                out().println("account " + s.operator.account() + ": "
                        + mine.flatMap(snap::byId).map(StakeCli::describe).orElse("no sequencer (at the confirmed block)"));
                out().println("active set: " + snap.active().size() + " sequencers, stake "
                        + Amounts.format(snap.activeStake()));
                for (SequencerStake st : snap.active()) {
                    out().println("  " + describe(st));
                }
                return 0;
            }
        }
    }

    static String describe(SequencerStake s) {
        return "sequencer " + s.id().value() + " signer " + s.signer() + " stake " + Amounts.format(s.amount())
                + " reward " + Amounts.format(s.pendingReward()) + " " + s.status() + (s.jailed() ? " JAILED" : "")
                + " nonce " + s.nonce();
    }
}
