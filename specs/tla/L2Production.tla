----------------------------- MODULE L2Production -----------------------------
(***************************************************************************)
(* L2 block production and hand-over (issue 16, "L2Production").          *)
(*                                                                         *)
(* The pool (PoS, EpochRotation.tla) commits who produces each L2 number:  *)
(* an epoch's range goes to one producer, assigned once the previous range *)
(* is covered by committed L2 progress; a rotation (a >2/3 vote, here one  *)
(* nondeterministic step) gives the rest of the current range, from the    *)
(* first number without committed progress, to another producer.  asg is  *)
(* the latest revision of the committed assignments (AssignmentSource:     *)
(* "latest revision"), orig the one the epoch started with.  Every node    *)
(* sees the committed assignments at once: lagging views of committed      *)
(* state are ForcedInclusion.tla's subject.                                *)
(*                                                                         *)
(* Honest nodes are followers and, when assigned, producers.  An honest    *)
(* producer extends its own head with the next number if that number is   *)
(* assigned to it, and signs at most one block per number (it never signs  *)
(* a number it has signed).  A faulty producer signs any block: any        *)
(* number, a published parent or genesis, any forced cursor, and two       *)
(* different blocks for one number (equivocation).  A follower examines any published block, in any *)
(* order, any number of times (gossip, sync, held blocks examined again):  *)
(* BlockValidator.validate.  A block for head + 1 whose parent is the head, *)
(* signed by the number's assigned producer and keeping the forced rule is *)
(* accepted; a block at or below the head that differs from the stored one *)
(* is equivocation evidence if it has the same producer, otherwise a stale *)
(* branch (ignored); anything else is held or rejected (no state change).  *)
(* On a rotation every node drops the blocks it holds that the new         *)
(* revision assigns to another producer (SequencerNode.dropSuperseded):    *)
(* the new producer continues from the last block it holds below the       *)
(* rotation point.                                                         *)
(*                                                                         *)
(* Forced inclusion is reduced to one message committed from the start and *)
(* due at block Due: a block's cursor c is 0 or 1, never goes back, and is *)
(* 1 from Due on (ForcedRule.check; ForcedInclusion.tla has the deadlines, *)
(* views and committed progress in full).                                  *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

CONSTANTS
  Honest,     \* the honest nodes: followers, and producers when assigned
  Faulty,     \* the faulty producers (they follow nothing)
  RangeLen,   \* L2 numbers per epoch
  MaxBlock,   \* L2 numbers 1..MaxBlock (a multiple of RangeLen)
  MaxRot,     \* at most this many rotations
  MaxByz,     \* at most this many blocks signed by faulty producers
  Due,        \* the forced message is due at blocks Due, Due + 1, ...
  Mutant      \* "none", or the name of the rule deliberately weakened

ASSUME RangeLen >= 1 /\ MaxBlock >= RangeLen /\ MaxBlock % RangeLen = 0 /\ Due >= 1 /\ Honest \cap Faulty = {}

Producers == Honest \cup Faulty
Genesis == <<0, "genesis", 0>>

VARIABLES
  asg,       \* the committed assignments, latest revision: asg[n] = the producer of L2 number n
  orig,      \* the assignments as their epochs assigned them (before any rotation)
  progress,  \* committed L2 progress: the pool has counted blocks 1..progress
  rot,       \* rotations so far
  pub,       \* every signed block: [n, p (signer), v (1, or 2 for a faulty producer's second block), par (parent id), c]
  chain,     \* [Honest -> the blocks the node holds, in order]
  acc,       \* [Honest -> every block the node ever accepted (dropped ones included)]
  seen,      \* [Honest -> the equivocations the node met: blocks of the producer of its stored block, same number]
  evidence   \* equivocation evidence: <<producer, number>> pairs

vars == <<asg, orig, progress, rot, pub, chain, acc, seen, evidence>>

Id(b) == <<b.n, b.p, b.v>>
HeadId(s) == IF s = << >> THEN Genesis ELSE Id(s[Len(s)])
HeadC(s) == IF s = << >> THEN 0 ELSE s[Len(s)].c
EpochEnd(n) == ((n - 1) \div RangeLen + 1) * RangeLen

(* The assignment a node checks a block against: the latest revision (mutant: the epoch's, so a rotated-out
   producer keeps producing and its blocks pass). *)
Owner(n) == IF Mutant = "OldProducerKeepsProducing" THEN orig[n] ELSE asg[n]

(* ForcedRule.check, reduced: the cursor never goes back, and the due message is consumed from Due on. *)
ForcedOK(b, pc) == b.c >= pc /\ (Mutant = "SkipDueMessage" \/ b.n < Due \/ b.c = 1)

(* BlockValidator.validate says Accept for block b at node a. *)
Acceptable(a, b) ==
  LET h == Len(chain[a]) IN
  /\ b.n <= Len(asg)                                         \* the assignment is committed (else held)
  /\ IF Mutant = "AcceptGap" THEN b.n > h                    \* mutant: any block above the head, any parent
     ELSE b.n = h + 1 /\ b.par = HeadId(chain[a])            \* head + 1 (else held: gap), parent = head (BAD_PARENT)
  /\ (Mutant = "AcceptAnySigner" \/ b.p = Owner(b.n))        \* WRONG_PRODUCER
  /\ ForcedOK(b, HeadC(chain[a]))                            \* FORCED_CURSOR, FORCED_MESSAGE_SKIPPED

(* SequencerNode.dropSuperseded: drop every block from the lowest one whose producer the new revision does not
   assign (only blocks from the rotation point on can be such). *)
Drop(s, a2) ==
  LET bad == {i \in 1..Len(s) : s[i].p /= a2[s[i].n]}
  IN IF bad = {} THEN s ELSE SubSeq(s, 1, (CHOOSE i \in bad : \A j \in bad : i <= j) - 1)

Init ==
  /\ \E p \in Producers : asg = [n \in 1..RangeLen |-> p] /\ orig = asg
  /\ progress = 0
  /\ rot = 0
  /\ pub = {}
  /\ chain = [a \in Honest |-> << >>]
  /\ acc = [a \in Honest |-> {}]
  /\ seen = [a \in Honest |-> {}]
  /\ evidence = {}

(* PosMachine.startEpoch: the next epoch's range is assigned once committed progress covers the current one. *)
EpochAssigned(p) ==
  /\ progress = Len(asg) /\ Len(asg) < MaxBlock
  /\ asg' = asg \o [i \in 1..RangeLen |-> p]
  /\ orig' = orig \o [i \in 1..RangeLen |-> p]
  /\ UNCHANGED <<progress, rot, pub, chain, acc, seen, evidence>>

(* PosMachine.applyL2Progress: the pool counts the next block some honest node holds. *)
CommitProgress ==
  /\ progress < Len(asg)
  /\ \E a \in Honest : Len(chain[a]) > progress
  /\ progress' = progress + 1
  /\ UNCHANGED <<asg, orig, rot, pub, chain, acc, seen, evidence>>

(* PosMachine.applyRotationVote (>2/3 of the epoch's power): the rest of the current range, from the first number
   without committed progress, goes to another producer; every node drops what the new revision supersedes
   (SequencerNode.onAssignmentsChanged -> dropSuperseded; mutant KeepSuperseded: nothing is dropped). *)
Rotate(q) ==
  LET r == progress + 1
      a2 == [n \in 1..Len(asg) |-> IF n >= r /\ n <= EpochEnd(r) THEN q ELSE asg[n]]
  IN /\ rot < MaxRot /\ r <= Len(asg) /\ q /= asg[r]
     /\ asg' = a2
     /\ rot' = rot + 1
     /\ chain' = IF Mutant = "KeepSuperseded" THEN chain ELSE [a \in Honest |-> Drop(chain[a], a2)]
     /\ UNCHANGED <<orig, progress, pub, acc, seen, evidence>>

(* SequencerNode.produce / onSigned: an honest producer extends its own head with the next number if it is assigned
   to it, consumes the forced message when due (maybe earlier), and never signs a number it signed before (the
   store already holds block n: ProductionFailed).  Mutant StartAtRotationPoint: it starts at the first number
   assigned to it above its head, whatever block it holds last. *)
Produce(p) ==
  LET h == Len(chain[p])
      mine == {k \in (h + 1)..Len(asg) : Owner(k) = p}
      n == IF Mutant = "StartAtRotationPoint" /\ mine /= {} THEN CHOOSE k \in mine : \A j \in mine : k <= j
           ELSE h + 1
  IN /\ n <= Len(asg) /\ Owner(n) = p
     /\ ~\E b \in pub : b.p = p /\ b.n = n
     /\ \E c \in HeadC(chain[p])..1 :
          /\ n >= Due => c = 1
          /\ LET b == [n |-> n, p |-> p, v |-> 1, par |-> HeadId(chain[p]), c |-> c]
             IN /\ pub' = pub \cup {b}
                /\ chain' = [chain EXCEPT ![p] = Append(@, b)]
                /\ acc' = [acc EXCEPT ![p] = @ \cup {b}]
     /\ UNCHANGED <<asg, orig, progress, rot, seen, evidence>>

(* A faulty producer signs any block: any number, a parent among the published blocks of the number before it (or
   genesis, which stands for any parent no follower holds), any cursor; two for one number is equivocation. *)
ProduceFaulty(z, n, v, c) ==
  /\ Cardinality({b \in pub : b.p \in Faulty}) < MaxByz
  /\ ~\E b \in pub : b.p = z /\ b.n = n /\ b.v = v
  /\ \E par \in {Genesis} \cup {Id(b) : b \in {x \in pub : x.n = n - 1}} :
       pub' = pub \cup {[n |-> n, p |-> z, v |-> v, par |-> par, c |-> c]}
  /\ UNCHANGED <<asg, orig, progress, rot, chain, acc, seen, evidence>>

(* SequencerNode.onMessage -> BlockValidator.validate -> SequencerNode.apply: Accept appends the block. *)
Accept(a, b) ==
  /\ Acceptable(a, b)
  /\ chain' = [chain EXCEPT ![a] = Append(@, b)]
  /\ acc' = [acc EXCEPT ![a] = @ \cup {b}]
  /\ UNCHANGED <<asg, orig, progress, rot, pub, seen, evidence>>

(* BlockValidator.againstStored: a block at or below the head that differs from the stored one.  The same producer:
   equivocation, stored as evidence against that producer (L2BlockStore.recordEquivocation, EquivocationFound);
   another producer: a stale branch, ignored.  Mutants: IgnoreEquivocation (equivocation ignored too), BlameHonest
   (a stale branch counts as evidence against its signer), AcceptTwoAtNumber (the node switches its head to the
   other block of the same producer). *)
Conflict(a, b) ==
  LET h == Len(chain[a])
      stored == chain[a][b.n]
  IN /\ b.n <= h /\ stored /= b
     /\ IF stored.p = b.p
          THEN /\ seen' = [seen EXCEPT ![a] = @ \cup {b}]
               /\ IF Mutant = "AcceptTwoAtNumber" /\ b.n = h /\ b.par = stored.par
                    THEN /\ chain' = [chain EXCEPT ![a] = Append(SubSeq(@, 1, h - 1), b)]
                         /\ acc' = [acc EXCEPT ![a] = @ \cup {b}]
                         /\ UNCHANGED evidence
                  ELSE /\ evidence' = IF Mutant = "IgnoreEquivocation" THEN evidence
                                      ELSE evidence \cup {<<b.p, b.n>>}
                       /\ UNCHANGED <<chain, acc>>
          ELSE /\ evidence' = IF Mutant = "BlameHonest" THEN evidence \cup {<<b.p, b.n>>} ELSE evidence
               /\ UNCHANGED <<chain, acc, seen>>
     /\ UNCHANGED <<asg, orig, progress, rot, pub>>

Next ==
  \/ \E p \in Producers : EpochAssigned(p)
  \/ CommitProgress
  \/ \E q \in Producers : Rotate(q)
  \/ \E p \in Honest : Produce(p)
  \* Two reductions of the faulty producer's choices: a block for a number beyond the committed assignments is only
  \* held until they cover it, so signing it then is the same; and its v-th block at a number comes after the v - 1
  \* others (v only tells them apart).
  \/ \E z \in Faulty, n \in 1..Len(asg), c \in 0..1 :
       ProduceFaulty(z, n, Cardinality({b \in pub : b.p = z /\ b.n = n}) + 1, c)
  \/ \E a \in Honest, b \in pub : Accept(a, b) \/ Conflict(a, b)

Spec == Init /\ [][Next]_vars

TypeOK ==
  /\ Len(asg) \in 1..MaxBlock /\ \A n \in 1..Len(asg) : asg[n] \in Producers
  /\ progress \in 0..Len(asg) /\ rot \in 0..MaxRot
  /\ \A b \in pub : b.n \in 1..MaxBlock /\ b.p \in Producers /\ b.v \in 1..2 /\ b.c \in 0..1
  /\ \A a \in Honest : \A i \in 1..Len(chain[a]) : chain[a][i] \in pub
  /\ evidence \subseteq Producers \X (1..MaxBlock)

(***************************************************************************)
(* Properties (each has a mutant model that TLC refutes)                   *)
(***************************************************************************)
Equivocated(p, n) == \E b1, b2 \in pub : b1 /= b2 /\ b1.p = p /\ b2.p = p /\ b1.n = n /\ b2.n = n

\* At most one block per L2 number: an honest node never accepts two blocks of one producer for one number (an
\* equivocation is evidence, never a switch), and two honest nodes hold different blocks at a number only if the
\* producer of those blocks is faulty and equivocated there (an unsafe split that committed progress settles).
OneBlockPerNumber ==
  /\ \A a \in Honest : \A x, y \in acc[a] : x.n = y.n /\ x.p = y.p => x = y
  /\ \A a, b \in Honest : \A i \in 1..Len(chain[a]) :
       i <= Len(chain[b]) /\ chain[a][i] /= chain[b][i] =>
         chain[a][i].p = chain[b][i].p /\ chain[a][i].p \in Faulty /\ Equivocated(chain[a][i].p, i)
\* Every block an honest node holds is signed by the producer the latest committed revision assigns to its number.
AssignedProducer == \A a \in Honest : \A i \in 1..Len(chain[a]) : chain[a][i].p = asg[chain[a][i].n]
\* No gaps, across epoch boundaries and rotations: the i-th block a node holds has number i and the (i-1)-th as parent.
NoGap ==
  \A a \in Honest : \A i \in 1..Len(chain[a]) :
    /\ chain[a][i].n = i
    /\ chain[a][i].par = IF i = 1 THEN Genesis ELSE Id(chain[a][i - 1])
\* Every equivocation an honest node meets (a block of the producer of its stored block, for the same number) is
\* turned into evidence against that producer.
EquivocationBecomesEvidence == \A a \in Honest : \A b \in seen[a] : <<b.p, b.n>> \in evidence
\* Evidence names exactly an equivocating producer: one that signed two blocks for that number; never an honest one.
EvidenceOnlyAgainstEquivocator == \A e \in evidence : e[1] \in Faulty /\ Equivocated(e[1], e[2])
\* The due forced message is included: every block an honest node holds from Due on has consumed it.
DueIncluded == \A a \in Honest : \A i \in 1..Len(chain[a]) : chain[a][i].n >= Due => chain[a][i].c = 1
=============================================================================
