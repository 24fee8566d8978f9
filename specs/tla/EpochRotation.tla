--------------------------- MODULE EpochRotation ---------------------------
(***************************************************************************)
(* Epochs, producer assignment, rotation and jailing of seqpool.pos, as    *)
(* the PoS application commits them.                                       *)
(*                                                                         *)
(* Stake lives on L1: validators lock and unlock there (L1Lock, L1Unlock,  *)
(* the environment).  The pool commits a ValidatorJoined/ValidatorLeft     *)
(* only for an event that exists on L1: an honest validator prevotes a     *)
(* block only after checking its L1 events against its own L1 view (side-  *)
(* transaction check), and the faulty power is below 1/3.  A change of the *)
(* staked set opens a TSS task for the new member set; the change takes    *)
(* effect at an epoch boundary only once CommitteeReady for a new member   *)
(* set happened (every active validator must hold a key share): an epoch's *)
(* validator set is the ready committee minus the jailed validators.       *)
(*                                                                         *)
(* Each epoch assigns a contiguous range of RangeLen L2 heights to one     *)
(* producer drawn among its validator set (stake-weighted from an          *)
(* unpredictable seed: any of them may come out).  A faulty producer may   *)
(* stall or crash; active validators vote (VoteRotate), and a vote of more *)
(* than 2/3 of the epoch's power rotates the rest of the range to another  *)
(* producer (Rotated).  The stall is recorded as a fault of the rotated-out *)
(* producer (Faulted, right after Rotated); at JailAfter faults it is      *)
(* jailed (Jailed, right after Faulted) and never assigned again.          *)
(*                                                                         *)
(* Action names equal the trace events of seqpool.pos (PosMachine):        *)
(* ValidatorJoined, ValidatorLeft, CommitteeReady, EpochAssigned,          *)
(* BlockProduced, VoteRotate, Rotated, Faulted, Jailed.  The environment   *)
(* (L1Lock, L1Unlock, Crash) and stall timeouts are not traced.            *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, Sequences

CONSTANTS
  Validators,       \* everyone who may ever stake
  Genesis,          \* the validators of the genesis file (staked on L1 before launch)
  Faulty,           \* validators that may stall, crash and vote arbitrarily
  Power,            \* [Validators -> positive voting power]
  MaxEpoch,         \* epochs 1..MaxEpoch
  RangeLen,         \* L2 heights per epoch
  JailAfter,        \* a validator with this many faults is jailed
  AccurateTimeouts, \* TRUE: after GST a stall timeout fires only for a faulty producer
  Mutant            \* "none", or the name of the rule deliberately weakened

None == "none"
MaxHeight == MaxEpoch * (RangeLen + 1)         \* room for a (mutant) gap per epoch
Heights == 1..MaxHeight
RECURSIVE PowerOf(_)
PowerOf(S) == IF S = {} THEN 0 ELSE LET v == CHOOSE x \in S : TRUE IN Power[v] + PowerOf(S \ {v})
\* The fault assumption: the faulty power of a validator set is below 1/3.
FaultOK(S) == S /= {} /\ 3 * PowerOf(S \cap Faulty) < PowerOf(S)
NoDue == [event |-> None, validator |-> None]
Locked(v) == [kind |-> "Locked", validator |-> v]
Unlocked(v) == [kind |-> "Unlocked", validator |-> v]

ASSUME Genesis \subseteq Validators /\ Faulty \subseteq Validators
ASSUME RangeLen >= 1 /\ MaxEpoch >= 1 /\ JailAfter >= 1
ASSUME FaultOK(Genesis)

VARIABLES
  l1,          \* the Locked/Unlocked events that exist on L1
  staked,      \* validators whose lock the pool committed and whose unlock it did not
  left,        \* validators whose unlock the pool committed
  committee,   \* the members of the last ready TSS committee ({} before the DKG)
  tasks,       \* member sets of the TSS tasks opened since the last ready committee
  epoch,       \* the current epoch, 0 before the first assignment
  activeIn,    \* [1..MaxEpoch -> SUBSET Validators], each epoch's validator set
  committeeIn, \* [1..MaxEpoch -> SUBSET Validators], the ready committee each epoch was built from
  ranges,      \* <<[first, last]>>, the range of each epoch
  log,         \* every assignment in order: [kind ("epoch"/"rotation"), epoch, first, last, producer, voters]
  blocks,      \* the valid L2 blocks: [height, producer, asOf]; asOf = Len(log) when produced
  tip,         \* the next height to produce
  votes,       \* validators that voted to rotate the current producer out
  faults,      \* [Validators -> Nat], recorded stalls
  jailed,
  l1Jailed,    \* validators jailed by L1 for a proven double signature (LockingPool.slashDoubleSign)
  due,         \* the Faulted or Jailed step the last Rotated or Faulted owes, or NoDue
  crashed

vars == <<l1, staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, log, blocks,
          tip, votes, faults, jailed, l1Jailed, due, crashed>>

\* the current epoch's validator set
vals == IF epoch = 0 THEN {} ELSE activeIn[epoch]
\* the validators of consensus (who prevote side transactions): the genesis set until epoch 1
Consensus == IF epoch = 0 THEN Genesis ELSE vals
Last == IF epoch = 0 THEN 0 ELSE ranges[epoch].last
\* The producer of height h after the first n assignments (the last one covering h wins).
OwnerAt(h, n) ==
  LET covering == {i \in 1..n : log[i].first <= h /\ h <= log[i].last}
  IN IF covering = {} THEN None
     ELSE log[CHOOSE i \in covering : \A j \in covering : j <= i].producer
Owner(h) == OwnerAt(h, Len(log))
\* Who the next TSS committee should be: the staked validators that are not jailed.
Target(S, J) == S \ J
\* A change of the target set opens a TSS task for the new set (the DKG itself is separate).
Retarget(S, J) ==
  tasks' = IF committee = {} \/ Target(S, J) = committee THEN tasks ELSE tasks \cup {Target(S, J)}
\* Nothing is owed: traced steps other than Faulted/Jailed wait until the rotation is recorded.
Settled == due = NoDue

Init ==
  /\ l1 = {Locked(g) : g \in Genesis}
  /\ staked = {} /\ left = {} /\ committee = {} /\ tasks = {}
  /\ epoch = 0 /\ activeIn = [e \in 1..MaxEpoch |-> {}] /\ committeeIn = [e \in 1..MaxEpoch |-> {}]
  /\ ranges = <<>> /\ log = <<>> /\ blocks = {} /\ tip = 1 /\ votes = {}
  /\ faults = [v \in Validators |-> 0] /\ jailed = {} /\ l1Jailed = {} /\ due = NoDue /\ crashed = {}

(***************************************************************************)
(* The environment: L1 and crashes (untraced)                              *)
(***************************************************************************)
\* An operator locks stake on L1 (each validator at most once: re-staking is not modelled).
L1Lock(v) ==
  /\ Locked(v) \notin l1
  /\ l1' = l1 \cup {Locked(v)}
  /\ UNCHANGED <<staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, jailed, l1Jailed, due, crashed>>

L1Unlock(v) ==
  /\ Locked(v) \in l1 /\ Unlocked(v) \notin l1
  /\ l1' = l1 \cup {Unlocked(v)}
  /\ UNCHANGED <<staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, jailed, l1Jailed, due, crashed>>

\* A faulty validator stops for good.
Crash(v) ==
  /\ v \in Faulty \ crashed
  /\ crashed' = crashed \cup {v}
  /\ UNCHANGED <<l1, staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, jailed, l1Jailed, due>>

(***************************************************************************)
(* Staking and committees                                                  *)
(***************************************************************************)
\* An L1 event passes the side-transaction check: the honest validators prevote it only if
\* their own L1 view has it, and a faulty proposer may propose one that does not exist; it is
\* committed when more than 2/3 of consensus power prevotes it.  With faulty power below 1/3
\* that needs an honest prevote, so the event exists.
SideTxCommitted(ev) ==
  LET honestYes == {q \in Consensus \ Faulty : ev \in l1 \/ Mutant = "NoSideTxCheck"}
      proposable == ev \in l1 \/ Consensus \cap Faulty /= {}
  IN proposable /\ 3 * PowerOf((Consensus \cap Faulty) \cup honestYes) > 2 * PowerOf(Consensus)

\* Stake committed: genesis members from the genesis file before the DKG; later ones from a
\* committed L1 Locked event.  (The fault assumption must stay true for the next committee.)
ValidatorJoined(v) ==
  /\ Settled
  /\ v \notin staked \cup left
  /\ IF committee = {} THEN v \in Genesis
     ELSE /\ SideTxCommitted(Locked(v))
          /\ FaultOK(Target(staked \cup {v}, jailed))
  /\ staked' = staked \cup {v}
  /\ Retarget(staked \cup {v}, jailed)
  /\ UNCHANGED <<l1, left, committee, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, jailed, l1Jailed, due, crashed>>

\* Unstaking committed from an L1 Unlocked event; the validator stays active until an epoch
\* starts from a committee without it.
ValidatorLeft(v) ==
  /\ Settled /\ committee /= {}
  /\ v \in staked
  /\ SideTxCommitted(Unlocked(v))
  /\ FaultOK(Target(staked \ {v}, jailed))
  /\ staked' = staked \ {v} /\ left' = left \cup {v}
  /\ Retarget(staked \ {v}, jailed)
  /\ UNCHANGED <<l1, committee, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, jailed, l1Jailed, due, crashed>>

\* The TSS task for member set M completed (the DKG of the genesis set first, then reshares).
\* A task opened before another committee became ready is void; the current target, if it
\* differs from M, is the task still open.
CommitteeReady(M) ==
  /\ Settled
  /\ IF committee = {} THEN M = Genesis /\ staked = Genesis
     ELSE M \in tasks /\ M /= {}
  /\ committee' = M
  /\ tasks' = {Target(staked, jailed)} \ {M}
  /\ UNCHANGED <<l1, staked, left, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, jailed, l1Jailed, due, crashed>>

(***************************************************************************)
(* Epochs, blocks, rotation, faults                                        *)
(***************************************************************************)
\* A new epoch starts once the previous range is produced: its validator set is the ready
\* committee minus the jailed validators, and its range [first, last] goes to producer p.
EpochAssigned(e, first, last, p) ==
  LET newSet == CASE Mutant = "NoCommitteeWait" -> Target(staked, jailed)
                  [] Mutant = "AssignJailed"    -> committee
                  [] OTHER                      -> committee \ jailed
  IN
  /\ Settled /\ committee /= {}
  /\ e = epoch + 1 /\ e <= MaxEpoch
  /\ tip = Last + 1
  /\ IF Mutant = "GapRange" THEN first \in {tip, tip + 1} ELSE first = tip
  /\ last = first + RangeLen - 1
  /\ IF Mutant = "AssignInactive" THEN p \in Validators \ jailed ELSE p \in newSet
  /\ epoch' = e
  /\ activeIn' = [activeIn EXCEPT ![e] = newSet]
  /\ committeeIn' = [committeeIn EXCEPT ![e] = committee]
  /\ ranges' = Append(ranges, [first |-> first, last |-> last])
  /\ log' = Append(log, [kind |-> "epoch", epoch |-> e, first |-> first, last |-> last,
                         producer |-> p, voters |-> {}])
  /\ tip' = first /\ votes' = {}
  /\ UNCHANGED <<l1, staked, left, committee, tasks, blocks, faults, jailed, l1Jailed, due, crashed>>

\* The assigned producer of the next height produces it (a crashed one cannot).
BlockProduced(h, p) ==
  /\ Settled /\ epoch >= 1 /\ h = tip /\ h <= Last
  /\ \/ Owner(h) = p
     \/ /\ Mutant = "StalledKeepsProducing"     \* an earlier owner of h in this epoch
        /\ \E i \in 1..Len(log) : log[i].epoch = epoch /\ log[i].producer = p
                                  /\ log[i].first <= h /\ h <= log[i].last
  /\ p \notin crashed
  /\ blocks' = blocks \cup {[height |-> h, producer |-> p, asOf |-> Len(log)]}
  /\ tip' = h + 1
  /\ UNCHANGED <<l1, staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, log,
                 votes, faults, jailed, l1Jailed, due, crashed>>

\* An active validator votes to rotate the producer of the next height out.  An honest one does
\* so when its stall timeout fired; with accurate timeouts (after GST) that happens only for a
\* faulty producer.  A faulty validator may vote at any time.
VoteRotate(v) ==
  /\ Settled /\ epoch >= 1 /\ tip <= Last
  /\ v \in vals \ (votes \cup jailed \cup crashed)
  /\ \/ v \in Faulty
     \/ ~AccurateTimeouts
     \/ Owner(tip) \in Faulty
     \/ Mutant = "VoteWithoutTimeout"           \* an honest validator votes without its own timeout
  /\ votes' = votes \cup {v}
  /\ UNCHANGED <<l1, staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, faults, jailed, l1Jailed, due, crashed>>

RotationQuorum ==
  CASE Mutant = "Unanimity"           -> votes = vals
    [] Mutant = "RotateWithoutQuorum" -> votes /= {}
    [] OTHER                          -> 3 * PowerOf(votes) > 2 * PowerOf(vals)

\* More than 2/3 of the epoch's power voted: the rest of epoch e's range, from the first height
\* not yet produced, goes to `to`; the votes are kept in the log.  Faulted(from) is owed.
Rotated(e, from, to, height) ==
  /\ Settled /\ e = epoch /\ e >= 1 /\ tip <= Last
  /\ from = Owner(tip) /\ RotationQuorum
  /\ IF Mutant = "StaleRotation" THEN height \in ranges[e].first..tip ELSE height = tip
  /\ IF Mutant = "AssignJailed" THEN to \in vals \ {from}
     ELSE to \in vals \ (jailed \cup {from})
  /\ log' = Append(log, [kind |-> "rotation", epoch |-> e, first |-> height, last |-> Last,
                         producer |-> to, voters |-> votes])
  /\ votes' = {} /\ tip' = height
  /\ due' = [event |-> "Faulted", validator |-> from]
  /\ UNCHANGED <<l1, staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, blocks,
                 faults, jailed, l1Jailed, crashed>>

\* The stall is recorded as a fault of the rotated-out producer; at JailAfter faults Jailed is owed.
Faulted(v) ==
  /\ due = [event |-> "Faulted", validator |-> v]
  /\ faults' = [faults EXCEPT ![v] = @ + 1]
  /\ due' = IF faults[v] + 1 >= JailAfter \/ Mutant = "JailEarly"
            THEN [event |-> "Jailed", validator |-> v] ELSE NoDue
  /\ UNCHANGED <<l1, staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, jailed, l1Jailed, crashed>>

\* The validator reached JailAfter faults: never assigned again; the next committee excludes it.
Jailed(v) ==
  /\ due = [event |-> "Jailed", validator |-> v]
  /\ jailed' = jailed \cup {v}
  /\ due' = NoDue
  /\ Retarget(staked, jailed \cup {v})
  /\ UNCHANGED <<l1, staked, left, committee, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, crashed, l1Jailed>>

\* L1 proves that a validator signed two conflicting consensus votes (slashDoubleSign, which any node
\* posts once the evidence is committed) and jails it at once: the pool never assigns it again, and
\* the next committee leaves it out.  Only a faulty validator can double-sign.  If it owns the next
\* height, Evicted is owed.  (The model lets this happen only while another producer is available.)
JailedOnL1(v) ==
  LET owns == epoch >= 1 /\ tip <= Last /\ Owner(tip) = v
  IN
  /\ Settled
  /\ v \in staked \ jailed
  /\ v \in Faulty \/ Mutant = "JailHonestOnL1"
  /\ owns => vals \ (jailed \cup {v}) /= {}
  /\ jailed' = jailed \cup {v} /\ l1Jailed' = l1Jailed \cup {v}
  /\ Retarget(staked, jailed \cup {v})
  /\ due' = IF owns THEN [event |-> "Evicted", validator |-> v] ELSE NoDue
  /\ UNCHANGED <<l1, staked, left, committee, epoch, activeIn, committeeIn, ranges, log, blocks,
                 tip, votes, faults, crashed>>

\* The rest of the range of a producer L1 jailed goes to another validator, without a vote.
Evicted(e, from, to, height) ==
  /\ due = [event |-> "Evicted", validator |-> from]
  /\ e = epoch /\ from = Owner(tip) /\ height = tip
  /\ to \in vals \ (jailed \cup {from})
  /\ log' = Append(log, [kind |-> "eviction", epoch |-> e, first |-> height, last |-> Last,
                         producer |-> to, voters |-> {}])
  /\ votes' = {} /\ due' = NoDue
  /\ UNCHANGED <<l1, staked, left, committee, tasks, epoch, activeIn, committeeIn, ranges, blocks,
                 tip, faults, jailed, l1Jailed, crashed>>

Next ==
  \/ \E v \in Validators : \/ L1Lock(v) \/ L1Unlock(v) \/ Crash(v)
                           \/ ValidatorJoined(v) \/ ValidatorLeft(v)
                           \/ VoteRotate(v) \/ Faulted(v) \/ Jailed(v) \/ JailedOnL1(v)
  \/ \E M \in SUBSET Validators : CommitteeReady(M)
  \/ \E e \in 1..MaxEpoch, f \in Heights, p \in Validators :
        EpochAssigned(e, f, f + RangeLen - 1, p)
  \/ \E p \in Validators : BlockProduced(tip, p)
  \/ \E to \in Validators, h \in Heights : Rotated(epoch, Owner(tip), to, h)
  \/ \E to \in Validators, h \in Heights : Evicted(epoch, Owner(tip), to, h)

\* Fairness: correct validators produce and vote, the genesis file is read, TSS tasks complete,
\* and the pool commits assignments, rotations, faults and jailings; faulty validators, L1 and
\* later stakers get no fairness.
Fairness ==
  /\ \A v \in Genesis : WF_vars(ValidatorJoined(v))
  /\ WF_vars(\E M \in SUBSET Validators : CommitteeReady(M))
  /\ WF_vars(\E e \in 1..MaxEpoch, f \in Heights, p \in Validators :
                EpochAssigned(e, f, f + RangeLen - 1, p))
  /\ \A p \in Validators \ Faulty : WF_vars(BlockProduced(tip, p))
  /\ \A v \in Validators \ Faulty : WF_vars(VoteRotate(v))
  /\ WF_vars(\E to \in Validators, h \in Heights : Rotated(epoch, Owner(tip), to, h))
  /\ \A v \in Validators : WF_vars(Faulted(v)) /\ WF_vars(Jailed(v))
  /\ WF_vars(\E to \in Validators, h \in Heights : Evicted(epoch, Owner(tip), to, h))

Spec == Init /\ [][Next]_vars
FairSpec == Spec /\ Fairness

(***************************************************************************)
(* Properties (each has a mutant model that TLC refutes)                   *)
(***************************************************************************)
\* No two valid L2 blocks at one height.
NoTwoBlocksAtHeight == \A b1, b2 \in blocks : b1.height = b2.height => b1 = b2
\* Every assignment (epoch or rotation) names a validator active in its epoch.
AssignedActive == \A i \in 1..Len(log) : log[i].producer \in activeIn[log[i].epoch]
\* Epoch ranges start at height 1 and follow each other without gaps or overlaps.
Contiguous ==
  /\ Len(ranges) >= 1 => ranges[1].first = 1
  /\ \A i \in 1..Len(ranges) : ranges[i].first <= ranges[i].last
  /\ \A i \in 2..Len(ranges) : ranges[i].first = ranges[i - 1].last + 1
\* No height still to be produced belongs to a jailed validator (a jailed one is never assigned).
NoBannedProducer == Settled => \A h \in tip..Last : Owner(h) \notin jailed
\* The pool's staking ledger follows L1: every committed join and leave has its L1 event.
StakeMatchesL1 ==
  /\ \A v \in staked \cup left : Locked(v) \in l1
  /\ \A v \in left : Unlocked(v) \in l1
\* Every epoch's validator set is a ready committee minus jailed members: every active
\* validator holds a key share, and joins and leaves wait for their committee.
ActiveIsReadyCommittee ==
  \A e \in 1..epoch : /\ activeIn[e] \subseteq committeeIn[e]
                      /\ committeeIn[e] \ activeIn[e] \subseteq jailed
\* A validator is jailed only after JailAfter recorded faults.
JailedAfterKFaults == \A v \in jailed \ l1Jailed : faults[v] >= JailAfter
\* L1 jails only a validator that double-signed, which only a faulty one does.
JailedOnL1OnlyFaulty == l1Jailed \subseteq Faulty
\* With accurate timeouts only faulty validators are rotated out (faulted) or jailed.
OnlyFaultyPunished ==
  AccurateTimeouts => \A v \in Validators : (faults[v] > 0 \/ v \in jailed) => v \in Faulty
\* Every block was produced by the producer its height was assigned to when it was produced
\* (the log keeps every assignment, so a later rotation cannot hide a wrong block).
BlocksByAssignedProducer == \A b \in blocks : b.producer = OwnerAt(b.height, b.asOf)
\* Every rotation was voted by more than 2/3 of the power of its epoch's validator set.
RotationsBackedByQuorum ==
  \A i \in 1..Len(log) :
     log[i].kind = "rotation" =>
        /\ log[i].voters \subseteq activeIn[log[i].epoch]
        /\ 3 * PowerOf(log[i].voters) > 2 * PowerOf(activeIn[log[i].epoch])
\* Liveness (under FairSpec, faulty power below 1/3): every L2 height is produced.
AllHeightsProduced == \A h \in 1..(MaxEpoch * RangeLen) : <>(tip > h)
=============================================================================
