------------------------- MODULE EpochRotationTrace -------------------------
(***************************************************************************)
(* Trace validation for EpochRotation: steps through the implementation    *)
(* trace `Trace` (module TraceData, written by seqpool.specs.trace.        *)
(* TraceToTla).  Each step performs the spec action named by the next      *)
(* event with the event's fields as parameters; the untraced actions       *)
(* (VoteRotate, Crash) may happen in between.  NotWholeTrace is violated   *)
(* exactly when some behaviour of the spec matches the whole trace.        *)
(***************************************************************************)
EXTENDS EpochRotation, TraceData, TLC

VARIABLE l    \* the next trace event to match

E == Trace[l]

TraceInit == Init /\ l = 1 /\ TLCSet(1, 0)

Match ==
  \/ E.event = "EpochAssigned" /\ EpochAssigned(E.epoch, E.first, E.last, E.producer)
  \/ E.event = "BlockProduced" /\ BlockProduced(E.height, E.producer)
  \/ E.event = "Rotated"       /\ Rotated(E.epoch, E.from, E.to, E.height)
  \/ E.event = "Jailed"        /\ Jailed(E.validator)
  \/ E.event = "ValidatorJoined" /\ ValidatorJoined(E.validator)
  \/ E.event = "ValidatorLeft" /\ ValidatorLeft(E.validator)

Hidden == \E v \in Validators : Crash(v) \/ VoteRotate(v)

TraceNext ==
  \/ l <= Len(Trace) /\ Match /\ l' = l + 1
  \/ Hidden /\ UNCHANGED l

\* Violated when the whole trace has been matched (TLC then prints the matching behaviour).
NotWholeTrace == l <= Len(Trace)
\* Keeps the longest matched prefix in TLC register 1 and prints it when it grows.
MatchedPrefix == (l - 1 > TLCGet(1)) => (TLCSet(1, l - 1) /\ PrintT(<<"matched", l - 1>>))
=============================================================================
