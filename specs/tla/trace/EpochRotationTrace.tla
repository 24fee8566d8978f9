------------------------- MODULE EpochRotationTrace -------------------------
(***************************************************************************)
(* Trace validation for EpochRotation: steps through one node's committed  *)
(* PoS events `Trace` (module TraceData, written by seqpool.specs.trace.   *)
(* TraceToTla; the binding has already read and dropped PosParams).  Each  *)
(* step performs the spec action named by the next event with the event's *)
(* fields as parameters; the untraced environment (crashes of faulty       *)
(* validators, L1 locks and unlocks) may act in between.  An L1 event is   *)
(* only inferred right before the join or leave that needs it: L1 matters  *)
(* to nothing else, and inferring it anywhere would multiply the states.   *)
(* NotWholeTrace is violated exactly when some behaviour of the spec       *)
(* matches the whole trace.                                                *)
(***************************************************************************)
EXTENDS EpochRotation, TraceData, TLC

VARIABLE l    \* the next trace event to match

E == Trace[l]

TraceInit == Init /\ l = 1 /\ TLCSet(1, 0)

\* a JSON array of names as a set
AsSet(seq) == {seq[i] : i \in DOMAIN seq}

Match ==
  \/ E.event = "ValidatorJoined" /\ ValidatorJoined(E.validator)
  \/ E.event = "ValidatorLeft"   /\ ValidatorLeft(E.validator)
  \/ E.event = "CommitteeReady"  /\ CommitteeReady(AsSet(E.members))
  \/ E.event = "EpochAssigned"   /\ EpochAssigned(E.epoch, E.first, E.last, E.producer)
  \/ E.event = "BlockProduced"   /\ BlockProduced(E.height, E.producer)
  \/ E.event = "VoteRotate"      /\ VoteRotate(E.validator)
  \/ E.event = "Rotated"         /\ Rotated(E.epoch, E.from, E.to, E.height)
  \/ E.event = "Faulted"         /\ Faulted(E.validator)
  \/ E.event = "Jailed"          /\ Jailed(E.validator)
  \/ E.event = "JailedOnL1"      /\ JailedOnL1(E.validator)
  \/ E.event = "Evicted"         /\ Evicted(E.epoch, E.from, E.to, E.height)

Hidden ==
  \/ \E v \in Validators : Crash(v)
  \/ l <= Len(Trace) /\ E.event = "ValidatorJoined" /\ L1Lock(E.validator)
  \/ l <= Len(Trace) /\ E.event = "ValidatorLeft" /\ L1Unlock(E.validator)

TraceNext ==
  \/ l <= Len(Trace) /\ Match /\ l' = l + 1
  \/ Hidden /\ UNCHANGED l

\* Violated when the whole trace has been matched (TLC then prints the matching behaviour).
NotWholeTrace == l <= Len(Trace)
\* Keeps the longest matched prefix in TLC register 1 and prints it when it grows.
MatchedPrefix == (l - 1 > TLCGet(1)) => (TLCSet(1, l - 1) /\ PrintT(<<"matched", l - 1>>))
=============================================================================
