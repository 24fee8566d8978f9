------------------------- MODULE L2ProductionTrace -------------------------
(***************************************************************************)
(* Trace validation for L2Production (see EpochRotationTrace for the       *)
(* scheme): steps through a merged L2 trace, one event per step.  The      *)
(* binding (L2ProductionBinding) has read and dropped L2Params and maps    *)
(* each block hash to the spec's block id <<number, producer, v>> in       *)
(* TBlockId (v counts the distinct blocks of one producer for one number,  *)
(* in order of appearance); a parent hash that is no block of the trace    *)
(* is genesis.  Epoch 1's assignment is the spec's initial state: its      *)
(* EpochAssigned event only checks it.  Stale branches (ignored blocks)    *)
(* are not traced and change nothing.                                      *)
(***************************************************************************)
EXTENDS L2Production, TraceData, TLC

VARIABLE l    \* the next trace event to match

E == Trace[l]

TraceInit == Init /\ l = 1 /\ TLCSet(1, 0)

ParentId(h) == IF h \in DOMAIN TBlockId THEN TBlockId[h] ELSE Genesis
\* The block an event describes in full (BlockProduced).
Described == [n |-> E.number, p |-> E.producer, v |-> TBlockId[E.block][3], par |-> ParentId(E.parent),
              c |-> E.cursor]
\* The published block an event names by its hash.
Named == {b \in pub : Id(b) = TBlockId[E.block]}

Match ==
  \/ E.event = "EpochAssigned" /\ E.first = 1 /\ E.last = RangeLen /\ orig[1] = E.producer /\ UNCHANGED vars
  \/ E.event = "EpochAssigned" /\ E.first = Len(asg) + 1 /\ E.last = Len(asg) + RangeLen
     /\ EpochAssigned(E.producer)
  \/ E.event = "ProgressCommitted" /\ E.number = progress + 1 /\ CommitProgress
  \/ E.event = "Rotated" /\ E.number = progress + 1 /\ E.number <= Len(asg) /\ asg[E.number] = E.from
     /\ Rotate(E.to)
  \/ E.event = "BlockProduced" /\ E.producer \in Honest /\ E.node = E.producer
     /\ Produce(E.producer) /\ pub' = pub \cup {Described}
  \/ E.event = "BlockProduced" /\ E.producer \in Faulty
     /\ ProduceFaulty(E.producer, E.number, Described.v, E.cursor) /\ pub' = pub \cup {Described}
  \/ E.event = "BlockAccepted" /\ E.node \in Honest /\ \E b \in Named : Accept(E.node, b)
  \/ E.event = "EquivocationFound" /\ E.node \in Honest
     /\ \E b \in Named : Conflict(E.node, b) /\ evidence' = evidence \cup {<<E.producer, E.number>>}
     /\ chain' = chain

TraceNext == l <= Len(Trace) /\ Match /\ l' = l + 1

NotWholeTrace == l <= Len(Trace)
MatchedPrefix == (l - 1 > TLCGet(1)) => (TLCSet(1, l - 1) /\ PrintT(<<"matched", l - 1>>))
=============================================================================
