--------------------------- MODULE ForcedInclusion ---------------------------
(***************************************************************************)
(* Forced inclusion of L1-queued transactions in the L2 chain (issue 11,   *)
(* "forced inclusion"; the forced-inclusion part of issue 16's             *)
(* L2Production): the rules that depend on committed PoS state.            *)
(*                                                                         *)
(* The pool commits states one consensus height after another (hist).  A   *)
(* state holds the committed L2 head, the forced messages committed so     *)
(* far, each with its due block = the committed L2 head when it was        *)
(* committed + N (PosMachine.onForcedQueued), and how many of them         *)
(* committed L2 progress covers (PosState.forcedIncluded).  Every node has *)
(* committed some prefix of hist (view): nodes lag behind the pool, each   *)
(* its own way.  One producer publishes one block per L2 number            *)
(* (equivocation is EpochRotation's and the evidence path's business); a   *)
(* block is just its forced cursor: how many messages the chain has        *)
(* consumed up to it.  An honest producer waits while its view cannot      *)
(* judge its next block and consumes every message due at it, and maybe    *)
(* more it knows of (SequencerNode.produce, ForcedSection.choose); a       *)
(* faulty one publishes any cursor at any time.  A follower judges the     *)
(* next block with its own view (ForcedRule.check): if the view cannot     *)
(* judge it (number >= committed head + N) or lacks the messages it        *)
(* consumes, the block waits (held); otherwise a cursor that goes back or  *)
(* leaves a due message unconsumed is rejected, and any other block is     *)
(* accepted.  The pool counts a block as L2 progress only if it keeps the  *)
(* same rules against the committed state (PosState.forcedProgressViolation).*)
(* Whether skipped messages were really not executable is execution's      *)
(* check (Execution.verifyForced), not modelled: here every consumed       *)
(* message counts as consumed.                                             *)
(*                                                                         *)
(* The properties hold against the LATEST committed state, not the view    *)
(* the block was judged with, and two views never reach opposite verdicts  *)
(* on a block: a verdict does not change as consensus goes on, which is    *)
(* what makes it the same on every node.                                   *)
(***************************************************************************)
EXTENDS Naturals, Sequences

CONSTANTS
  Followers,       \* the honest nodes that validate blocks
  N,               \* forcedInclusionBlocks
  MaxBlock,        \* L2 numbers 1..MaxBlock
  MaxMsgs,         \* forced messages 1..MaxMsgs
  MaxHeight,       \* consensus heights 1..MaxHeight
  ProducerFaulty,  \* TRUE: the producer publishes any cursor, at any time
  Mutant           \* "none", or the name of the rule deliberately weakened

ASSUME N >= 1 /\ MaxBlock >= 1 /\ MaxMsgs >= 1 /\ MaxHeight >= 1

VARIABLES
  hist,     \* committed PoS states by consensus height: [head |-> committed L2 head,
            \*   due |-> <<due block of message 1, 2, ...>>, incl |-> messages covered by committed progress]
  view,     \* [Followers \cup {"p"} -> the consensus height the node has committed]
  pub,      \* the producer's blocks: pub[i] = forced cursor of block i
  chain,    \* [Followers -> the cursors of the blocks the follower accepted, in order]
  rejected  \* [Followers -> the L2 numbers whose block the follower rejected]

vars == <<hist, view, pub, chain, rejected>>
Nodes == Followers \cup {"p"}
Last == hist[Len(hist)]
Parent(s, i) == IF i = 1 THEN 0 ELSE s[i - 1]

\* Whether cursor c leaves a message unconsumed that is due at block i in state s (messages are due in index order,
\* so the first one left out decides).  An IF, not a conjunction: TLC must not evaluate due[c + 1] past the end.
LeavesDue(s, i, c) == IF c >= Len(s.due) THEN FALSE ELSE s.due[c + 1] <= i

(* ForcedRule.viewCovers: the view can judge block i. *)
Judges(s, i) == Mutant = "NoGate" \/ i < s.head + N
(* ForcedRule.check, with parent cursor pc: hold unless the view can judge the block and has every message it
   consumes; then reject a cursor going back or a due message left unconsumed. *)
Knows(s, c) == Mutant = "NoLengthCheck" \/ c <= Len(s.due)
GoesBack(pc, c) == Mutant /= "NoCursorCheck" /\ c < pc
SkipsDue(s, i, c) == Mutant /= "NoDueCheck" /\ LeavesDue(s, i, c)
Valid(s, i, pc, c) == Judges(s, i) /\ ~GoesBack(pc, c) /\ Knows(s, c) /\ ~SkipsDue(s, i, c)
Invalid(s, i, pc, c) == Judges(s, i) /\ (GoesBack(pc, c) \/ (c <= Len(s.due) /\ SkipsDue(s, i, c)))

(* PosState.forcedProgressViolation: the pool counts block k (cursor c) as progress only if the cursor is not below
   what progress already covers, does not pass the committed messages, and leaves no due message out (the pending
   message at the cursor, which exists only from the covered count on). *)
ProgressOK(s, k, c) ==
  /\ (Mutant = "NoProgressBackCheck" \/ c >= s.incl)
  /\ (Mutant = "NoProgressLengthCheck" \/ c <= Len(s.due))
  /\ (Mutant = "NoProgressCheck" \/ ~(c >= s.incl /\ LeavesDue(s, k, c)))

Init ==
  /\ hist = << [head |-> 0, due |-> << >>, incl |-> 0] >>
  /\ view = [n \in Nodes |-> 1]
  /\ pub = << >>
  /\ chain = [f \in Followers |-> << >>]
  /\ rejected = [f \in Followers |-> {}]

(* The pool commits a height with a forced message (PosMachine.onForcedQueued). *)
CommitMessage ==
  /\ Len(hist) < MaxHeight /\ Len(Last.due) < MaxMsgs
  /\ hist' = Append(hist, [Last EXCEPT !.due = Append(@, Last.head + N)])
  /\ UNCHANGED <<view, pub, chain, rejected>>

(* The pool commits L2 progress up to block k (PosMachine.applyL2Progress if PosMachine.progressValid; the proposer
   picks it with ProposalRules.progressValid). *)
CommitProgress(k) ==
  /\ Len(hist) < MaxHeight /\ k > Last.head /\ k <= Len(pub) /\ ProgressOK(Last, k, pub[k])
  /\ hist' = Append(hist, [Last EXCEPT !.head = k, !.incl = IF pub[k] > @ THEN pub[k] ELSE @])
  /\ UNCHANGED <<view, pub, chain, rejected>>

(* A node commits the next height (its consensus catches up).  A faulty producer's view does not matter. *)
Learn(n) ==
  /\ n = "p" => ~ProducerFaulty
  /\ view[n] < Len(hist)
  /\ view' = [view EXCEPT ![n] = @ + 1]
  /\ UNCHANGED <<hist, pub, chain, rejected>>

(* SequencerNode.produce: an honest producer waits until its view can judge the block (SequencerNode.forcedSection,
   ForcedRule.viewCovers), then consumes every message due at the block and maybe more of those it knows of
   (ForcedSection.choose: at most 64 not due yet; here any number). *)
Produce ==
  LET s == hist[view["p"]]
      i == Len(pub) + 1
  IN /\ ~ProducerFaulty /\ i <= MaxBlock
     /\ (Mutant = "NoProducerGate" \/ i < s.head + N)
     /\ \E c \in Parent(pub, i)..Len(s.due) :
          /\ ~LeavesDue(s, i, c)
          /\ pub' = Append(pub, c)
     /\ UNCHANGED <<hist, view, chain, rejected>>

(* A faulty producer publishes any cursor. *)
ProduceAny(c) ==
  /\ ProducerFaulty /\ Len(pub) < MaxBlock
  /\ pub' = Append(pub, c)
  /\ UNCHANGED <<hist, view, chain, rejected>>

(* SequencerNode.onMessage -> BlockValidator.validate -> ForcedRule.check says Accept: the follower appends. *)
Accept(f) ==
  LET i == Len(chain[f]) + 1
  IN /\ i <= Len(pub)
     /\ Valid(hist[view[f]], i, Parent(chain[f], i), pub[i])
     /\ chain' = [chain EXCEPT ![f] = Append(@, pub[i])]
     /\ UNCHANGED <<hist, view, pub, rejected>>

(* ForcedRule.check says Reject (FORCED_CURSOR, FORCED_MESSAGE_SKIPPED): the follower drops the block and penalises
   its sender; it may meet the block again (sync) and judge it again. *)
Reject(f) ==
  LET i == Len(chain[f]) + 1
  IN /\ i <= Len(pub) /\ i \notin rejected[f]
     /\ Invalid(hist[view[f]], i, Parent(chain[f], i), pub[i])
     /\ rejected' = [rejected EXCEPT ![f] = @ \cup {i}]
     /\ UNCHANGED <<hist, view, pub, chain>>

Next ==
  \/ CommitMessage
  \/ \E k \in 1..MaxBlock : CommitProgress(k)
  \/ \E n \in Nodes : Learn(n)
  \/ Produce
  \/ \E c \in 0..MaxMsgs : ProduceAny(c)
  \/ \E f \in Followers : Accept(f) \/ Reject(f)

Spec == Init /\ [][Next]_vars

TypeOK ==
  /\ \A k \in 1..Len(hist) :
       /\ hist[k].head \in 0..MaxBlock
       /\ hist[k].incl \in 0..MaxMsgs
       /\ \A m \in 1..Len(hist[k].due) : hist[k].due[m] \in N..(MaxBlock + N)
  /\ \A n \in Nodes : view[n] \in 1..Len(hist)
  /\ \A i \in 1..Len(pub) : pub[i] \in 0..MaxMsgs
  /\ \A f \in Followers : Len(chain[f]) <= Len(pub) /\ rejected[f] \subseteq 1..Len(pub)

(***************************************************************************)
(* Properties (each has a mutant model that TLC refutes)                   *)
(***************************************************************************)
\* A due forced message is included: every block a follower accepted consumed every message due at or before it,
\* counting the messages the pool committed after the follower judged the block.
DueIncluded ==
  \A f \in Followers : \A i \in 1..Len(chain[f]) : \A m \in 1..Len(Last.due) :
    Last.due[m] <= i => chain[f][i] >= m
\* The cursor of an accepted chain never goes back.
CursorMonotone == \A f \in Followers : \A i \in 2..Len(chain[f]) : chain[f][i] >= chain[f][i - 1]
\* An accepted block consumes only messages the pool has committed: nobody can consume (and so censor) a message
\* before it exists.
ConsumedCommitted == \A f \in Followers : \A i \in 1..Len(chain[f]) : chain[f][i] <= Len(Last.due)
\* No block is accepted by one follower (or by a follower at one time) and rejected by another (or at another time):
\* the verdict does not depend on how far a node's consensus is, so honest nodes never split.
VerdictsAgree == \A f, g \in Followers : \A i \in rejected[f] : Len(chain[g]) < i
\* An honest producer's blocks keep every deadline, including those committed after it made them, so honest
\* followers can accept them all.
HonestProducerKeepsDeadlines ==
  ~ProducerFaulty => \A i \in 1..Len(pub) : \A m \in 1..Len(Last.due) : Last.due[m] <= i => pub[i] >= m
\* The pool's committed progress never counts a block that left a due message out.
CommittedProgressKeepsDeadlines ==
  Last.head > 0 => \A m \in 1..Len(Last.due) : Last.due[m] <= Last.head => pub[Last.head] >= m
\* Committed progress covers only committed messages.
IncludedCommitted == Last.incl <= Len(Last.due)
=============================================================================
