--------------------------- MODULE BatchSubmission ---------------------------
(***************************************************************************)
(* Batch submission to L1 (issue 12, items 2-4 and 7; issue 16's          *)
(* BatchSubmission): the batch lane of the pool's committed state, the     *)
(* threshold signing with re-derivation, posting with fallback posters,    *)
(* L1's BatchInbox with its continuity check, L1 reorganisations and the   *)
(* safe and finalized L2 heads.                                            *)
(*                                                                         *)
(* The pool's committed state keeps the batches L1 holds, as the pool      *)
(* committed their confirmed BatchAppended events (posted: header and L1   *)
(* block of each), and at most one batch in flight: an open signing task   *)
(* (tasks).  Any validator may propose header h for index Len(posted) + 1  *)
(* covering the L2 blocks after the last batched one up to at most the     *)
(* committed L2 head, only while no batch is in flight; the first          *)
(* committed proposal wins.  A signing attempt has Threshold signers; an   *)
(* honest signer contributes its FROST share only if h is the header it    *)
(* re-derives from its own copy of the L2 chain, otherwise it commits a    *)
(* refusal.  More than N - Threshold refusals drop the proposal, fewer     *)
(* reopen the attempt without the refusers, and so does a timeout.         *)
(* Byzantine members (fewer than Threshold) sign, refuse or stay silent.   *)
(* Once signed, the epoch producer and the signers post, each only if its  *)
(* view of L1 does not hold that index yet; BatchInbox appends only the    *)
(* next index whose first L2 block follows the last one, signed by the     *)
(* pool.  L1 may replace its newest blocks while they have fewer than      *)
(* Confirmations; posters post again while the task is open.  The pool     *)
(* commits a BatchAppended once it is confirmed, which closes the task.    *)
(*                                                                         *)
(* A header is [idx, first, last, good]: good = TRUE is the header the     *)
(* honest L2 chain gives for that range (block-hash commitment, post-state *)
(* root, data hashes); good = FALSE stands for any header that differs in  *)
(* any of them.  Every honest node has the pool's committed L2 chain, so   *)
(* re-derivation gives the good header for any range up to the committed   *)
(* L2 head.  The ranks and submitTimeout (who posts first, when the next   *)
(* one steps in) are timing and affect liveness only: here any eligible    *)
(* poster may post at any time.  Posting is atomic: a transaction lands in *)
(* the next L1 block or reverts (pending transactions are left out).       *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
  Committee,      \* the signing committee (also the validators that propose)
  Byz,            \* the Byzantine members, fewer than Threshold
  Producer,       \* the epoch's producer: the first poster
  Threshold,      \* signers per attempt (the FROST threshold)
  MaxL2,          \* the pool commits L2 blocks 1..MaxL2
  Confirmations,  \* L1 blocks (the block itself included) before the pool commits a BatchAppended
  MaxL1,          \* bound on L1's length
  MaxReorgs,      \* bound on L1 reorganisations
  Mutant          \* "none", or the name of the rule deliberately weakened

ASSUME /\ Byz \subseteq Committee /\ Producer \in Committee
       /\ Threshold \in 1..Cardinality(Committee) /\ Cardinality(Byz) < Threshold
       /\ MaxL2 >= 1 /\ Confirmations >= 1 /\ MaxL1 >= 1 /\ MaxReorgs \in Nat

VARIABLES
  l2Head,    \* the pool's committed L2 head
  posted,    \* the pool's committed batches: <<[h |-> header, blk |-> its L1 block], ...>>, index = position
  tasks,     \* the batches in flight: [h, signers, shares, refusals, seen]
  signed,    \* every header that has a pool signature (public once aggregated)
  l1,        \* canonical L1: one entry per block, a header appended in it or NoBatch
  l1Final,   \* L1 blocks 1..l1Final are final
  reorgs,    \* L1 reorganisations so far
  reverted   \* TRUE once an honest poster paid for a transaction that reverted

vars == <<l2Head, posted, tasks, signed, l1, l1Final, reorgs, reverted>>

Honest == Committee \ Byz
NoBatch == [idx |-> 0, first |-> 0, last |-> 0, good |-> TRUE]
Headers == [idx : 1..MaxL2, first : 1..MaxL2, last : 1..MaxL2, good : BOOLEAN]
Max(S) == CHOOSE x \in S : \A y \in S : y <= x

(* The honest chain's header for a range: what every honest signer re-derives. *)
HonestHeader(k, a, b) == [idx |-> k, first |-> a, last |-> b, good |-> TRUE]

(* --- L1 ------------------------------------------------------------------- *)
BatchBlocks == {i \in 1..Len(l1) : l1[i].idx > 0}
(* BatchInbox's progress: the last header it appended (lastIndex, lastL2Block). *)
L1Last == IF BatchBlocks = {} THEN NoBatch ELSE l1[Max(BatchBlocks)]
L1Holds(k) == \E i \in BatchBlocks : l1[i].idx = k
Depth(i) == Len(l1) - i + 1
Confirmed(i) == Depth(i) >= Confirmations
(* BatchInbox.appendBatch: index = lastIndex + 1 and first = lastL2Block + 1 (the pool signature is checked too:
   only signed headers are ever posted, a forged one reverts and changes nothing). *)
Accepts(h) == Mutant = "NoContinuity" \/ (h.idx = L1Last.idx + 1 /\ h.first = L1Last.last + 1)

(* --- the pool's heads ------------------------------------------------------ *)
LastPosted == IF posted = << >> THEN NoBatch ELSE posted[Len(posted)].h
Safe == LastPosted.last
(* The last committed batch whose L1 block is final; the mutant reads it from L1's final blocks instead. *)
Finalized ==
  IF Mutant = "FinalizedFromL1"
  THEN LET fin == {i \in BatchBlocks : i <= l1Final} IN IF fin = {} THEN 0 ELSE l1[Max(fin)].last
  ELSE LET fin == {k \in 1..Len(posted) : posted[k].blk <= l1Final} IN IF fin = {} THEN 0 ELSE posted[Max(fin)].h.last

(* --- signing --------------------------------------------------------------- *)
Signed(t) == t.shares = t.signers
(* An honest signer re-derives the header of h's range from its own chain (it must have the blocks). *)
Agrees(h) == Mutant = "NoRederive" \/ (h.last <= l2Head /\ h = HonestHeader(h.idx, h.first, h.last))
LaneFree == IF Mutant = "TwoInFlight" THEN Cardinality(tasks) < 2 ELSE tasks = {}
Replace(t, u) == (tasks \ {t}) \cup {u}

Init ==
  /\ l2Head = 0
  /\ posted = << >>
  /\ tasks = {}
  /\ signed = {}
  /\ l1 = << >>
  /\ l1Final = 0
  /\ reorgs = 0
  /\ reverted = FALSE

(* The pool commits the next L2 block. *)
ProduceL2 ==
  /\ l2Head < MaxL2
  /\ l2Head' = l2Head + 1
  /\ UNCHANGED <<posted, tasks, signed, l1, l1Final, reorgs, reverted>>

(* PosTx BatchProposal committed: the pool checks the lane is free, the index, the range, and picks the signers
   of the first attempt.  An honest proposer proposes the honest header; a Byzantine one any header. *)
Propose(v, h) ==
  /\ LaneFree
  /\ h.idx = Len(posted) + 1 /\ h.first = Safe + 1 /\ h.last \in h.first..l2Head
  /\ v \in Honest => h.good
  /\ \E S \in SUBSET Committee :
       /\ Cardinality(S) = Threshold
       /\ tasks' = tasks \cup {[h |-> h, signers |-> S, shares |-> {}, refusals |-> {}, seen |-> FALSE]}
  /\ UNCHANGED <<l2Head, posted, signed, l1, l1Final, reorgs, reverted>>

(* A signer of the attempt contributes its share: an honest one only for the header it re-derives.  The last share
   makes the aggregate signature (verified before anything is sent). *)
Share(s, t) ==
  /\ s \in t.signers \ (t.shares \cup t.refusals)
  /\ s \in Honest => Agrees(t.h)
  /\ LET u == [t EXCEPT !.shares = @ \cup {s}]
     IN /\ tasks' = Replace(t, u)
        /\ signed' = IF Signed(u) THEN signed \cup {t.h} ELSE signed
  /\ UNCHANGED <<l2Head, posted, l1, l1Final, reorgs, reverted>>

(* PosTx BatchRefusal committed: an honest signer whose re-derivation differs refuses; a Byzantine one at will.
   Once more members refused than could leave Threshold willing signers the proposal is dropped and the lane is
   free; otherwise the attempt is reopened without the refusers. *)
Refuse(s, t) ==
  /\ s \in t.signers \ (t.shares \cup t.refusals)
  /\ s \in Honest => ~Agrees(t.h)
  /\ LET R == t.refusals \cup {s}
     IN IF Cardinality(R) > Cardinality(Committee) - Threshold
        THEN tasks' = tasks \ {t}
        ELSE \E S \in SUBSET (Committee \ R) :
               /\ Cardinality(S) = Threshold
               /\ tasks' = Replace(t, [t EXCEPT !.refusals = R, !.signers = S, !.shares = {}])
  /\ UNCHANGED <<l2Head, posted, signed, l1, l1Final, reorgs, reverted>>

(* The attempt times out (a Byzantine signer has not contributed; an honest signer answers in time) and is reopened
   with other signers, none of those that refused. *)
Timeout(t) ==
  /\ ~Signed(t)
  /\ \E s \in t.signers \ t.shares : s \in Byz
  /\ \E S \in SUBSET (Committee \ t.refusals) :
       /\ Cardinality(S) = Threshold /\ S /= t.signers
       /\ tasks' = Replace(t, [t EXCEPT !.signers = S, !.shares = {}])
  /\ UNCHANGED <<l2Head, posted, signed, l1, l1Final, reorgs, reverted>>

(* L1 includes an honest poster's transaction: appended if BatchInbox accepts it, else it reverts and costs. *)
Land(h) ==
  IF Accepts(h)
  THEN /\ l1' = Append(l1, h) /\ UNCHANGED reverted
  ELSE /\ reverted' = TRUE /\ UNCHANGED l1

(* An honest poster (the producer, then the signers, each after its rank's delay) sends the signed batch if its L1
   view does not hold that index yet; after a reorg it sends again while the task is open. *)
Post(p, t) ==
  /\ p \in Honest /\ p \in {Producer} \cup t.signers /\ Signed(t)
  /\ Len(l1) < MaxL1
  /\ Mutant = "NoPreCheck" \/ ~L1Holds(t.h.idx)
  /\ Mutant = "NoRepost" => ~t.seen
  /\ Land(t.h)
  /\ tasks' = IF Mutant = "NoRepost" /\ Accepts(t.h) THEN Replace(t, [t EXCEPT !.seen = TRUE]) ELSE tasks
  /\ UNCHANGED <<l2Head, posted, signed, l1Final, reorgs>>

(* A Byzantine member posts any signed header at any time (only what L1 appends matters). *)
ByzPost(h) ==
  /\ Byz /= {} /\ h \in signed /\ Len(l1) < MaxL1 /\ Accepts(h)
  /\ l1' = Append(l1, h)
  /\ UNCHANGED <<l2Head, posted, tasks, signed, l1Final, reorgs, reverted>>

(* L1 adds a block without a batch (only while a batch waits for its confirmations). *)
Mine ==
  /\ Len(l1) < MaxL1 /\ \E i \in BatchBlocks : ~Confirmed(i)
  /\ l1' = Append(l1, NoBatch)
  /\ UNCHANGED <<l2Head, posted, tasks, signed, l1Final, reorgs, reverted>>

(* L1 reorganises: its newest blocks, none of them with Confirmations yet and one of them with a batch, are
   replaced by as many blocks without one (a fork of the same length: the older blocks keep their depth). *)
Reorg ==
  /\ reorgs < MaxReorgs
  /\ \E k \in 0..(Len(l1) - 1) :
       /\ \A i \in (k + 1)..Len(l1) : ~Confirmed(i)
       /\ \E i \in (k + 1)..Len(l1) : l1[i].idx > 0
       /\ l1' = SubSeq(l1, 1, k) \o [i \in 1..(Len(l1) - k) |-> NoBatch]
  /\ reorgs' = reorgs + 1
  /\ UNCHANGED <<l2Head, posted, tasks, signed, l1Final, reverted>>

(* L1 finalizes its next confirmed block. *)
Finalize ==
  /\ l1Final < Len(l1) /\ Confirmed(l1Final + 1)
  /\ l1Final' = l1Final + 1
  /\ UNCHANGED <<l2Head, posted, tasks, signed, l1, reorgs, reverted>>

(* The pool commits the confirmed BatchAppended of the next index (the bridge's L1 event); the task closes. *)
CommitAppended ==
  \E i \in BatchBlocks :
    /\ l1[i].idx = Len(posted) + 1
    /\ Mutant = "NoConfirmations" \/ Confirmed(i)
    /\ posted' = Append(posted, [h |-> l1[i], blk |-> i])
    /\ tasks' = {t \in tasks : t.h.idx /= l1[i].idx}
    /\ UNCHANGED <<l2Head, signed, l1, l1Final, reorgs, reverted>>

Next ==
  \/ ProduceL2
  \/ \E v \in Committee, h \in Headers : Propose(v, h)
  \/ \E t \in tasks : \/ \E s \in Committee : Share(s, t) \/ Refuse(s, t)
                      \/ Timeout(t)
                      \/ \E p \in Committee : Post(p, t)
  \/ \E h \in signed : ByzPost(h)
  \/ Mine \/ Reorg \/ Finalize \/ CommitAppended

Spec == Init /\ [][Next]_vars

(* Liveness: the honest members act, L1 mines, finalizes and the pool commits its events. *)
FairSpec ==
  /\ Spec
  /\ WF_vars(ProduceL2)
  /\ WF_vars(\E v \in Honest, h \in Headers : Propose(v, h))
  /\ \A s \in Honest : WF_vars(\E t \in tasks : Share(s, t) \/ Refuse(s, t))
  /\ WF_vars(\E t \in tasks : Timeout(t))
  /\ WF_vars(\E p \in Honest, t \in tasks : Post(p, t))
  /\ WF_vars(Mine) /\ WF_vars(CommitAppended)

TypeOK ==
  /\ l2Head \in 0..MaxL2
  /\ \A k \in 1..Len(posted) : posted[k].h \in Headers /\ posted[k].blk \in 1..MaxL1
  /\ \A t \in tasks : t.h \in Headers /\ t.shares \subseteq t.signers /\ t.refusals \subseteq Committee
  /\ signed \subseteq Headers
  /\ Len(l1) <= MaxL1 /\ \A i \in 1..Len(l1) : l1[i] \in Headers \cup {NoBatch}
  /\ l1Final \in 0..Len(l1) /\ reorgs \in 0..MaxReorgs /\ reverted \in BOOLEAN

(***************************************************************************)
(* Properties (each has a mutant model that TLC refutes)                   *)
(***************************************************************************)
\* L1's batches are contiguous: the k-th batch on canonical L1 has index k and starts after the previous one.
L1Contiguous ==
  \A i \in BatchBlocks :
       LET before == {j \in BatchBlocks : j < i}
           prev == IF before = {} THEN NoBatch ELSE l1[Max(before)]
       IN l1[i].idx = prev.idx + 1 /\ l1[i].first = prev.last + 1
\* Each index is appended at most once in the canonical L1 chain.
AppendedOnce == \A i, j \in BatchBlocks : i /= j => l1[i].idx /= l1[j].idx
\* Every batch on canonical L1 is the honest chain's header for its range, and the pool has those blocks.
BatchesMatchChain ==
  \A i \in BatchBlocks : l1[i] = HonestHeader(l1[i].idx, l1[i].first, l1[i].last) /\ l1[i].last <= l2Head
\* No honest poster ever pays for a batch transaction that reverts (a batch is never paid for twice).
NeverPaidTwice == ~reverted
\* finalized <= safe <= the committed L2 head.
HeadsOrdered == Finalized <= Safe /\ Safe <= l2Head
\* At most one batch in flight.
AtMostOneInFlight == Cardinality(tasks) <= 1
\* Every batch the pool committed is on canonical L1, in the block it was committed from.
CommittedOnL1 == \A k \in 1..Len(posted) : posted[k].blk <= Len(l1) /\ l1[posted[k].blk] = posted[k].h
\* Liveness: every committed L2 block ends up in a batch the pool committed.
AllBatched == <>(Safe = MaxL2)
=============================================================================
