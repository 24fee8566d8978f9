--------------------------- MODULE EpochRotation ---------------------------
(***************************************************************************)
(* Epochs, producer assignment and rotation of seqpool.pos.                *)
(*                                                                         *)
(* Validators with stake join and leave; the changes take effect at the    *)
(* next epoch boundary.  Each epoch assigns a contiguous range of L2       *)
(* heights to one producer chosen among the epoch's active validators      *)
(* (stake-weighted from an unpredictable seed: any active, unjailed        *)
(* validator may come out).  A faulty producer may stall or crash; the     *)
(* active validators then vote, and a vote of more than 2/3 of the stake   *)
(* rotates the rest of the range to another producer; the stalled producer *)
(* is jailed and never assigned again.                                     *)
(*                                                                         *)
(* Action names equal the trace events of seqpool.pos: EpochAssigned,      *)
(* BlockProduced, Rotated, Jailed, ValidatorJoined, ValidatorLeft.  Crash  *)
(* and VoteRotate are not traced.                                          *)
(***************************************************************************)
EXTENDS Integers, FiniteSets, Sequences

CONSTANTS
  Validators,       \* everyone who may ever stake
  Genesis,          \* the validators active in epoch 1
  Faulty,           \* validators that may stall, crash and vote arbitrarily
  Stake,            \* [Validators -> positive stake]
  MaxEpoch,         \* epochs 1..MaxEpoch
  RangeLen,         \* L2 heights per epoch
  AccurateTimeouts, \* TRUE: after GST a stall timeout fires only for a faulty producer
  Mutant            \* "none", or the name of the rule deliberately weakened

None == "none"
MaxHeight == MaxEpoch * (RangeLen + 1)         \* room for a (mutant) gap per epoch
Heights == 1..MaxHeight
RECURSIVE StakeOf(_)
StakeOf(S) == IF S = {} THEN 0 ELSE LET v == CHOOSE x \in S : TRUE IN Stake[v] + StakeOf(S \ {v})
\* The fault assumption: the faulty stake of a validator set is below 1/3.
FaultOK(S) == S /= {} /\ 3 * StakeOf(S \cap Faulty) < StakeOf(S)

ASSUME Genesis \subseteq Validators /\ Faulty \subseteq Validators
ASSUME RangeLen >= 1 /\ MaxEpoch >= 1

VARIABLES
  epoch,      \* the current epoch, 0 before the first assignment
  vals,       \* the validator set of the current epoch
  activeIn,   \* [1..MaxEpoch -> SUBSET Validators], fixed when the epoch is assigned
  joining,    \* stake locked, active from the next epoch
  leaving,    \* unstaking, gone from the next epoch
  exited,
  stalled,    \* producers rotated out, waiting to be jailed
  jailed,
  crashed,
  owner,      \* [Heights -> Validators \cup {None}], the producer assigned to each height
  ranges,     \* <<[first, last]>>, the range of each epoch
  log,        \* every assignment made: [epoch, first, last, producer]
  blocks,     \* the valid L2 blocks: [height, producer]
  tip,        \* the next height to produce
  votes       \* validators voting to rotate the current producer out

vars == <<epoch, vals, activeIn, joining, leaving, exited, stalled, jailed, crashed,
          owner, ranges, log, blocks, tip, votes>>

Last == IF epoch = 0 THEN 0 ELSE ranges[epoch].last
\* the validators the next epoch would have with the given joins and leaves
NextSet(J, L) == (vals \cup J) \ (L \cup jailed \cup stalled)

Init ==
  /\ epoch = 0 /\ vals = Genesis /\ activeIn = [e \in 1..MaxEpoch |-> {}]
  /\ joining = {} /\ leaving = {} /\ exited = {}
  /\ stalled = {} /\ jailed = {} /\ crashed = {}
  /\ owner = [h \in Heights |-> None] /\ ranges = <<>> /\ log = {}
  /\ blocks = {} /\ tip = 1 /\ votes = {}

\* A new epoch starts once the previous range is produced: the staking changes take effect,
\* and the range [first, last] goes to producer p.
EpochAssigned(e, first, last, p) ==
  LET newSet == IF Mutant = "AssignJailed" THEN (vals \cup joining) \ leaving
                ELSE NextSet(joining, leaving)
  IN
  /\ e = epoch + 1 /\ e <= MaxEpoch
  /\ tip = Last + 1
  /\ IF Mutant = "GapRange" THEN first \in {tip, tip + 1} ELSE first = tip
  /\ last = first + RangeLen - 1
  /\ IF Mutant = "AssignInactive" THEN p \in Validators \ (jailed \cup exited)
     ELSE p \in newSet
  /\ epoch' = e /\ vals' = newSet /\ activeIn' = [activeIn EXCEPT ![e] = newSet]
  /\ exited' = exited \cup (leaving \ joining) /\ joining' = {} /\ leaving' = {}
  /\ owner' = [h \in Heights |-> IF h \in first..last THEN p ELSE owner[h]]
  /\ ranges' = Append(ranges, [first |-> first, last |-> last])
  /\ log' = log \cup {[epoch |-> e, first |-> first, last |-> last, producer |-> p]}
  /\ tip' = first /\ votes' = {}
  /\ UNCHANGED <<stalled, jailed, crashed, blocks>>

\* The assigned producer of the next height produces it (a crashed one cannot).
BlockProduced(h, p) ==
  /\ epoch >= 1 /\ h = tip /\ h <= Last
  /\ owner[h] = p /\ p \notin crashed
  /\ blocks' = blocks \cup {[height |-> h, producer |-> p]}
  /\ tip' = h + 1
  /\ UNCHANGED <<epoch, vals, activeIn, joining, leaving, exited, stalled, jailed, crashed,
                 owner, ranges, log, votes>>

\* A faulty validator stalls for good (crash).
Crash(v) ==
  /\ v \in Faulty \ crashed
  /\ crashed' = crashed \cup {v}
  /\ UNCHANGED <<epoch, vals, activeIn, joining, leaving, exited, stalled, jailed,
                 owner, ranges, log, blocks, tip, votes>>

\* An active validator votes to rotate the producer of the next height out when its stall
\* timeout fired; with accurate timeouts (after GST) that happens only for a faulty producer.
\* (A faulty validator's vote at other times cannot reach the quorum and is not modelled.)
VoteRotate(v) ==
  /\ epoch >= 1 /\ tip <= Last
  /\ v \in vals \ (votes \cup crashed)
  /\ ~AccurateTimeouts \/ owner[tip] \in Faulty
  /\ votes' = votes \cup {v}
  /\ UNCHANGED <<epoch, vals, activeIn, joining, leaving, exited, stalled, jailed, crashed,
                 owner, ranges, log, blocks, tip>>

RotationQuorum ==
  IF Mutant = "Unanimity" THEN votes = vals ELSE 3 * StakeOf(votes) > 2 * StakeOf(vals)

\* More than 2/3 of the stake voted: the rest of epoch e's range, from height on, goes to `to`.
Rotated(e, from, to, height) ==
  /\ e = epoch /\ e >= 1 /\ tip <= Last
  /\ from = owner[tip] /\ RotationQuorum
  /\ IF Mutant = "StaleRotation" THEN height \in ranges[e].first..tip ELSE height = tip
  /\ IF Mutant = "AssignJailed" THEN to \in vals \ {from}
     ELSE to \in vals \ (jailed \cup stalled \cup {from})
  /\ owner' = [h \in Heights |-> IF h \in height..Last THEN to ELSE owner[h]]
  /\ log' = log \cup {[epoch |-> e, first |-> height, last |-> Last, producer |-> to]}
  /\ stalled' = stalled \cup {from} /\ votes' = {} /\ tip' = height
  /\ UNCHANGED <<epoch, vals, activeIn, joining, leaving, exited, jailed, crashed,
                 ranges, blocks>>

\* The stall is recorded as a fault: the rotated-out producer is jailed.
Jailed(v) ==
  /\ v \in stalled \ jailed
  /\ jailed' = jailed \cup {v}
  /\ UNCHANGED <<epoch, vals, activeIn, joining, leaving, exited, stalled, crashed,
                 owner, ranges, log, blocks, tip, votes>>

\* Stake locked on L1: active from the next epoch (the fault assumption must stay true).
ValidatorJoined(v) ==
  /\ epoch < MaxEpoch
  /\ v \in Validators \ (vals \cup joining \cup exited \cup jailed)
  /\ FaultOK(NextSet(joining \cup {v}, leaving))
  /\ joining' = joining \cup {v}
  /\ UNCHANGED <<epoch, vals, activeIn, leaving, exited, stalled, jailed, crashed,
                 owner, ranges, log, blocks, tip, votes>>

\* Unstaking: the validator stays active until the epoch ends.
ValidatorLeft(v) ==
  /\ epoch < MaxEpoch
  /\ v \in vals \ leaving
  /\ FaultOK(NextSet(joining, leaving \cup {v}))
  /\ leaving' = leaving \cup {v}
  /\ UNCHANGED <<epoch, vals, activeIn, joining, exited, stalled, jailed, crashed,
                 owner, ranges, log, blocks, tip, votes>>

Next ==
  \/ \E e \in 1..MaxEpoch, f \in Heights, p \in Validators :
        EpochAssigned(e, f, f + RangeLen - 1, p)
  \/ \E p \in Validators : BlockProduced(tip, p)
  \/ \E v \in Validators : Crash(v) \/ VoteRotate(v) \/ Jailed(v)
                           \/ ValidatorJoined(v) \/ ValidatorLeft(v)
  \/ \E to \in Validators, h \in Heights : Rotated(epoch, owner[tip], to, h)

\* Fairness: correct validators produce, vote and the pool commits assignments,
\* rotations and jailings; faulty validators and stakers get no fairness.
Fairness ==
  /\ WF_vars(\E e \in 1..MaxEpoch, f \in Heights, p \in Validators :
                EpochAssigned(e, f, f + RangeLen - 1, p))
  /\ \A p \in Validators \ Faulty : WF_vars(BlockProduced(tip, p))
  /\ \A v \in Validators \ Faulty : WF_vars(VoteRotate(v))
  /\ WF_vars(\E to \in Validators, h \in Heights : Rotated(epoch, owner[tip], to, h))
  /\ \A v \in Validators : WF_vars(Jailed(v))

Spec == Init /\ [][Next]_vars
FairSpec == Spec /\ Fairness

(***************************************************************************)
(* Properties                                                              *)
(***************************************************************************)
\* No two valid L2 blocks at one height.
NoTwoBlocksAtHeight == \A b1, b2 \in blocks : b1.height = b2.height => b1 = b2
\* Every assignment names a validator active in its epoch.
AssignedActive == \A a \in log : a.producer \in activeIn[a.epoch]
\* Epoch ranges start at height 1 and follow each other without gaps or overlaps.
Contiguous ==
  /\ Len(ranges) >= 1 => ranges[1].first = 1
  /\ \A i \in 1..Len(ranges) : ranges[i].first <= ranges[i].last
  /\ \A i \in 2..Len(ranges) : ranges[i].first = ranges[i - 1].last + 1
\* No height still to be produced belongs to a jailed or exited validator.
NoBannedProducer == \A h \in tip..Last : owner[h] \notin jailed \cup exited
\* Liveness (under FairSpec, faulty stake below 1/3): every L2 height is produced.
AllHeightsProduced == \A h \in 1..(MaxEpoch * RangeLen) : <>(tip > h)
=============================================================================
