--------------------------- MODULE ResharingTrace ---------------------------
(***************************************************************************)
(* Trace validation for Resharing (see EpochRotationTrace for the scheme).  *)
(* Start, completion, abort and erasure are reported by every member: the  *)
(* first report performs the action, later ones of the same session or     *)
(* generation are echoes.  Crash is not traced and may happen in between. *)
(* A Signed event must be a signature by a threshold of holders of that    *)
(* generation's live shares: a signer without one (a mixed session) is     *)
(* rejected.                                                               *)
(***************************************************************************)
EXTENDS Resharing, TraceData, TLC, Sequences

VARIABLE l

E == Trace[l]
ToSet(s) == {s[i] : i \in DOMAIN s}

TraceInit == Init /\ l = 1 /\ TLCSet(1, 0)

Echo(s, g) == sess /= None /\ sess.id = s /\ sess.status = "completed" /\ sess.to = g
              /\ UNCHANGED vars

\* Every member reports the start (and an abort) of a session: later reports are echoes.
Again(s, status) == sess /= None /\ sess.id = s /\ sess.status \in status /\ UNCHANGED vars

Match ==
  \/ E.event = "DkgStarted" /\ \/ DkgStarted(E.session, E.generation, ToSet(E.members), E.threshold)
                               \/ /\ Again(E.session, {"running", "completed"})
                                  /\ sess.kind = "dkg" /\ sess.to = E.generation
                                  /\ sess.newMembers = ToSet(E.members)
                                  /\ sess.newThreshold = E.threshold
  \/ E.event = "DkgDealt" /\ DkgDealt(E.session, E.dealer)
  \/ E.event = "DkgComplaint" /\ DkgComplaint(E.session, E.accuser, E.accused)
  \/ E.event = "DkgCompleted" /\ \/ DkgCompleted(E.session, E.generation, E.node)
                                 \/ Echo(E.session, E.generation)
  \/ E.event = "ReshareStarted" /\ \/ ReshareStarted(E.session, E.fromGeneration, E.toGeneration,
                                                     ToSet(E.dealers), ToSet(E.newMembers), E.newThreshold)
                                   \/ /\ Again(E.session, {"running", "completed", "aborted"})
                                      /\ sess.kind = "reshare" /\ sess.from = E.fromGeneration
                                      /\ sess.to = E.toGeneration /\ sess.dealers = ToSet(E.dealers)
                                      /\ sess.newMembers = ToSet(E.newMembers)
                                      /\ sess.newThreshold = E.newThreshold
  \/ E.event = "ReshareDealt" /\ ReshareDealt(E.session, E.dealer)
  \/ E.event = "ReshareAcked" /\ ReshareAcked(E.session, E.member)
  \/ E.event = "ReshareCompleted" /\ \/ ReshareCompleted(E.session, E.generation)
                                     \/ Echo(E.session, E.generation)
  \/ E.event = "ReshareAborted" /\ \/ ReshareAborted(E.session, E.reason)
                                   \/ Again(E.session, {"aborted"})
  \/ E.event = "GenerationErased" /\ \/ GenerationErased(E.generation)
                                     \/ gen[E.generation].status = "erased" /\ UNCHANGED vars
  \/ E.event = "Signed" /\ \E msg \in SignMsgs :
                              Signed(E.generation, ToSet(E.signers), msg)

Hidden == \E m \in Members : Crash(m)

TraceNext ==
  \/ l <= Len(Trace) /\ Match /\ l' = l + 1
  \/ Hidden /\ UNCHANGED l

NotWholeTrace == l <= Len(Trace)
MatchedPrefix == (l - 1 > TLCGet(1)) => (TLCSet(1, l - 1) /\ PrintT(<<"matched", l - 1>>))
=============================================================================
